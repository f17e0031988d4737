package screening_test

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/screening"
	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
	"shortlist/internal/vetting"
)

// heldQueue accepts vettings without running them, so that the test runs
// them itself, all at once.
type heldQueue struct{}

func (heldQueue) EnqueueVettings(context.Context, *sql.Tx, string, []int64) error { return nil }

// crowdedStore records how many vettings use the database at the same
// moment; each use takes a few milliseconds so that uses overlap unless
// something keeps them apart.
type crowdedStore struct {
	screening.Store
	now, peak atomic.Int32
}

func (s *crowdedStore) use() func() {
	n := s.now.Add(1)
	for p := s.peak.Load(); n > p && !s.peak.CompareAndSwap(p, n); p = s.peak.Load() {
	}
	time.Sleep(5 * time.Millisecond)
	return func() { s.now.Add(-1) }
}

func (s *crowdedStore) StartVetting(ctx context.Context, id int64,
	at time.Time) (*screening.Record, error) {
	defer s.use()()
	return s.Store.StartVetting(ctx, id, at)
}

func (s *crowdedStore) FinishVetting(ctx context.Context, r *screening.Record,
	ev *activity.Event) error {
	defer s.use()()
	return s.Store.FinishVetting(ctx, r, ev)
}

// instant is an engine that answers at once, as a model's answers to many
// requests sent together come back together.
type instant struct{}

func (instant) Name() string { return "instant" }
func (instant) Vet(context.Context, vetting.Input) (vetting.Result, error) {
	return vetting.Result{Score: 50, Verdict: vetting.WeakMatch, Summary: "Some of it."}, nil
}

// TestVettingsTakeTurnsAtTheDatabase runs many vettings at the same moment,
// as a queue with many workers does when a model answers them together, and
// checks that only a few of them use the database at once while all of them
// finish: the pages people wait for keep their share of the machine.
func TestVettingsTakeTurnsAtTheDatabase(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		f := newFixture(t, db)
		const n = 24
		for i := range n {
			f.add(t, "Ada Lovelace "+string(rune('a'+i))+"\nGo and PostgreSQL since 2015, some Kubernetes.")
		}
		db.SetEnqueuer(heldQueue{})
		crowded := &crowdedStore{Store: db}
		svc, err := screening.NewService(crowded, db, db, map[string]vetting.Engine{"instant": instant{}},
			"instant", slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err != nil {
			t.Fatal(err)
		}
		ids, err := svc.Request(ctx, f.rec, f.job.ID, nil, true, false, "")
		if err != nil || len(ids) != n {
			t.Fatalf("Request() = %d ids, %v; want %d", len(ids), err, n)
		}
		var wg sync.WaitGroup
		for _, id := range ids {
			wg.Go(func() {
				if err := svc.RunVetting(ctx, id, true); err != nil {
					t.Errorf("RunVetting(%d) = %v", id, err)
				}
			})
		}
		wg.Wait()
		lanes := int32(max(2, runtime.GOMAXPROCS(0)))
		if p := crowded.peak.Load(); p > lanes {
			t.Errorf("%d vettings used the database at once, want at most %d", p, lanes)
		}
		for _, id := range ids {
			r, err := db.Vetting(ctx, id)
			if err != nil || r.Status != screening.Done {
				t.Errorf("vetting %d: %+v, %v; want done", id, r, err)
			}
		}
	})
}
