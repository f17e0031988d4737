// Package queuetest runs a real queue over a test database, polling fast so
// that tests see vettings finish quickly, and stops it when the test ends.
package queuetest

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"shortlist/internal/queue"
	"shortlist/internal/store"
)

type noPurge struct{}

func (noPurge) PurgeExpiredNow(context.Context) (int, error) { return 0, nil }

// Start migrates the queue's tables, connects the store to a new queue and
// starts it with runner doing the vettings.
func Start(t testing.TB, db *store.DB, runner queue.Runner) *queue.Queue {
	t.Helper()
	// The queue outlives the test's context: it is stopped gracefully by
	// the cleanup, after that context has ended.
	ctx := context.WithoutCancel(t.Context())
	if err := queue.Migrate(ctx, db.Dialect, db.Writer()); err != nil {
		t.Fatalf("migrate queue: %v", err)
	}
	q, err := queue.New(ctx, queue.Options{Dialect: db.Dialect, DB: db.Writer(),
		PostgresURL: db.URL(), LocalWorkers: 2, LLMWorkers: 8, JobTimeout: 30 * time.Second,
		RescueAfter: time.Minute, PollInterval: 100 * time.Millisecond,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatalf("new queue: %v", err)
	}
	db.SetEnqueuer(q)
	if err := q.Start(ctx, runner, noPurge{}); err != nil {
		t.Fatalf("start queue: %v", err)
	}
	t.Cleanup(func() {
		sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		q.Stop(sctx)
	})
	return q
}
