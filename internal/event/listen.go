package event

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
)

// listen holds a connection of its own LISTENing on Channel and wakes the
// hub at each notification, until ctx ends. When the connection fails it
// reconnects with growing delays; after each (re)connection the hub reads
// the log at once, to catch up on rows written while it was away.
func (h *Hub) listen(ctx context.Context) {
	delay := 100 * time.Millisecond
	for ctx.Err() == nil {
		err := h.listenOnce(ctx, func() { delay = 100 * time.Millisecond })
		if ctx.Err() != nil {
			return
		}
		h.log.Warn("listen for activity", slog.String("error", err.Error()),
			slog.Duration("retry_in", delay))
		select {
		case <-ctx.Done():
			return
		case <-time.After(delay):
		}
		delay = min(2*delay, 10*time.Second)
	}
}

// listenOnce connects, LISTENs and waits for notifications until the
// connection fails or ctx ends; connected is called once it listens.
func (h *Hub) listenOnce(ctx context.Context, connected func()) error {
	conn, err := pgx.Connect(ctx, h.opts.ListenURL)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer func() {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
		defer cancel()
		_ = conn.Close(cctx)
	}()
	if _, err := conn.Exec(ctx, "LISTEN "+Channel); err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	connected()
	h.notify()
	for {
		if _, err := conn.WaitForNotification(ctx); err != nil {
			return fmt.Errorf("wait for notification: %w", err)
		}
		h.notify()
	}
}
