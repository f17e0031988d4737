package event

import (
	"context"
	"log/slog"
	"time"

	"shortlist/internal/activity"
)

// Run watches the log until ctx ends, then closes every subscription, so
// that streams end and a graceful shutdown is not held up by them. It
// returns only when ctx ends.
func (h *Hub) Run(ctx context.Context) {
	defer h.closeAll()
	if !h.start(ctx) {
		return
	}
	if h.opts.ListenURL != "" {
		go h.listen(ctx)
	}
	t := time.NewTicker(h.opts.Poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-h.wake:
		}
		if err := h.read(ctx); err != nil && ctx.Err() == nil {
			h.log.Warn("read activity", slog.String("error", err.Error()))
		}
	}
}

// start learns where the log ends, retrying until the database answers.
//
// TODO: on PostgreSQL a row whose transaction commits just after start, but
// whose id is below the newest id seen at start, is never delivered live
// (it is in the log, the figures and any Last-Event-ID catch-up); the same
// holds for a row committed more than gapWait after a later row. Closing
// that hole needs the commit order, which a sequence does not give.
func (h *Hub) start(ctx context.Context) bool {
	for delay := 100 * time.Millisecond; ; delay = min(2*delay, 5*time.Second) {
		last, err := h.src.LastActivityID(ctx)
		if err == nil {
			h.last.Store(last)
			return true
		}
		h.log.Warn("event hub start", slog.String("error", err.Error()))
		select {
		case <-ctx.Done():
			return false
		case <-time.After(delay):
		}
	}
}

// read delivers the rows written since the last read: those above the
// newest id seen, and any that filled a gap below it.
func (h *Hub) read(ctx context.Context) error {
	now := time.Now()
	if late := h.gaps.open(now); len(late) > 0 {
		evs, err := h.src.ActivityByID(ctx, late)
		if err != nil {
			return err
		}
		for _, ev := range evs {
			h.gaps.fill(ev.ID)
			h.publish(ev)
		}
	}
	for {
		last := h.last.Load()
		evs, err := h.src.ActivityAfter(ctx, last, batch)
		if err != nil {
			return err
		}
		h.deliver(last, evs, now)
		if len(evs) < batch {
			return nil
		}
	}
}

// deliver publishes evs, read above last, and notes the ids skipped between
// them as gaps.
func (h *Hub) deliver(last int64, evs []activity.Event, now time.Time) {
	for _, ev := range evs {
		h.gaps.skip(last, ev.ID, now)
		last = ev.ID
		h.publish(ev)
	}
	h.last.Store(last)
}
