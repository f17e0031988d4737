package web

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"

	"shortlist/internal/fault"
)

// handlerFunc is the shape of every handler: it returns an error instead of
// writing one, and handle turns that error into a response.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// handle adapts a handlerFunc to http.Handler. It is the one place where
// errors become responses and are logged.
func (s *Server) handle(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}

// statusOf maps an error kind to an HTTP status.
func statusOf(k fault.Kind) int {
	switch k {
	case fault.Invalid:
		return http.StatusUnprocessableEntity
	case fault.NotFound:
		return http.StatusNotFound
	case fault.Conflict:
		return http.StatusConflict
	case fault.Forbidden:
		return http.StatusForbidden
	case fault.Unauthorized:
		return http.StatusUnauthorized
	case fault.TooMany:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

// fail writes err as JSON for the API, as plain text for htmx (the page shows
// it in a toast), and as an error page otherwise. Only the error's user-safe
// message reaches the response.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	kind := fault.KindOf(err)
	status := statusOf(kind)
	msg := fault.Message(err)
	if kind == fault.Internal {
		s.Log.ErrorContext(r.Context(), "request failed", slog.String("request_id", requestID(r)),
			slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.String("error", err.Error()))
	} else {
		s.Log.DebugContext(r.Context(), "request refused", slog.String("request_id", requestID(r)),
			slog.Int("status", status), slog.String("error", err.Error()))
	}

	switch {
	case isAPI(r):
		if kind == fault.Unauthorized {
			w.Header().Set("WWW-Authenticate", `Bearer realm="shortlist"`)
		}
		writeJSON(w, status, map[string]string{"error": msg})
	case kind == fault.Unauthorized:
		s.toLogin(w, r)
	case isHTMX(r):
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(msg))
	default:
		s.renderError(w, r, status, msg)
	}
}

func isAPI(r *http.Request) bool  { return strings.HasPrefix(r.URL.Path, "/api/") }
func isHTMX(r *http.Request) bool { return r.Header.Get("HX-Request") == "true" }

// writeJSON writes v as the JSON body of a response with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) error {
	return fault.NotFoundf("There is no page at %s.", r.URL.Path)
}

func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) error {
	return fault.NotFoundf("There is no API route %s %s.", r.Method, r.URL.Path)
}
