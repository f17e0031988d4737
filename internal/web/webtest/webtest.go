// Package webtest starts a real Shortlist web server over a throw-away
// database for tests, with helpers to sign in as each role.
package webtest

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"os"
	"path/filepath"
	"sync"

	"github.com/prometheus/client_golang/prometheus"

	"shortlist/internal/candidate"
	"shortlist/internal/dashboard"
	"shortlist/internal/event"
	"shortlist/internal/job"
	"shortlist/internal/queue/queuetest"
	"shortlist/internal/resume"
	"shortlist/internal/screening"
	"shortlist/internal/store"
	"shortlist/internal/user"
	"shortlist/internal/vetting"
	"shortlist/internal/vetting/local"
	"shortlist/internal/web"
)

// Password is the password of every user the helpers create.
const Password = "correct horse battery"

// Env is a running test server.
type Env struct {
	T          testing.TB
	DB         *store.DB
	Users      *user.Service
	Jobs       *job.Service
	Candidates *candidate.Service
	Screening  *screening.Service
	URL        string
}

// Start serves Shortlist over db until the test ends; opts may change the
// server's dependencies before it starts.
func Start(t testing.TB, db *store.DB, opts ...func(*web.Deps)) *Env {
	t.Helper()
	users, err := user.NewService(db, user.Options{
		Secret: []byte("test secret"), SessionIdle: time.Hour, SessionMax: 24 * time.Hour,
	})
	if err != nil {
		t.Fatalf("user service: %v", err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	limits := resume.DefaultLimits()
	limits.MaxBatchFiles = 10
	deps := web.Deps{
		Log: log, Users: users, Health: db, Activity: db, Registry: prometheus.NewRegistry(),
		Jobs:       job.NewService(db),
		Candidates: candidate.NewService(db, Extractor(t), limits, log),
		Uploads:    web.UploadLimits{MaxRequestBytes: 32 << 20, MaxFiles: 10},
	}
	deps.Screening = startQueue(t, db, Engines)
	hub, stopHub := startHub(t, db, log)
	deps.Dashboard = dashboard.Service{Source: dashboard.NewCache(db, hub.LastID), LogStore: db,
		Feed: hub}
	for _, o := range opts {
		o(&deps)
	}
	srv, err := web.New(deps)
	if err != nil {
		t.Fatalf("web.New: %v", err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	// Cleanups run last first: the hub stops before the server closes, so
	// that open event streams end and do not hold the close up.
	t.Cleanup(stopHub)
	return &Env{T: t, DB: db, Users: users, Jobs: deps.Jobs, Candidates: deps.Candidates,
		Screening: deps.Screening, URL: ts.URL}
}

// Engines are the vetting engines of test servers; tests may replace it
// before Start.
var Engines = func() map[string]vetting.Engine {
	return map[string]vetting.Engine{"local": local.New()}
}

// startQueue starts a queue that works vettings with the given engines.
func startQueue(t testing.TB, db *store.DB, engines func() map[string]vetting.Engine) *screening.Service {
	t.Helper()
	engs := engines()
	def := "local"
	if _, ok := engs["llm"]; ok {
		def = "llm"
	}
	svc, err := screening.NewService(db, db, db, engs, def, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	queuetest.Start(t, db, svc)
	return svc
}

// startHub runs the live activity hub over db until the returned stop is
// called.
func startHub(t testing.TB, db *store.DB, log *slog.Logger) (*event.Hub, func()) {
	t.Helper()
	hub := event.New(db, event.OptionsFor(db.Dialect, db.URL()), log)
	ctx, cancel := context.WithCancel(context.Background())
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

var (
	extractorOnce sync.Once
	extractor     *resume.Extractor
	extractorErr  error
)

// Extractor returns a resume reader shared by every test of the process; its
// compiled PDF engine is cached in the temporary directory between runs.
func Extractor(t testing.TB) *resume.Extractor {
	t.Helper()
	extractorOnce.Do(func() {
		cache := filepath.Join(os.TempDir(), "shortlist-resume-test-cache")
		extractor, extractorErr = resume.NewExtractor(context.Background(),
			resume.Config{CacheDir: cache, Workers: 2})
	})
	if extractorErr != nil {
		t.Fatalf("start resume reader: %v", extractorErr)
	}
	return extractor
}

// CreateUser adds a user with the given role and the shared Password.
func (e *Env) CreateUser(email string, role user.Role) *user.User {
	e.T.Helper()
	u, _, err := e.Users.Create(context.Background(), nil,
		user.NewUser{Email: email, Role: role, Password: Password})
	if err != nil {
		e.T.Fatalf("create %s: %v", email, err)
	}
	return u
}

// Client is a browser-like HTTP client with its own cookies.
type Client struct {
	*http.Client
	env  *Env
	CSRF string
}

// NewClient returns a client that does not follow redirects, so tests can
// see them.
func (e *Env) NewClient() *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{env: e, Client: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// Login creates a user of the role (when email is new) and signs in as them.
func (e *Env) Login(email string, role user.Role) *Client {
	e.T.Helper()
	if _, err := e.Users.Lookup(context.Background(), email); err != nil {
		e.CreateUser(email, role)
	}
	c := e.NewClient()
	res := c.PostForm("/login", url.Values{"email": {email}, "password": {Password}})
	if res.StatusCode != http.StatusSeeOther {
		e.T.Fatalf("login as %s: status %d, want 303", email, res.StatusCode)
	}
	c.Get("/")
	return c
}

var csrfMeta = regexp.MustCompile(`<meta name="csrf-token" content="([^"]+)">`)

// Response is a finished response with its body read.
type Response struct {
	*http.Response
	Body string
}

// Do sends a request and reads the whole response. It remembers the CSRF
// token of any page it loads.
func (c *Client) Do(req *http.Request) *Response {
	c.env.T.Helper()
	res, err := c.Client.Do(req)
	if err != nil {
		c.env.T.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if m := csrfMeta.FindSubmatch(b); m != nil {
		c.CSRF = string(m[1])
	}
	return &Response{Response: res, Body: string(b)}
}

// Get fetches a path of the test server.
func (c *Client) Get(path string) *Response {
	c.env.T.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.env.URL+path, nil)
	return c.Do(req)
}

// PostForm posts a form, adding the CSRF token when the client has one and
// the form does not set csrf_token itself.
func (c *Client) PostForm(path string, form url.Values) *Response {
	c.env.T.Helper()
	if _, set := form["csrf_token"]; !set && c.CSRF != "" {
		form.Set("csrf_token", c.CSRF)
	}
	req, _ := http.NewRequest(http.MethodPost, c.env.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.Do(req)
}

// HTMX posts a form the way htmx does: CSRF token in a header, HX-Request set.
func (c *Client) HTMX(path string, form url.Values) *Response {
	c.env.T.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.env.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("HX-Request", "true")
	req.Header.Set("X-CSRF-Token", c.CSRF)
	return c.Do(req)
}

// API sends a JSON API request with a bearer token (none when token is "").
func (e *Env) API(method, path, token, body string) *Response {
	e.T.Helper()
	req, _ := http.NewRequest(method, e.URL+path, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return e.NewClient().Do(req)
}
