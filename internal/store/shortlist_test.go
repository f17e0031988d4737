package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"shortlist/internal/screening"
	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
)

// TestShortlistTakesEachCandidatesNewest builds a job whose candidates were
// vetted several times, in every state, and checks what its shortlist shows:
// each candidate's newest finished result, best first, while the progress
// counts each candidate's newest vetting whatever its state, and deleted
// candidates count nowhere.
func TestShortlistTakesEachCandidatesNewest(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		at := time.Now().UTC().Add(-time.Hour)
		jobs, err := db.SeedJobs(ctx, []store.SeedJob{
			{Title: "Welder", Status: "open", CreatedAt: at},
			{Title: "Baker", Status: "open", CreatedAt: at},
		})
		if err != nil {
			t.Fatal(err)
		}
		const n = 6
		err = db.SeedCandidates(ctx, n, func(i int) store.SeedCandidate {
			return store.SeedCandidate{Name: fmt.Sprintf("Person %d", i), Stage: "new",
				Text: "Resume.", ContentHash: fmt.Sprintf("shortlist-test-%d", i),
				FileName: "r.txt", CreatedAt: at, Deleted: i == 5, DeletedAt: at,
				DeletedBy: "admin@example.com (admin)", DeletionReason: "test"}
		})
		if err != nil {
			t.Fatal(err)
		}
		cand := make([]int64, n)
		rows, err := db.Reader().QueryContext(ctx, `SELECT id FROM candidates ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; rows.Next(); i++ {
			rows.Scan(&cand[i])
		}
		rows.Close()

		// Each candidate's vettings, oldest first: status, score, verdict.
		type vet struct {
			status  string
			score   int
			verdict string
		}
		history := [n][]vet{
			{{"done", 40, "weak match"}, {"done", 90, "strong match"}},
			{{"done", 70, "match"}, {"queued", 0, ""}},
			{{"done", 70, "match"}, {"failed", 0, ""}, {"running", 0, ""}},
			{{"failed", 0, ""}},
			{{"done", 95, "strong match"}, {"done", 20, "no match"}},
			{{"done", 99, "strong match"}}, // deleted candidate
		}
		ids := map[string]int64{}
		for c, vs := range history {
			for k, v := range vs {
				var score any
				if v.status == "done" {
					score = v.score
				}
				var id int64
				err := db.Writer().QueryRowContext(ctx, `
					INSERT INTO vettings (candidate_id, job_id, status, engine, score, verdict,
						requested_at)
					VALUES ($1, $2, $3, 'local', $4, $5, $6)
					RETURNING id`, cand[c], jobs[0], v.status, score, v.verdict, at).Scan(&id)
				if err != nil {
					t.Fatal(err)
				}
				ids[fmt.Sprintf("%d/%d", c, k)] = id
			}
		}
		// A vetting of another job must not show up.
		if _, err := db.Writer().ExecContext(ctx, `
			INSERT INTO vettings (candidate_id, job_id, status, engine, score, verdict, requested_at)
			VALUES ($1, $2, 'done', 'local', 100, 'strong match', $3)`, cand[3], jobs[1], at); err != nil {
			t.Fatal(err)
		}

		tests := []struct {
			name      string
			verdict   string
			limit     int
			want      []string // "candidate/vetting" of the rows, in order
			wantTotal int
		}{
			{"all", "", 0, []string{"0/1", "1/0", "2/0", "4/1"}, 4},
			{"best two", "", 2, []string{"0/1", "1/0"}, 4},
			{"one verdict", "match", 0, []string{"1/0", "2/0"}, 2},
			{"a verdict nobody has", "weak match", 0, nil, 0},
		}
		for _, tc := range tests {
			sl, err := db.Shortlist(ctx, jobs[0], tc.verdict, tc.limit)
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			var got, want []int64
			for _, r := range sl.Records {
				got = append(got, r.ID)
			}
			for _, k := range tc.want {
				want = append(want, ids[k])
			}
			if !slices.Equal(got, want) || sl.Total != tc.wantTotal {
				t.Errorf("%s: rows %v of total %d, want %v (%v) of %d", tc.name, got, sl.Total,
					want, tc.want, tc.wantTotal)
			}
			wantVerdicts := map[string]int{"strong match": 1, "match": 2, "no match": 1}
			if fmt.Sprint(sl.Verdicts) != fmt.Sprint(wantVerdicts) {
				t.Errorf("%s: verdicts %v, want %v", tc.name, sl.Verdicts, wantVerdicts)
			}
			wantProgress := screening.Progress{Queued: 1, Running: 1, Done: 2, Failed: 1}
			if sl.Progress != wantProgress {
				t.Errorf("%s: progress %+v, want %+v", tc.name, sl.Progress, wantProgress)
			}
		}
	})
}
