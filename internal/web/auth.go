package web

import (
	"context"
	"crypto/subtle"
	"net/http"
	"net/url"
	"strings"
	"time"

	"shortlist/internal/fault"
	"shortlist/internal/user"
)

// cookieName is the session cookie. The __Host- prefix, used over TLS, makes
// browsers refuse it from any other host or path.
const (
	cookieName       = "shortlist_session"
	secureCookieName = "__Host-shortlist_session"
)

type ctxKey int

const (
	keyUser ctxKey = iota
	keySession
	keyRequestID
	keyInfo
)

// currentUser returns the signed-in user, or nil.
func currentUser(r *http.Request) *user.User {
	u, _ := r.Context().Value(keyUser).(*user.User)
	return u
}

// currentSession returns the browser session, or nil for API tokens.
func currentSession(r *http.Request) *user.Session {
	s, _ := r.Context().Value(keySession).(*user.Session)
	return s
}

func (s *Server) secure(r *http.Request) bool {
	return r.TLS != nil || (s.TrustProxy && r.Header.Get("X-Forwarded-Proto") == "https")
}

// sessionToken returns the session token from the request's cookie.
func (s *Server) sessionToken(r *http.Request) string {
	name := cookieName
	if s.secure(r) {
		name = secureCookieName
	}
	c, err := r.Cookie(name)
	if err != nil {
		return ""
	}
	return c.Value
}

func (s *Server) setSessionCookie(w http.ResponseWriter, r *http.Request, token string, exp time.Time) {
	c := &http.Cookie{
		Name: cookieName, Value: token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Expires: exp,
	}
	if s.secure(r) {
		c.Name, c.Secure = secureCookieName, true
	}
	if token == "" {
		c.MaxAge = -1
	}
	http.SetCookie(w, c)
}

// page wraps a handler for browser pages: it requires a session of at least
// role min and checks the CSRF token on state-changing requests.
func (s *Server) page(min user.Role, h handlerFunc) http.Handler {
	return s.handle(func(w http.ResponseWriter, r *http.Request) error {
		r, err := s.withSession(r)
		if err != nil {
			return err
		}
		noteUser(r, currentUser(r).ID)
		if err := authorize(r, min); err != nil {
			return err
		}
		return h(w, r)
	})
}

// api wraps a JSON API handler: it accepts an API token
// ("Authorization: Bearer ...") or a browser session, which then needs the
// CSRF token on state-changing requests.
func (s *Server) api(min user.Role, h handlerFunc) http.Handler {
	return s.handle(func(w http.ResponseWriter, r *http.Request) error {
		if bearer, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
			u, err := s.Users.AuthenticateToken(r.Context(), strings.TrimSpace(bearer))
			if err != nil {
				return err
			}
			r = r.WithContext(context.WithValue(r.Context(), keyUser, u))
		} else {
			var err error
			if r, err = s.withSession(r); err != nil {
				return err
			}
		}
		noteUser(r, currentUser(r).ID)
		if err := authorize(r, min); err != nil {
			return err
		}
		return h(w, r)
	})
}

// withSession authenticates the session cookie and, for unsafe methods,
// the CSRF token sent in the X-CSRF-Token header or the csrf_token field.
func (s *Server) withSession(r *http.Request) (*http.Request, error) {
	u, sess, err := s.Users.Authenticate(r.Context(), s.sessionToken(r))
	if err != nil {
		return r, err
	}
	if !safeMethod(r.Method) {
		sent := r.Header.Get("X-CSRF-Token")
		// Only a plain form is parsed for the token here; an upload sends
		// the header, so its body is not read before the handler limits it.
		if sent == "" && isPlainForm(r) {
			sent = r.PostFormValue("csrf_token")
		}
		if subtle.ConstantTimeCompare([]byte(sent), []byte(sess.CSRF)) != 1 {
			return r, fault.Forbiddenf("The form has expired. Reload the page and try again.")
		}
	}
	ctx := context.WithValue(r.Context(), keyUser, u)
	ctx = context.WithValue(ctx, keySession, sess)
	return r.WithContext(ctx), nil
}

func authorize(r *http.Request, min user.Role) error {
	if !currentUser(r).Role.AtLeast(min) {
		return fault.Forbiddenf("Your role does not allow this; it needs %s or above.", min)
	}
	return nil
}

func isPlainForm(r *http.Request) bool {
	return strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded")
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// toLogin sends the browser to the sign-in page, then back where it was.
func (s *Server) toLogin(w http.ResponseWriter, r *http.Request) {
	next := "/"
	if r.Method == http.MethodGet {
		next = r.URL.RequestURI()
	}
	target := "/login?next=" + url.QueryEscape(next)
	if isHTMX(r) {
		w.Header().Set("HX-Redirect", target)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
}

// safeNext keeps a post-login redirect on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") ||
		strings.HasPrefix(next, "/\\") || strings.ContainsAny(next, "\r\n") {
		return "/"
	}
	return next
}
