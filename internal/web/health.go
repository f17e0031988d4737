package web

import (
	"context"
	"net/http"
	"time"

	"shortlist/internal/fault"
)

// healthz answers as long as the process runs.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok\n"))
}

// readyz answers 200 when the database is reachable and fully migrated, and
// 503 otherwise, so a load balancer sends no traffic to a replica that cannot
// serve it.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := s.Health.Ping(ctx); err != nil {
		s.Log.WarnContext(ctx, "not ready: database unreachable", "error", err.Error())
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("database unreachable\n"))
		return nil
	}
	current, err := s.Health.MigrationsCurrent(ctx)
	if err != nil {
		return fault.Wrap(fault.Internal, err, "check migrations")
	}
	if !current {
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("migrations pending\n"))
		return nil
	}
	_, _ = w.Write([]byte("ready\n"))
	return nil
}
