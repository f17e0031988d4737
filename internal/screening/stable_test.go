package screening_test

import (
	"context"
	"testing"

	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
)

// TestLocalScoresAreStable vets the same resume three times on each
// database: every run on either database gives the same score, verdict and
// evidence.
func TestLocalScoresAreStable(t *testing.T) {
	type outcome struct {
		score    int
		verdict  string
		evidence string
	}
	var seen []outcome
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		id := f.add(t, strong)
		for range 3 {
			ids, err := f.svc.Request(ctx, f.rec, f.job.ID, []int64{id}, false, false, "local")
			if err != nil {
				t.Fatal(err)
			}
			r := f.waitFor(t, ids[0])
			o := outcome{score: *r.Score, verdict: string(r.Verdict)}
			for _, q := range r.Requirements {
				for _, e := range q.Evidence {
					o.evidence += e.Quote + "|"
				}
			}
			seen = append(seen, o)
		}
	})
	for i, o := range seen {
		if o != seen[0] {
			t.Errorf("run %d = %+v, want the same as run 0 = %+v", i, o, seen[0])
		}
	}
}
