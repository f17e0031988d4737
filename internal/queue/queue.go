// Package queue runs Shortlist's background work (vettings and retention
// purges) on River, a durable job queue kept in the same database as
// everything else, on SQLite and PostgreSQL alike. A job is inserted in the
// transaction of the request that asked for it, survives crashes and
// restarts, and is retried with backoff.
package queue

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"

	"shortlist/internal/config"
)

// Queue names: each engine has its own, so a slow model never holds up the
// local engine, and each has its own concurrency bound.
const (
	QueueLocal       = "vet_local"
	QueueLLM         = "vet_llm"
	QueueMaintenance = "maintenance"
)

// VetArgs is the job that runs one vetting.
type VetArgs struct {
	VettingID int64 `json:"vetting_id"`
}

// Kind names the job for River.
func (VetArgs) Kind() string { return "vet" }

// PurgeArgs is the periodic job that erases expired soft-deleted candidates.
type PurgeArgs struct{}

// Kind names the job for River.
func (PurgeArgs) Kind() string { return "purge_expired" }

// Runner does the work of one vetting. final says this is the last attempt:
// on failure it must record the vetting as failed.
type Runner interface {
	RunVetting(ctx context.Context, vettingID int64, final bool) error
}

// Purger erases expired soft-deleted candidates.
type Purger interface {
	PurgeExpiredNow(ctx context.Context) (int, error)
}

// Options configures the queue.
type Options struct {
	Dialect      config.Dialect
	DB           *sql.DB // the pool that writes; on SQLite, the single writer
	PostgresURL  string  // for the LISTEN connection on PostgreSQL
	LocalWorkers int
	LLMWorkers   int
	// JobTimeout bounds one attempt of a vetting; a job still running
	// RescueAfter later (a crashed process) is run again.
	JobTimeout   time.Duration
	RescueAfter  time.Duration
	PollInterval time.Duration // how often to look for new jobs without a notification
	PurgeEvery   time.Duration // 0: no periodic purge
	Log          *slog.Logger
}

// Queue inserts jobs and, once started, works them.
type Queue struct {
	client   *river.Client[*sql.Tx]
	listener *pgxpool.Pool
	opts     Options
	runner   Runner
	purger   Purger
}

// New builds the River client. Work starts with Start.
func New(ctx context.Context, o Options) (*Queue, error) {
	q := &Queue{opts: o}
	workers := river.NewWorkers()
	river.AddWorker(workers, &vetWorker{q: q})
	river.AddWorker(workers, &purgeWorker{q: q})

	cfg := &river.Config{
		Queues: map[string]river.QueueConfig{
			QueueLocal:       {MaxWorkers: max(1, o.LocalWorkers)},
			QueueLLM:         {MaxWorkers: max(1, o.LLMWorkers)},
			QueueMaintenance: {MaxWorkers: 1},
		},
		Workers:              workers,
		JobTimeout:           o.JobTimeout,
		RescueStuckJobsAfter: o.RescueAfter,
		MaxAttempts:          5,
		FetchPollInterval:    o.PollInterval,
		Logger:               o.Log,
	}
	if o.PurgeEvery > 0 {
		cfg.PeriodicJobs = []*river.PeriodicJob{river.NewPeriodicJob(
			river.PeriodicInterval(o.PurgeEvery),
			func() (river.JobArgs, *river.InsertOpts) {
				return PurgeArgs{}, &river.InsertOpts{Queue: QueueMaintenance}
			},
			&river.PeriodicJobOpts{RunOnStart: true})}
	}
	drv, err := q.driver(ctx)
	if err != nil {
		return nil, err
	}
	if q.client, err = river.NewClient(drv, cfg); err != nil {
		q.closeListener()
		return nil, fmt.Errorf("new queue: %w", err)
	}
	return q, nil
}

// driver returns River's driver for the dialect. On PostgreSQL a small pgx
// pool holds the LISTEN connection, so jobs start the moment they commit;
// SQLite has no notifications, so workers poll.
func (q *Queue) driver(ctx context.Context) (riverdriver.Driver[*sql.Tx], error) {
	if q.opts.Dialect != config.Postgres {
		return riversqlite.New(q.opts.DB), nil
	}
	pc, err := pgxpool.ParseConfig(q.opts.PostgresURL)
	if err != nil {
		return nil, fmt.Errorf("queue listener: %w", err)
	}
	pc.MaxConns, pc.MinConns = 2, 0
	if q.listener, err = pgxpool.NewWithConfig(ctx, pc); err != nil {
		return nil, fmt.Errorf("queue listener: %w", err)
	}
	return riverdatabasesql.NewWithPgxListener(q.opts.DB, q.listener), nil
}

func (q *Queue) closeListener() {
	if q.listener != nil {
		q.listener.Close()
	}
}

// Migrate creates or updates River's own tables.
func Migrate(ctx context.Context, dialect config.Dialect, db *sql.DB) error {
	var err error
	if dialect == config.Postgres {
		err = migrate(ctx, riverdatabasesql.New(db))
	} else {
		err = migrate(ctx, riversqlite.New(db))
	}
	if err != nil {
		return fmt.Errorf("migrate queue tables: %w", err)
	}
	return nil
}

func migrate(ctx context.Context, drv riverdriver.Driver[*sql.Tx]) error {
	m, err := rivermigrate.New(drv, nil)
	if err != nil {
		return err
	}
	_, err = m.Migrate(ctx, rivermigrate.DirectionUp, nil)
	return err
}

// Start begins working jobs: vettings through runner, purges through purger.
func (q *Queue) Start(ctx context.Context, runner Runner, purger Purger) error {
	q.runner, q.purger = runner, purger
	if err := q.client.Start(ctx); err != nil {
		return fmt.Errorf("start queue: %w", err)
	}
	return nil
}

// Stop lets running jobs finish (until ctx ends, when they are cancelled and
// retried later) and releases the listener.
func (q *Queue) Stop(ctx context.Context) error {
	defer q.closeListener()
	if q.runner == nil {
		return nil
	}
	err := q.client.Stop(ctx)
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		err = q.client.StopAndCancel(context.WithoutCancel(ctx))
	}
	if err != nil {
		return fmt.Errorf("stop queue: %w", err)
	}
	return nil
}

// EnqueueVettings inserts one job per vetting in tx, the transaction that
// records the vettings, so that both exist or neither does.
func (q *Queue) EnqueueVettings(ctx context.Context, tx *sql.Tx, engine string, ids []int64) error {
	queue := QueueLocal
	if engine == "llm" {
		queue = QueueLLM
	}
	params := make([]river.InsertManyParams, len(ids))
	for i, id := range ids {
		params[i] = river.InsertManyParams{Args: VetArgs{VettingID: id},
			InsertOpts: &river.InsertOpts{Queue: queue}}
	}
	if _, err := q.client.InsertManyTx(ctx, tx, params); err != nil {
		return fmt.Errorf("enqueue %d vettings: %w", len(ids), err)
	}
	return nil
}

type vetWorker struct {
	river.WorkerDefaults[VetArgs]
	q *Queue
}

func (w *vetWorker) Work(ctx context.Context, job *river.Job[VetArgs]) error {
	return w.q.runner.RunVetting(ctx, job.Args.VettingID, job.Attempt >= job.MaxAttempts)
}

type purgeWorker struct {
	river.WorkerDefaults[PurgeArgs]
	q *Queue
}

func (w *purgeWorker) Work(ctx context.Context, job *river.Job[PurgeArgs]) error {
	n, err := w.q.purger.PurgeExpiredNow(ctx)
	if err != nil {
		return fmt.Errorf("purge expired: %w", err)
	}
	if n > 0 {
		w.q.opts.Log.InfoContext(ctx, "retention purge", slog.Int("count", n))
	}
	return nil
}
