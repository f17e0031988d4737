package web

import (
	"net/http"

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

	m.Handle("GET /jobs", s.page(user.Recruiter, s.jobsPage))
	m.Handle("GET /jobs/new", s.page(user.Manager, s.jobNewForm))
	m.Handle("POST /jobs", s.page(user.Manager, s.jobSave))
	m.Handle("POST /jobs/propose", s.page(user.Manager, s.jobPropose))
	m.Handle("GET /jobs/requirement-row", s.page(user.Manager, s.jobRequirementRow))
	m.Handle("GET /jobs/{id}", s.page(user.Recruiter, s.jobPage))
	m.Handle("GET /jobs/{id}/edit", s.page(user.Manager, s.jobEditForm))
	m.Handle("POST /jobs/{id}", s.page(user.Manager, s.jobSave))
	m.Handle("POST /jobs/{id}/status", s.page(user.Manager, s.jobSetStatus))
	m.Handle("GET /jobs/{id}/ranking", s.page(user.Recruiter, s.rankingPage))
	m.Handle("POST /jobs/{id}/vet", s.page(user.Recruiter, s.jobVet))
	m.Handle("GET /vettings/{id}", s.page(user.Recruiter, s.vettingPage))
	m.Handle("POST /vettings/{id}/cancel", s.page(user.Recruiter, s.vettingCancel))

	m.Handle("GET /candidates", s.page(user.Recruiter, s.candidatesPage))
	m.Handle("GET /candidates/upload", s.page(user.Recruiter, s.uploadPage))
	m.Handle("POST /candidates/upload", s.page(user.Recruiter, s.upload))
	m.Handle("GET /candidates/{id}", s.page(user.Recruiter, s.candidatePage))
	m.Handle("GET /candidates/{id}/resume", s.page(user.Recruiter, s.candidateResume))
	m.Handle("POST /candidates/{id}", s.page(user.Recruiter, s.candidateUpdate))
	m.Handle("POST /candidates/{id}/merge", s.page(user.Recruiter, s.candidateMerge))
	m.Handle("POST /candidates/{id}/delete", s.page(user.Recruiter, s.candidateDelete))
	m.Handle("POST /candidates/{id}/vet", s.page(user.Recruiter, s.candidateVet))
	m.Handle("POST /candidates/{id}/decide", s.page(user.Recruiter, s.candidateDecide))
	m.Handle("GET /candidates/{id}/explanation", s.page(user.Recruiter, s.explanationPage))
	m.Handle("GET /candidates/{id}/vettings", s.page(user.Recruiter, s.candidateVettings))

	m.Handle("GET /trash", s.page(user.Admin, s.trashPage))
	m.Handle("POST /trash/bulk", s.page(user.Admin, s.trashBulk))
	m.Handle("POST /trash/{id}/restore", s.page(user.Admin, s.trashRestore))
	m.Handle("POST /trash/{id}/purge", s.page(user.Admin, s.trashPurge))

	m.Handle("GET /api/v1/openapi.json", http.HandlerFunc(s.openAPI))
	m.Handle("GET /api/v1/me", s.api(user.Recruiter, s.apiMe))
	m.Handle("GET /api/v1/candidates", s.api(user.Recruiter, s.apiCandidates))
	m.Handle("POST /api/v1/candidates", s.api(user.Recruiter, s.upload))
	m.Handle("GET /api/v1/candidates/{id}", s.api(user.Recruiter, s.apiCandidate))
	m.Handle("GET /api/v1/candidates/{id}/resume", s.api(user.Recruiter, s.candidateResume))
	m.Handle("DELETE /api/v1/candidates/{id}", s.api(user.Recruiter, s.apiCandidateDelete))
	m.Handle("GET /api/v1/candidates/{id}/explanation", s.api(user.Recruiter, s.apiExplanation))
	m.Handle("POST /api/v1/candidates/{id}/restore", s.api(user.Admin, s.apiCandidateRestore))
	m.Handle("POST /api/v1/candidates/{id}/purge", s.api(user.Admin, s.apiCandidatePurge))
	m.Handle("GET /api/v1/jobs", s.api(user.Recruiter, s.apiJobs))
	m.Handle("POST /api/v1/jobs", s.api(user.Manager, s.apiJobCreate))
	m.Handle("GET /api/v1/jobs/{id}", s.api(user.Recruiter, s.apiJob))
	m.Handle("PATCH /api/v1/jobs/{id}", s.api(user.Manager, s.apiJobPatch))
	m.Handle("POST /api/v1/jobs/{id}/vet", s.api(user.Recruiter, s.apiJobVet))
	m.Handle("GET /api/v1/jobs/{id}/ranking", s.api(user.Recruiter, s.apiRanking))
	m.Handle("GET /api/v1/vettings/{id}", s.api(user.Recruiter, s.apiVetting))
	m.Handle("POST /api/v1/vettings/{id}/cancel", s.api(user.Recruiter, s.apiVettingCancel))
	m.Handle("GET /api/v1/users", s.api(user.Admin, s.apiUsers))
	m.Handle("POST /api/v1/users", s.api(user.Admin, s.apiUserCreate))

	// The activity dashboard, the activity log and its live stream.
	m.Handle("GET /dashboard", s.page(user.Recruiter, s.dashboardPage))
	m.Handle("GET /api/v1/dashboard", s.api(user.Recruiter, s.apiDashboard))
	m.Handle("GET /api/v1/activity", s.api(user.Recruiter, s.apiActivity))
	m.Handle("GET /api/v1/activity.csv", s.api(user.Admin, s.apiActivityCSV))
	m.Handle("GET /api/v1/events", s.api(user.Recruiter, s.apiEvents))

	m.Handle("/api/", s.handle(s.apiNotFound))
	m.Handle("/", s.handle(s.notFound))
}
