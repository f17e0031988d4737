package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"

	"path/filepath"

	"shortlist/internal/candidate"
	"shortlist/internal/config"
	"shortlist/internal/event"
	"shortlist/internal/job"
	"shortlist/internal/queue"
	"shortlist/internal/resume"
	"shortlist/internal/screening"
	"shortlist/internal/store"
	"shortlist/internal/user"
)

// app is what every command needs: configuration, a logger, the migrated
// database and the user service.
type app struct {
	cfg   *config.Config
	log   *slog.Logger
	db    *store.DB
	users *user.Service
}

// services are the domain services the server and the batch commands use,
// with the resume reader they share.
type services struct {
	extractor  *resume.Extractor
	jobs       *job.Service
	candidates *candidate.Service
	screening  *screening.Service
	queue      *queue.Queue
}

// limits returns the reader's limits from the configuration.
func (a *app) limits() resume.Limits {
	l := resume.DefaultLimits()
	l.MaxFileBytes = a.cfg.Intake.MaxFileBytes
	l.MaxBatchFiles = a.cfg.Intake.MaxBatchFiles
	return l
}

// newServices starts the resume reader, whose compiled PDF engine is cached
// in the data directory, and builds the domain services over the database.
func (a *app) newServices(ctx context.Context) (*services, error) {
	ex, err := resume.NewExtractor(ctx, resume.Config{
		CacheDir: filepath.Join(a.cfg.DataDir, "cache", "pdf"), Limits: a.limits(),
	})
	if err != nil {
		return nil, err
	}
	svc := &services{
		extractor:  ex,
		jobs:       job.NewService(a.db),
		candidates: candidate.NewService(a.db, ex, a.limits(), a.log),
	}
	engs, def, err := engines(a.cfg, a.log)
	if err == nil {
		svc.screening, err = screening.NewService(a.db, a.db, a.db, engs, def, a.log)
	}
	if err == nil {
		svc.screening.BlindAll(a.cfg.BlindReview)
	}
	if err == nil {
		svc.queue, err = queue.New(ctx, queueOptions(a.cfg, a.db.Writer(), a.log))
	}
	if err != nil {
		ex.Close()
		return nil, err
	}
	a.db.SetEnqueuer(svc.queue)
	return svc, nil
}

// startWork starts the queue's workers: vettings, and the retention purge.
func (a *app) startWork(ctx context.Context, svc *services) error {
	// The queue outlives the signal that ends the server, so that close can
	// let running vettings finish.
	return svc.queue.Start(context.WithoutCancel(ctx), svc.screening,
		retention{svc.candidates, a.cfg.RetentionDays, a.log})
}

// close stops the queue, letting running vettings finish within the grace
// period, then the resume reader.
func (s *services) close(ctx context.Context, log *slog.Logger) {
	if err := s.queue.Stop(ctx); err != nil {
		log.Warn("stop queue", slog.String("error", err.Error()))
	}
	s.extractor.Close()
}

// startHub runs the live activity hub until ctx ends or the returned stop
// is called; stop waits for it to finish.
func (a *app) startHub(ctx context.Context) (*event.Hub, func()) {
	hub := event.New(a.db, event.OptionsFor(a.cfg.Database.Dialect, a.db.URL()), a.log)
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		hub.Run(ctx)
	}()
	return hub, func() {
		cancel()
		<-done
	}
}

// loadConfig reads the configuration from the environment and ./.env.
func loadConfig() (*config.Config, error) {
	return config.Load(os.LookupEnv, ".env")
}

func newLogger(cfg *config.Config, w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// open loads the configuration, opens the database and applies pending
// migrations.
func open(ctx context.Context, logOut io.Writer) (*app, error) {
	cfg, err := loadConfig()
	if err != nil {
		return nil, err
	}
	log := newLogger(cfg, logOut)
	if err := cfg.EnsureSecretKey(); err != nil {
		return nil, err
	}
	db, err := store.Open(ctx, cfg.Database)
	if err != nil {
		return nil, err
	}
	applied, err := db.Migrate(ctx)
	if err == nil {
		err = queue.Migrate(ctx, cfg.Database.Dialect, db.Writer())
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	if len(applied) > 0 {
		log.Info("migrations applied", slog.Any("versions", applied))
	}
	users, err := user.NewService(db, user.Options{
		Secret: cfg.SecretKey, SessionIdle: cfg.SessionIdle, SessionMax: cfg.SessionMax,
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	return &app{cfg: cfg, log: log, db: db, users: users}, nil
}

func (a *app) close() {
	if err := a.db.Close(); err != nil {
		a.log.Warn("close database", slog.String("error", err.Error()))
	}
}

// bootstrapAdmin creates the first admin when there are no users. A
// generated password is written once to the log output, never stored.
func (a *app) bootstrapAdmin(ctx context.Context, out io.Writer) error {
	created, generated, err := a.users.Bootstrap(ctx, a.cfg.AdminEmail, a.cfg.AdminPassword)
	if err != nil {
		return err
	}
	if !created {
		return nil
	}
	email := a.cfg.AdminEmail
	if email == "" {
		email = "admin@example.com"
	}
	a.log.Info("first admin created", slog.String("email", email))
	if generated != "" {
		fmt.Fprintf(out, "\n  First admin: %s\n  Password:    %s\n"+
			"  (shown only this once; change it with 'shortlist user reset-password')\n\n",
			email, generated)
	}
	return nil
}
