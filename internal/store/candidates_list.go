package store

import (
	"context"
	"fmt"

	"shortlist/internal/candidate"
)

// candidateOrder maps a list's sort key to its ORDER BY clause; every order
// ends on the id so that pages never overlap.
var candidateOrder = map[string]string{
	"":        "c.id DESC",
	"newest":  "c.id DESC",
	"oldest":  "c.id ASC",
	"name":    "c.name ASC, c.id ASC",
	"score":   "c.score DESC NULLS LAST, c.id DESC",
	"deleted": "c.deleted_at DESC, c.id DESC",
}

// candidateWhere builds the conditions of a candidate list.
func (db *DB) candidateWhere(f candidate.Filter) *where {
	w := &where{}
	w.add(`c.is_deleted = ?`, f.Deleted)
	db.addSearch(w, f.Query)
	switch {
	case f.JobID > 0:
		w.add(`c.job_id = ?`, f.JobID)
	case f.JobID < 0:
		w.addPlain(`c.job_id IS NULL`)
	}
	if f.Stage != "" {
		w.add(`c.stage = ?`, string(f.Stage))
	}
	if f.MinScore > 0 || (f.MaxScore > 0 && f.MaxScore < 100) {
		w.add(`c.score >= ?`, f.MinScore)
		w.add(`c.score <= ?`, f.MaxScore)
	}
	if f.UploadedBy > 0 {
		w.add(`c.uploaded_by = ?`, f.UploadedBy)
	}
	if !f.From.IsZero() {
		w.add(`c.created_at >= ?`, f.From.UTC())
	}
	if !f.To.IsZero() {
		w.add(`c.created_at < ?`, f.To.UTC())
	}
	return w
}

// Candidates returns one page of a filtered candidate list and the total
// number of matches.
func (db *DB) Candidates(ctx context.Context, f candidate.Filter) (candidate.Page, error) {
	page := candidate.Page{Page: f.Page, PerPage: f.PerPage, Counted: f.Query == ""}
	order, ok := candidateOrder[f.Sort]
	if !ok {
		return page, fmt.Errorf("list candidates: unknown sort %q", f.Sort)
	}
	w := db.candidateWhere(f)
	if page.Counted {
		if err := db.countCandidates(ctx, w, &page); err != nil {
			return page, err
		}
		if page.Total == 0 {
			return page, nil
		}
	}

	// One row more than the page tells whether another page follows.
	q := `SELECT ` + candidateSummary + candidateJoins + `
		` + w.String() + `
		ORDER BY ` + order + `
		LIMIT ` + w.next(f.PerPage+1) + ` OFFSET ` + w.next((f.Page-1)*f.PerPage)
	rows, err := db.read.QueryContext(ctx, q, w.args...)
	if err != nil {
		return page, fmt.Errorf("list candidates: %w", err)
	}
	page.Candidates, err = collectSummaries(rows)
	if err != nil {
		return page, fmt.Errorf("list candidates: %w", err)
	}
	if len(page.Candidates) > f.PerPage {
		page.Candidates, page.More = page.Candidates[:f.PerPage], true
	}
	return page, nil
}

// countCandidates counts the matches of a list without a search, up to
// candidate.MaxCount. Searches are not counted: checking a common word in
// every matching resume costs hundreds of milliseconds, while finding the
// newest page of matches takes one.
func (db *DB) countCandidates(ctx context.Context, w *where, page *candidate.Page) error {
	count := `
		SELECT COUNT(*)
		FROM (
			SELECT 1
			FROM candidates c
			` + w.String() + `
			LIMIT ` + fmt.Sprint(candidate.MaxCount+1) + `
		) AS matches`
	if err := db.read.QueryRowContext(ctx, count, w.args...).Scan(&page.Total); err != nil {
		return fmt.Errorf("count candidates: %w", err)
	}
	if page.Total > candidate.MaxCount {
		page.Total = candidate.MaxCount
	}
	return nil
}
