package web

import (
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/go-chi/httprate"

	"shortlist/internal/fault"
	"shortlist/internal/user"
)

// loginLimits throttle sign-in attempts: per client address, and per account
// and address together. Keying the account limit by address as well means an
// attacker hammering an account from elsewhere cannot lock its owner out.
// The counters live in this process's memory, so with N replicas behind a
// load balancer an attacker gets up to N times the budget.
type loginLimits struct {
	perIP      *httprate.RateLimiter
	perAccount *httprate.RateLimiter
}

func newLoginLimits() *loginLimits {
	return &loginLimits{
		perIP:      httprate.NewRateLimiter(30, time.Minute),
		perAccount: httprate.NewRateLimiter(5, time.Minute),
	}
}

// LoginPage is the model of the sign-in page.
type LoginPage struct {
	Page
	Email string
	Next  string
	Error string
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) error {
	if _, _, err := s.Users.Authenticate(r.Context(), s.sessionToken(r)); err == nil {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return nil
	}
	p := LoginPage{Page: s.newPage(w, r, "Sign in"), Next: safeNext(r.URL.Query().Get("next"))}
	return s.render(w, http.StatusOK, "login", "", p)
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	email, password := r.PostFormValue("email"), r.PostFormValue("password")
	p := LoginPage{Page: s.newPage(w, r, "Sign in"), Email: email, Next: safeNext(r.PostFormValue("next"))}
	ip := s.clientIP(r)

	if s.limits.perIP.OnLimit(w, r, ip) || s.limits.perAccount.OnLimit(w, r, email+"|"+ip) {
		p.Error = "Too many sign-in attempts. Wait a minute and try again."
		return s.render(w, http.StatusTooManyRequests, "login", "", p)
	}
	token, sess, err := s.Users.Login(r.Context(), email, password, ip, r.UserAgent())
	if errors.Is(err, user.ErrBadCredentials) {
		p.Error = fault.Message(err)
		return s.render(w, http.StatusUnauthorized, "login", "", p)
	}
	if err != nil {
		return err
	}
	s.Log.InfoContext(r.Context(), "signed in", slog.Int64("user_id", sess.UserID))
	s.setSessionCookie(w, r, token, sess.ExpiresAt)
	http.Redirect(w, r, p.Next, http.StatusSeeOther)
	return nil
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	if err := s.Users.Logout(r.Context(), s.sessionToken(r), currentUser(r)); err != nil {
		return err
	}
	s.setSessionCookie(w, r, "", time.Time{})
	flash(w, "success", "You are signed out.")
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}
