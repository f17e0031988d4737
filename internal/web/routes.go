package web

import (
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"shortlist/internal/asset"
	"shortlist/internal/user"
)

func (s *Server) routes() {
	m := s.mux
	m.Handle("GET /static/", asset.Handler())
	m.HandleFunc("GET /healthz", s.healthz)
	m.Handle("GET /readyz", s.handle(s.readyz))
	m.Handle("GET /metrics", promhttp.HandlerFor(s.Registry, promhttp.HandlerOpts{}))

	m.Handle("GET /login", s.handle(s.loginForm))
	m.Handle("POST /login", s.handle(s.login))
	m.Handle("POST /logout", s.page(user.Recruiter, s.logout))

	m.Handle("GET /{$}", s.page(user.Recruiter, s.home))
	m.Handle("GET /users", s.page(user.Admin, s.usersPage))
	m.Handle("POST /users", s.page(user.Admin, s.userCreate))
	m.Handle("POST /users/{id}/role", s.page(user.Admin, s.userSetRole))
	m.Handle("POST /users/{id}/disabled", s.page(user.Admin, s.userSetDisabled))
	m.Handle("POST /users/{id}/password", s.page(user.Admin, s.userResetPassword))

	m.Handle("GET /api/v1/me", s.api(user.Recruiter, s.apiMe))
	m.Handle("GET /api/v1/users", s.api(user.Admin, s.apiUsers))
	m.Handle("POST /api/v1/users", s.api(user.Admin, s.apiUserCreate))
	m.Handle("/api/", s.handle(s.apiNotFound))
	m.Handle("/", s.handle(s.notFound))
}
