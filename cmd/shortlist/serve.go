package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"shortlist/internal/dashboard"
	"shortlist/internal/web"
)

// shutdownGrace is how long in-flight requests get to finish after SIGTERM.
const shutdownGrace = 25 * time.Second

func runServe(ctx context.Context, args []string, logOut io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(logOut)
	if err := fs.Parse(args); err != nil {
		return err
	}
	a, err := open(ctx, logOut)
	if err != nil {
		return err
	}
	defer a.close()
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set && a.cfg.MemoryLimit > 0 {
		debug.SetMemoryLimit(a.cfg.MemoryLimit)
	}
	if err := a.bootstrapAdmin(ctx, logOut); err != nil {
		return err
	}
	a.servePprof()

	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewDBStatsCollector(a.db.Writer(), "write"))
	if a.db.Reader() != a.db.Writer() {
		reg.MustRegister(collectors.NewDBStatsCollector(a.db.Reader(), "read"))
	}
	svc, err := a.newServices(ctx)
	if err != nil {
		return err
	}
	defer func() {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
		defer cancel()
		svc.close(sctx, a.log)
	}()
	if err := a.startWork(ctx, svc); err != nil {
		return err
	}
	// The live activity hub ends its event streams when ctx ends, so that
	// they do not hold up the graceful shutdown.
	hub, stopHub := a.startHub(ctx)
	defer stopHub()
	h, err := web.New(web.Deps{
		Log: a.log, Users: a.users, Jobs: svc.jobs, Candidates: svc.candidates,
		Screening: svc.screening,
		Health:    a.db, Activity: a.db, Registry: reg, TrustProxy: a.cfg.TrustProxy,
		Dashboard: dashboard.Service{Source: dashboard.NewCache(a.db, hub.LastID),
			LogStore: a.db, Feed: hub},
		Uploads: web.UploadLimits{MaxRequestBytes: a.cfg.Intake.MaxRequestBytes,
			MaxFiles: a.cfg.Intake.MaxBatchFiles},
	})
	if err != nil {
		return err
	}

	go a.sweepSessions(ctx)
	return a.listen(ctx, h)
}

// listen serves until ctx ends, then lets in-flight requests finish.
func (a *app) listen(ctx context.Context, h http.Handler) error {
	ln, err := net.Listen("tcp", a.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", a.cfg.Addr, err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(a.log.Handler(), slog.LevelWarn),
	}
	a.log.Info("listening", slog.String("addr", ln.Addr().String()),
		slog.String("database", string(a.cfg.Database.Dialect)))

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}

	a.log.Info("shutting down", slog.Duration("grace", shutdownGrace))
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	a.log.Info("stopped")
	return nil
}

// sweepSessions deletes expired sessions every few minutes.
func (a *app) sweepSessions(ctx context.Context) {
	t := time.NewTicker(10 * time.Minute)
	defer t.Stop()
	for {
		n, err := a.db.DeleteExpiredSessions(ctx, time.Now().UTC(), a.cfg.SessionIdle)
		if err != nil && ctx.Err() == nil {
			a.log.Warn("sweep sessions", slog.String("error", err.Error()))
		} else if n > 0 {
			a.log.Debug("expired sessions removed", slog.Int64("count", n))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
