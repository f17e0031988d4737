package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"shortlist/internal/screening"
)

// head is one vetting of a job as the shortlist first reads it: only what
// ranking and counting need, all of it in the index vettings_job_candidate.
type head struct {
	candidateID, id int64
	status, verdict string
	score           int
}

// Shortlist reads a job's ranking: the newest finished vetting of each
// active candidate, best score first, narrowed to one verdict when verdict
// is set and to the best limit when limit is positive; the full ranking
// counted by verdict; and the newest vetting of each candidate counted by
// status.
//
// It reads the job's vettings once, in candidate order, from one covering
// index range, picks each candidate's newest in Go, and only then reads the
// whole rows of the results it returns. Picking the newest in SQL took a
// lookup per candidate for each of the three figures: about 20 ms each for
// a job of 1,600 candidates vetted six times, against 4 ms for this read.
func (db *DB) Shortlist(ctx context.Context, jobID int64, verdict string,
	limit int) (screening.Shortlist, error) {
	var sl screening.Shortlist
	heads, err := db.shortlistHeads(ctx, jobID)
	if err != nil {
		return sl, fmt.Errorf("shortlist of job %d: %w", jobID, err)
	}

	sl.Verdicts = map[string]int{}
	var ranked []head
	for i := 0; i < len(heads); {
		// heads holds each candidate's vettings together, oldest first.
		j := i
		var done *head
		for ; j < len(heads) && heads[j].candidateID == heads[i].candidateID; j++ {
			if heads[j].status == string(screening.Done) {
				done = &heads[j]
			}
		}
		countStatus(&sl.Progress, heads[j-1].status)
		if done != nil {
			sl.Verdicts[done.verdict]++
			if verdict == "" || done.verdict == verdict {
				ranked = append(ranked, *done)
			}
		}
		i = j
	}
	sl.Total = len(ranked)

	slices.SortFunc(ranked, func(a, b head) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.id, b.id))
	})
	if limit > 0 && len(ranked) > limit {
		ranked = ranked[:limit]
	}
	ids := make([]int64, len(ranked))
	for i, h := range ranked {
		ids[i] = h.id
	}
	if sl.Records, err = db.vettingsByID(ctx, ids); err != nil {
		return sl, fmt.Errorf("shortlist of job %d: %w", jobID, err)
	}
	return sl, nil
}

// shortlistHeads reads every vetting of a job whose candidate is not
// deleted, grouped by candidate, oldest first within each.
func (db *DB) shortlistHeads(ctx context.Context, jobID int64) ([]head, error) {
	const q = `
		SELECT v.candidate_id, v.id, v.status, v.verdict, COALESCE(v.score, -1)
		FROM vettings v
		WHERE v.job_id = $1
			AND NOT EXISTS (
				SELECT 1
				FROM candidates c
				WHERE c.id = v.candidate_id
					AND c.is_deleted
			)
		ORDER BY v.candidate_id, v.id`
	rows, err := db.read.QueryContext(ctx, q, jobID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var heads []head
	for rows.Next() {
		var h head
		if err := rows.Scan(&h.candidateID, &h.id, &h.status, &h.verdict, &h.score); err != nil {
			return nil, err
		}
		heads = append(heads, h)
	}
	return heads, rows.Err()
}

// countStatus adds one candidate whose newest vetting has the status.
func countStatus(p *screening.Progress, status string) {
	switch screening.Status(status) {
	case screening.Queued:
		p.Queued++
	case screening.Running:
		p.Running++
	case screening.Done:
		p.Done++
	case screening.Failed:
		p.Failed++
	}
}

// byIDBatch bounds the placeholders of one query of vettingsByID.
const byIDBatch = 500

// vettingsByID reads whole vettings, in the order of ids.
func (db *DB) vettingsByID(ctx context.Context, ids []int64) ([]screening.Record, error) {
	byID := make(map[int64]screening.Record, len(ids))
	for batch := range slices.Chunk(ids, byIDBatch) {
		w := &where{}
		q := `SELECT ` + vettingColumns + vettingJoins + `
		WHERE v.id IN (` + w.list(batch) + `)`
		rows, err := db.read.QueryContext(ctx, q, w.args...)
		if err != nil {
			return nil, err
		}
		rs, err := collectVettings(rows)
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			byID[r.ID] = r
		}
	}
	out := make([]screening.Record, 0, len(ids))
	for _, id := range ids {
		// A vetting erased between the two reads is left out.
		if r, ok := byID[id]; ok {
			out = append(out, r)
		}
	}
	return out, nil
}
