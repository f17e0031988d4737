package dashboard

import (
	"context"
	"sync"
	"time"
)

// Cache keeps the computed figures of each filter for a short while, so
// that a team's open dashboards, each refreshing whenever anything happens,
// cost the database about one computation per second and filter instead of
// one per viewer and event. Figures are recomputed when the activity log has
// grown since they were computed, but at most once per MinAge, and at least
// once per MaxAge (the queue and the calendar day move without activity).
// Figures that took long to compute are refreshed less often: at most once
// per CostFactor times their computation, so that while the log grows all
// the time (a team vetting hundreds of candidates), background refreshes
// take at most about 1/CostFactor of the database's time per filter and
// leave the rest to the pages people wait for. The interval never exceeds
// half of MaxAge.
//
// Computing the figures directly takes tens to hundreds of milliseconds on a
// large database (see docs/performance.md); with the cache, a request waits
// for a computation only when its filter has not been asked for in MaxAge.
type Cache struct {
	src     Source
	version func() int64 // the newest activity id known; see event.Hub.LastID
	now     func() time.Time
	MinAge  time.Duration
	MaxAge  time.Duration
	// CostFactor spaces background refreshes of a filter by this many times
	// the duration of its last computation (when that exceeds MinAge).
	CostFactor int

	mu      sync.Mutex
	entries map[key]*entry
}

// key identifies figures by filter; Now is left out, as figures of the
// same filter a moment apart are the same figures.
type key struct {
	days        int
	job, person int64
}

type entry struct {
	ready   chan struct{} // closed once figs or err is set
	figs    *Figures
	err     error
	version int64
	at      time.Time
	cost    time.Duration // how long the computation took
	// refreshing is set while a newer entry is being computed; c.mu
	// guards it.
	refreshing bool
}

// maxEntries bounds the cache; past it, the oldest entries go.
const maxEntries = 256

// NewCache returns a cache over src; version reports the newest activity id
// known, so that figures computed before it are refreshed.
func NewCache(src Source, version func() int64) *Cache {
	return &Cache{src: src, version: version, now: time.Now, MinAge: time.Second,
		MaxAge: 10 * time.Second, CostFactor: 20, entries: map[key]*entry{}}
}

// DashboardFigures returns the figures of f. Figures older than MaxAge (or
// none yet) are computed while the request waits; when more than one
// request needs them, one computes and the others wait for that result.
// Figures that only lag behind the log are returned as they are while a
// refresh runs in the background, so a busy dashboard never waits for one.
func (c *Cache) DashboardFigures(ctx context.Context, f Filter) (*Figures, error) {
	k := key{days: f.Days, job: f.JobID, person: f.UserID}
	c.mu.Lock()
	e, ok := c.entries[k]
	if !ok || c.expired(e) {
		e = c.newEntry()
		c.evict()
		c.entries[k] = e
		c.mu.Unlock()
		c.compute(ctx, f, e)
		if e.err != nil {
			c.replace(k, e, nil)
		}
		return e.figs, e.err
	}
	if c.behind(e) {
		e.refreshing = true
		next := c.newEntry()
		go func() {
			c.compute(ctx, f, next)
			if next.err != nil {
				// Keep what there is; the next request tries again.
				c.mu.Lock()
				e.refreshing = false
				c.mu.Unlock()
				return
			}
			c.replace(k, e, next)
		}()
	}
	c.mu.Unlock()
	select {
	case <-e.ready:
		return e.figs, e.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// newEntry starts an entry as of now; c.mu is held.
func (c *Cache) newEntry() *entry {
	return &entry{ready: make(chan struct{}), version: c.version(), at: c.now()}
}

// compute fills e. The computation may serve other requests than the one
// that started it, so it does not end with that request.
func (c *Cache) compute(ctx context.Context, f Filter, e *entry) {
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	e.figs, e.err = c.src.DashboardFigures(cctx, f)
	e.cost = c.now().Sub(e.at)
	if e.figs != nil {
		e.figs.Version = e.version
	}
	close(e.ready)
}

// replace puts next (nil: nothing) in place of old, unless old was replaced
// meanwhile.
func (c *Cache) replace(k key, old, next *entry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	old.refreshing = false
	if c.entries[k] != old {
		return
	}
	if next == nil {
		delete(c.entries, k)
		return
	}
	c.entries[k] = next
}

// expired reports whether e, once computed, failed or is too old to
// show; c.mu is held.
func (c *Cache) expired(e *entry) bool {
	if !isDone(e) {
		return false
	}
	return e.err != nil || c.now().Sub(e.at) >= c.MaxAge
}

// behind reports whether e should be refreshed in the background: the log
// has grown since it was computed, long enough ago; c.mu is held.
func (c *Cache) behind(e *entry) bool {
	return isDone(e) && !e.refreshing && c.now().Sub(e.at) >= c.refreshAfter(e) &&
		c.version() > e.version
}

// refreshAfter is how old e must be before a background refresh: MinAge,
// or CostFactor times its computation when that is longer, up to MaxAge/2.
func (c *Cache) refreshAfter(e *entry) time.Duration {
	d := max(c.MinAge, time.Duration(c.CostFactor)*e.cost)
	return min(d, c.MaxAge/2)
}

func isDone(e *entry) bool {
	select {
	case <-e.ready:
		return true
	default:
		return false
	}
}

// evict drops the oldest entries when the cache is full; c.mu is held.
func (c *Cache) evict() {
	for len(c.entries) >= maxEntries {
		var oldest key
		var at time.Time
		for k, e := range c.entries {
			if at.IsZero() || e.at.Before(at) {
				oldest, at = k, e.at
			}
		}
		delete(c.entries, oldest)
	}
}
