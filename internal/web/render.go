package web

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"
	"time"

	"shortlist/internal/asset"
	"shortlist/internal/candidate"
	"shortlist/internal/job"
	"shortlist/internal/screening"
	"shortlist/internal/user"
	"shortlist/internal/vetting"
)

//go:embed templates
var templateFS embed.FS

// pages holds one parsed template set per page, each with the layout.
type pages struct {
	byName map[string]*template.Template
}

var templateFuncs = template.FuncMap{
	"asset": asset.URL,
	"rows": func(reqs []vetting.Requirement, kinds []vetting.RequirementKind) RequirementRows {
		return RequirementRows{Requirements: reqs, Kinds: kinds}
	},
	"dateOnly": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.DateOnly)
	},
	// dayBefore shows an exclusive end date as the inclusive one a person
	// typed.
	"dayBefore": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.AddDate(0, 0, -1).Format(time.DateOnly)
	},
	"hasJob": func(jobs []job.Job, id int64) bool {
		for _, j := range jobs {
			if j.ID == id {
				return true
			}
		}
		return false
	},
	"inc":      func(i int) int { return i + 1 },
	"maxCount": func() int { return candidate.MaxCount },
	"inFlight": func(rs []screening.Record) bool {
		for _, r := range rs {
			if r.Status == screening.Queued || r.Status == screening.Running {
				return true
			}
		}
		return false
	},
	"verdicts": func() []vetting.Verdict { return verdicts },
	"verdictClass": func(v vetting.Verdict) string {
		return map[vetting.Verdict]string{vetting.StrongMatch: "text-bg-success",
			vetting.GoodMatch: "text-bg-primary", vetting.WeakMatch: "text-bg-warning",
			vetting.NoMatch: "text-bg-secondary"}[v]
	},
	"reqClass": func(v vetting.ReqVerdict) string {
		return map[vetting.ReqVerdict]string{vetting.Met: "text-bg-success",
			vetting.PartlyMet: "text-bg-warning", vetting.NotMet: "text-bg-secondary",
			vetting.Unverified: "text-bg-danger"}[v]
	},
	"topReasons": topReasons,
	"date": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format("2006-01-02 15:04 UTC")
	},
}

// parsePages parses every page template with the layout and the partials.
func parsePages() (*pages, error) {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("list templates: %w", err)
	}
	p := &pages{byName: map[string]*template.Template{}}
	for _, path := range names {
		name := strings.TrimSuffix(strings.TrimPrefix(path, "templates/"), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.New(name).Funcs(templateFuncs).ParseFS(templateFS,
			"templates/layout.html", "templates/partials/*.html", path)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		p.byName[name] = t
	}
	return p, nil
}

// topReasons lists up to n requirement outcomes worth showing in a ranking:
// the ones met first, then those not met.
func topReasons(reqs []vetting.RequirementResult, n int) []string {
	var met, missed []string
	for _, r := range reqs {
		switch r.Verdict {
		case vetting.Met, vetting.PartlyMet:
			met = append(met, "✓ "+r.Text)
		case vetting.NotMet, vetting.Unverified:
			missed = append(missed, "✗ "+r.Text)
		}
	}
	out := append(met, missed...)
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// Page is what every page template gets: the signed-in user, the navbar,
// the CSRF token and any toasts to show.
type Page struct {
	Title  string
	User   *user.User
	CSRF   string
	Nav    []NavItem
	Toasts []Toast
}

// NavItem is one link in the navbar.
type NavItem struct {
	Label, Href, Icon string
	Active            bool
}

// Toast is a message shown in a Bootstrap toast: Kind is success, danger or
// info.
type Toast struct {
	Kind, Message string
}

// navItems lists the navbar links and the least role that sees each.
var navItems = []struct {
	NavItem
	min user.Role
}{
	{NavItem{Label: "Home", Href: "/", Icon: "house"}, user.Recruiter},
	{NavItem{Label: "Dashboard", Href: "/dashboard", Icon: "speedometer2"}, user.Recruiter},
	{NavItem{Label: "Candidates", Href: "/candidates", Icon: "person-vcard"}, user.Recruiter},
	{NavItem{Label: "Jobs", Href: "/jobs", Icon: "briefcase"}, user.Recruiter},
	{NavItem{Label: "Users", Href: "/users", Icon: "people"}, user.Admin},
	{NavItem{Label: "Deleted Candidates", Href: "/trash", Icon: "trash"}, user.Admin},
}

// newPage fills in the common page fields for the request's user.
func (s *Server) newPage(w http.ResponseWriter, r *http.Request, title string) Page {
	p := Page{Title: title, User: currentUser(r), Toasts: takeFlash(w, r)}
	if sess := currentSession(r); sess != nil {
		p.CSRF = sess.CSRF
	}
	if p.User == nil {
		return p
	}
	for _, item := range navItems {
		if !p.User.Role.AtLeast(item.min) {
			continue
		}
		n := item.NavItem
		n.Active = r.URL.Path == n.Href || (n.Href != "/" && strings.HasPrefix(r.URL.Path, n.Href+"/"))
		p.Nav = append(p.Nav, n)
	}
	return p
}

// render executes a page's layout (or, with block set, one named block of
// it) into a buffer first, so that a template error becomes a clean error
// response instead of half a page.
func (s *Server) render(w http.ResponseWriter, status int, page, block string, data any) error {
	t, ok := s.pages.byName[page]
	if !ok {
		return fmt.Errorf("render: no template %q", page)
	}
	if block == "" {
		block = "layout"
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, block, data); err != nil {
		return fmt.Errorf("render %s/%s: %w", page, block, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}

// ErrorPage is the model of the error page.
type ErrorPage struct {
	Page
	Status  int
	Message string
}

func (s *Server) renderError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	p := ErrorPage{Page: s.newPage(w, r, http.StatusText(status)), Status: status, Message: msg}
	if err := s.render(w, status, "error", "", p); err != nil {
		http.Error(w, msg, status)
	}
}

// flashCookie carries toasts across a redirect.
const flashCookie = "shortlist_flash"

// flash queues a toast for the next page the browser loads.
func flash(w http.ResponseWriter, kind, msg string) {
	http.SetCookie(w, &http.Cookie{
		Name: flashCookie, Value: url.QueryEscape(kind + "|" + msg), Path: "/",
		HttpOnly: true, SameSite: http.SameSiteLaxMode, MaxAge: 60,
	})
}

// takeFlash returns the queued toast, if any, and clears it.
func takeFlash(w http.ResponseWriter, r *http.Request) []Toast {
	c, err := r.Cookie(flashCookie)
	if err != nil {
		return nil
	}
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Path: "/", MaxAge: -1})
	v, err := url.QueryUnescape(c.Value)
	if err != nil {
		return nil
	}
	kind, msg, ok := strings.Cut(v, "|")
	if !ok || (kind != "success" && kind != "danger" && kind != "info") || msg == "" {
		return nil
	}
	return []Toast{{Kind: kind, Message: msg}}
}

// toast tells htmx to show a toast once the response is swapped in.
func toast(w http.ResponseWriter, kind, msg string) {
	b, _ := json.Marshal(map[string]any{"toast": map[string]string{"message": msg, "kind": kind}})
	w.Header().Set("HX-Trigger", string(b))
}
