// Package web is Shortlist's HTTP layer: routes, middleware, handlers, typed
// page models and templates for the browser, and the JSON API under /api/v1.
package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"

	"shortlist/internal/activity"
	"shortlist/internal/candidate"
	"shortlist/internal/job"
	"shortlist/internal/screening"
	"shortlist/internal/user"
)

// Health is what the readiness probe asks of the database.
type Health interface {
	Ping(ctx context.Context) error
	MigrationsCurrent(ctx context.Context) (bool, error)
}

// ActivityLog reads the activity log.
type ActivityLog interface {
	// RecentActivity returns the latest n events, of everyone when actorID
	// is 0.
	RecentActivity(ctx context.Context, actorID int64, n int) ([]activity.Event, error)
}

// Deps is everything the web layer needs from the rest of the program.
type Deps struct {
	Log        *slog.Logger
	Users      *user.Service
	Jobs       *job.Service
	Candidates *candidate.Service
	Screening  *screening.Service
	Health     Health
	Activity   ActivityLog
	Dashboard  Dashboard // figures, activity log and live events of the dashboard
	Uploads    UploadLimits
	Registry   *prometheus.Registry // metrics are registered here and served at /metrics
	TrustProxy bool                 // believe X-Forwarded-For and X-Forwarded-Proto
}

// Server serves Shortlist over HTTP.
type Server struct {
	Deps
	pages   *pages
	metrics *httpMetrics
	limits  *loginLimits
	mux     *http.ServeMux
}

// New returns a Server with every route registered.
func New(d Deps) (*Server, error) {
	p, err := parsePages()
	if err != nil {
		return nil, fmt.Errorf("new web server: %w", err)
	}
	m, err := newHTTPMetrics(d.Registry)
	if err != nil {
		return nil, fmt.Errorf("new web server: %w", err)
	}
	s := &Server{Deps: d, pages: p, metrics: m, limits: newLoginLimits(), mux: http.NewServeMux()}
	s.routes()
	return s, nil
}

// ServeHTTP runs a request through the middleware and the routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler().ServeHTTP(w, r)
}

func (s *Server) handler() http.Handler {
	var h http.Handler = s.mux
	h = http.NewCrossOriginProtection().Handler(h)
	h = s.observe(h)
	h = s.secureHeaders(h)
	h = s.recoverPanics(h)
	return s.withRequestID(h)
}
