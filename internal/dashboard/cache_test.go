package dashboard

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// countingSource returns figures stamped with how many times it was asked.
type countingSource struct{ calls atomic.Int64 }

func (s *countingSource) DashboardFigures(_ context.Context, f Filter) (*Figures, error) {
	n := s.calls.Add(1)
	return &Figures{Days: f.Days, Headline: Headline{Queue: int(n)}}, nil
}

func TestCacheRefreshesOnActivity(t *testing.T) {
	var version atomic.Int64
	src := &countingSource{}
	c := NewCache(src, version.Load)
	var mu sync.Mutex
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	c.now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		return now
	}
	advance := func(d time.Duration) {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(d)
	}
	get := func() int {
		t.Helper()
		f, err := c.DashboardFigures(context.Background(), Filter{Days: 7})
		if err != nil {
			t.Fatal(err)
		}
		return f.Headline.Queue
	}
	// settle waits for a background refresh to land.
	settle := func(calls int64) {
		for deadline := time.Now().Add(time.Second); src.calls.Load() < calls; {
			if time.Now().After(deadline) {
				t.Fatalf("source calls = %d, want %d", src.calls.Load(), calls)
			}
			time.Sleep(time.Millisecond)
		}
		time.Sleep(10 * time.Millisecond)
	}

	steps := []struct {
		name    string
		advance time.Duration
		bump    bool
		want    int
		settle  int64 // wait for this many computations after the call
	}{
		{"first call computes", 0, false, 1, 0},
		{"no activity: cached", 500 * time.Millisecond, false, 1, 0},
		{"activity within a second: cached", 100 * time.Millisecond, true, 1, 0},
		{"activity after a second: served, refreshed behind", time.Second, false, 1, 2},
		{"refreshed figures", 0, false, 2, 0},
		{"too old: computed again", 11 * time.Second, false, 3, 0},
	}
	for _, s := range steps {
		advance(s.advance)
		if s.bump {
			version.Add(1)
		}
		if got := get(); got != s.want {
			t.Errorf("%s: DashboardFigures() from computation %d, want %d", s.name, got, s.want)
		}
		if s.settle > 0 {
			settle(s.settle)
		}
	}
}

// slowSource takes cost of the cache's clock for each computation.
type slowSource struct {
	calls   atomic.Int64
	cost    time.Duration
	advance func(time.Duration)
}

func (s *slowSource) DashboardFigures(_ context.Context, f Filter) (*Figures, error) {
	n := s.calls.Add(1)
	s.advance(s.cost)
	return &Figures{Days: f.Days, Headline: Headline{Queue: int(n)}}, nil
}

func TestCacheSpacesCostlyRefreshes(t *testing.T) {
	tests := []struct {
		name string
		cost time.Duration
		// quiet is an age at which activity does not yet start a refresh;
		// due is one at which it does.
		quiet, due time.Duration
	}{
		{"cheap figures: once a second", 10 * time.Millisecond, 900 * time.Millisecond, time.Second},
		{"200 ms figures: every 4 s", 200 * time.Millisecond, 3900 * time.Millisecond, 4 * time.Second},
		{"slow figures: at most every 5 s", time.Second, 4900 * time.Millisecond, 5 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var version atomic.Int64
			var mu sync.Mutex
			now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
			advance := func(d time.Duration) {
				mu.Lock()
				defer mu.Unlock()
				now = now.Add(d)
			}
			src := &slowSource{cost: tt.cost, advance: advance}
			c := NewCache(src, version.Load)
			c.now = func() time.Time {
				mu.Lock()
				defer mu.Unlock()
				return now
			}
			get := func() {
				t.Helper()
				if _, err := c.DashboardFigures(context.Background(), Filter{Days: 30}); err != nil {
					t.Fatal(err)
				}
			}
			get() // computes; the clock is now tt.cost past the start
			version.Add(1)
			advance(tt.quiet - tt.cost)
			get()
			time.Sleep(20 * time.Millisecond)
			if n := src.calls.Load(); n != 1 {
				t.Fatalf("at %v after a %v computation: %d computations, want 1 (no refresh yet)",
					tt.quiet, tt.cost, n)
			}
			advance(tt.due - tt.quiet)
			get()
			for deadline := time.Now().Add(time.Second); src.calls.Load() < 2; {
				if time.Now().After(deadline) {
					t.Fatalf("at %v after a %v computation: no refresh", tt.due, tt.cost)
				}
				time.Sleep(time.Millisecond)
			}
		})
	}
}
