package event

import (
	"slices"
	"sync"
	"time"
)

// On PostgreSQL, ids come from a sequence when a row is inserted, but rows
// become visible when their transaction commits, which may be in another
// order: row 11 can be seen before row 10. Reading "id above the newest
// seen" alone would then miss row 10 for good. The hub therefore remembers
// the ids it skipped and looks for them again for a while. A skipped id may
// also never appear (its transaction rolled back); it is forgotten after
// gapWait.
const (
	gapWait = 10 * time.Second
	maxGaps = 1000
)

// gaps are ids skipped over, with when to stop looking for each.
type gaps struct {
	mu    sync.Mutex
	until map[int64]time.Time
}

func newGaps() *gaps { return &gaps{until: map[int64]time.Time{}} }

// skip records the ids strictly between last and next.
func (g *gaps) skip(last, next int64, now time.Time) {
	g.mu.Lock()
	defer g.mu.Unlock()
	// A big jump is not a handful of concurrent transactions; remember
	// only its newest ids.
	for id := max(last+1, next-maxGaps); id < next && len(g.until) < maxGaps; id++ {
		g.until[id] = now.Add(gapWait)
	}
}

// open returns the ids still worth looking for, forgetting expired ones.
func (g *gaps) open(now time.Time) []int64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	var out []int64
	for id, until := range g.until {
		if now.After(until) {
			delete(g.until, id)
			continue
		}
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// fill forgets an id that has appeared.
func (g *gaps) fill(id int64) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.until, id)
}
