package store_test

import (
	"context"
	"strings"
	"testing"

	"shortlist/internal/candidate"
	"shortlist/internal/loadtest"
	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
)

func tinyPlan() loadtest.Plan {
	p := loadtest.DefaultPlan()
	p.Users, p.Jobs, p.Candidates, p.Activity, p.Vettings = 5, 3, 300, 2000, 40
	return p
}

func TestSeedCounts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := loadtest.Seed(ctx, db, tinyPlan()); err != nil {
			t.Fatalf("Seed: %v", err)
		}
		tests := []struct {
			name, query string
			want        int
		}{
			{"users", `SELECT COUNT(*) FROM users`, 5},
			{"admins", `SELECT COUNT(*) FROM users WHERE role = 'admin'`, 1},
			{"jobs", `SELECT COUNT(*) FROM jobs`, 3},
			{"requirements", `SELECT COUNT(*) FROM job_requirements`, 3 * 6},
			{"candidates", `SELECT COUNT(*) FROM candidates`, 300},
			{"files", `SELECT COUNT(*) FROM candidate_files`, 300},
			{"distinct hashes", `SELECT COUNT(DISTINCT content_hash) FROM candidates`, 300},
			{"activity", `SELECT COUNT(*) FROM activity`, 2000},
			{"vettings", `SELECT COUNT(*) FROM vettings WHERE status = 'done'`, 40},
		}
		for _, tc := range tests {
			if got := count(t, db, tc.query); got != tc.want {
				t.Errorf("%s: %s = %d, want %d", tc.name, tc.query, got, tc.want)
			}
		}
		checkSpread(t, db)
	})
}

// checkSpread checks that the data has the variety the load test relies on:
// some candidates in the trash and in the general pool, texts of 2 to 6 KB,
// and words a search finds.
func checkSpread(t *testing.T, db *store.DB) {
	t.Helper()
	for _, q := range []string{
		`SELECT COUNT(*) FROM candidates WHERE is_deleted`,
		`SELECT COUNT(*) FROM candidates WHERE job_id IS NULL`,
		`SELECT COUNT(*) FROM candidates WHERE score IS NOT NULL`,
		`SELECT COUNT(DISTINCT stage) FROM candidates`,
		`SELECT COUNT(DISTINCT action) FROM activity`,
	} {
		if got := count(t, db, q); got < 2 {
			t.Errorf("%s = %d, want at least 2", q, got)
		}
	}
	if got := count(t, db, `SELECT MIN(LENGTH(resume_text)) FROM candidates`); got < 1800 {
		t.Errorf("shortest resume = %d bytes, want about 2 KB or more", got)
	}
	if got := count(t, db, `SELECT MAX(LENGTH(resume_text)) FROM candidates`); got > 7000 {
		t.Errorf("longest resume = %d bytes, want about 6 KB or less", got)
	}
	page, err := db.Candidates(context.Background(),
		candidate.Filter{Query: "python", Page: 1, PerPage: 300})
	if err != nil {
		t.Fatalf("search: %v", err)
	}
	if n := len(page.Candidates); n == 0 || n >= 290 {
		t.Errorf("search for python found %d of 300 candidates, want some", n)
	}
}

func TestSeedRefusesCandidatesUnlessForced(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		p := tinyPlan()
		p.Candidates, p.Activity, p.Vettings = 20, 10, 5
		if _, err := loadtest.Seed(ctx, db, p); err != nil {
			t.Fatalf("first Seed: %v", err)
		}
		_, err := loadtest.Seed(ctx, db, p)
		if err == nil || !strings.Contains(err.Error(), "--force") {
			t.Fatalf("second Seed = %v, want a refusal naming --force", err)
		}
		p.Force = true
		if _, err := loadtest.Seed(ctx, db, p); err != nil {
			t.Fatalf("forced Seed: %v", err)
		}
		if got := count(t, db, `SELECT COUNT(*) FROM candidates`); got != 40 {
			t.Errorf("candidates after a forced second seed = %d, want 40", got)
		}
		if got := count(t, db, `SELECT COUNT(*) FROM users`); got != 5 {
			t.Errorf("users after a forced second seed = %d, want the same 5", got)
		}
	})
}

func count(t *testing.T, db *store.DB, q string) int {
	t.Helper()
	var n int
	if err := db.Reader().QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}
