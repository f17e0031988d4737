package store_test

import (
	"context"
	"testing"
	"time"

	"shortlist/internal/candidate"
	"shortlist/internal/config"
	"shortlist/internal/loadtest"
	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
)

// BenchmarkCandidateList measures the candidate list query (the first page,
// a later page, a job's page and a search) over 100,000 generated
// candidates, on SQLite and, when its test URL is set, PostgreSQL. Seeding
// takes about two minutes per database. Run it with:
//
//	go test -run XXX -bench CandidateList -benchtime 200x ./internal/store/
func BenchmarkCandidateList(b *testing.B) {
	for _, d := range []config.Dialect{config.SQLite, config.Postgres} {
		b.Run(string(d), func(b *testing.B) {
			db := storetest.Open(b, d)
			ctx := context.Background()
			plan := loadtest.DefaultPlan()
			plan.Activity, plan.Vettings, plan.Now = 1000, 100, time.Now()
			if _, err := loadtest.Seed(ctx, db, plan); err != nil {
				b.Fatal(err)
			}
			filters := []candidate.Filter{
				{Page: 1, PerPage: 25},
				{Page: 40, PerPage: 25},
				{JobID: 1, Page: 1, PerPage: 25},
				{Query: "python", Page: 1, PerPage: 25},
			}
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				f := filters[i%len(filters)]
				if _, err := listPage(ctx, db, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func listPage(ctx context.Context, db *store.DB, f candidate.Filter) (candidate.Page, error) {
	return db.Candidates(ctx, f)
}
