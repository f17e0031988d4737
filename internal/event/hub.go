// Package event fans new rows of the activity log out to live subscribers,
// such as the dashboard's server-sent event streams. A Hub watches the log
// of its database: on PostgreSQL it LISTENs for the notification every new
// row sends at commit, so it hears of rows written by any process; on SQLite,
// which one process owns, it polls. Either way subscribers receive the new
// rows within a second.
package event

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"shortlist/internal/activity"
)

// Source reads the activity log.
type Source interface {
	LastActivityID(ctx context.Context) (int64, error)
	// ActivityAfter returns up to limit rows with an id above after, oldest
	// first.
	ActivityAfter(ctx context.Context, after int64, limit int) ([]activity.Event, error)
	// ActivityByID returns those of ids that exist.
	ActivityByID(ctx context.Context, ids []int64) ([]activity.Event, error)
}

// Options tune a Hub.
type Options struct {
	// ListenURL is the PostgreSQL connection string to LISTEN on; empty
	// means poll only (SQLite).
	ListenURL string
	// Poll is how often the log is read without a notification: ~300 ms
	// when polling is the only source, a few seconds as a safety net
	// beside LISTEN.
	Poll time.Duration
	// Buffer is how many events a subscriber may fall behind before it is
	// dropped.
	Buffer int
}

// Channel is the PostgreSQL notification channel of new activity rows.
const Channel = "shortlist_activity"

// batch bounds the rows read at once.
const batch = 500

// Hub delivers new activity rows to subscribers.
type Hub struct {
	src  Source
	opts Options
	log  *slog.Logger
	wake chan struct{}
	last atomic.Int64
	gaps *gaps

	mu     sync.Mutex
	subs   map[*subscriber]struct{}
	closed bool
}

type subscriber struct {
	ch chan activity.Event
}

// New returns a Hub over src; call Run to start it.
func New(src Source, opts Options, log *slog.Logger) *Hub {
	if opts.Poll <= 0 {
		opts.Poll = 300 * time.Millisecond
	}
	if opts.Buffer <= 0 {
		opts.Buffer = 256
	}
	return &Hub{src: src, opts: opts, log: log, wake: make(chan struct{}, 1), gaps: newGaps(),
		subs: map[*subscriber]struct{}{}}
}

// LastID returns the id of the newest activity row the hub has seen.
func (h *Hub) LastID() int64 { return h.last.Load() }

// Subscribe returns a channel of the activity rows written from now on. The
// channel is closed when ctx ends, when the hub stops, or when the
// subscriber falls more than Buffer events behind; a subscriber that sees it
// closed early may subscribe again and catch up from the log.
func (h *Hub) Subscribe(ctx context.Context) <-chan activity.Event {
	s := &subscriber{ch: make(chan activity.Event, h.opts.Buffer)}
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		close(s.ch)
		return s.ch
	}
	h.subs[s] = struct{}{}
	h.mu.Unlock()
	context.AfterFunc(ctx, func() { h.remove(s) })
	return s.ch
}

// Subscribers returns how many subscribers are connected.
func (h *Hub) Subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

func (h *Hub) remove(s *subscriber) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.subs[s]; ok {
		delete(h.subs, s)
		close(s.ch)
	}
}

// publish hands ev to every subscriber without waiting: one whose buffer is
// full is dropped, so a slow reader never holds up the others.
func (h *Hub) publish(ev activity.Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.subs {
		select {
		case s.ch <- ev:
		default:
			delete(h.subs, s)
			close(s.ch)
			h.log.Warn("slow event subscriber dropped", slog.Int("buffer", h.opts.Buffer))
		}
	}
}

// closeAll ends every subscription and refuses new ones.
func (h *Hub) closeAll() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for s := range h.subs {
		delete(h.subs, s)
		close(s.ch)
	}
}

// notify asks the loop to read the log now.
func (h *Hub) notify() {
	select {
	case h.wake <- struct{}{}:
	default:
	}
}
