package asset

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"
)

// get sends a GET for target to Handler and returns the recorded response.
func get(t *testing.T, target string, header http.Header) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, req)
	return rec
}

func TestURL(t *testing.T) {
	tests := []struct {
		name string
		want string // regular expression for the URL
	}{
		{"app.js", `^/static/app\.[0-9a-f]{12}\.js$`},
		{"app.css", `^/static/app\.[0-9a-f]{12}\.css$`},
		{"/app.js", `^/static/app\.[0-9a-f]{12}\.js$`},
		{"vendor/htmx/htmx.min.js", `^/static/vendor/htmx/htmx\.min\.[0-9a-f]{12}\.js$`},
		{
			"vendor/bootstrap-icons/fonts/bootstrap-icons.woff2",
			`^/static/vendor/bootstrap-icons/fonts/bootstrap-icons\.[0-9a-f]{12}\.woff2$`,
		},
		{"missing.js", `^/static/missing\.js$`},
		{"vendor/", `^/static/vendor/$`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := URL(tc.name); !regexp.MustCompile(tc.want).MatchString(got) {
				t.Errorf("URL(%q) = %q, want match for %s", tc.name, got, tc.want)
			}
		})
	}
}

func TestURLHashIsContentHash(t *testing.T) {
	for _, name := range []string{"app.js", "vendor/bootstrap-icons/bootstrap-icons.min.css"} {
		t.Run(name, func(t *testing.T) {
			u := URL(name)
			rec := get(t, u, nil)
			sum := sha256.Sum256(rec.Body.Bytes())
			want := hex.EncodeToString(sum[:])[:hashLen]
			if !strings.Contains(u, "."+want+".") {
				t.Errorf("URL(%q) = %q, want hash %s of the served body", name, u, want)
			}
		})
	}
}

func TestHandlerServes(t *testing.T) {
	tests := []struct {
		name        string
		contentType string
	}{
		{"app.js", "text/javascript; charset=utf-8"},
		{"app.css", "text/css; charset=utf-8"},
		{"vendor/bootstrap/bootstrap.min.css", "text/css; charset=utf-8"},
		{"vendor/bootstrap/bootstrap.bundle.min.js", "text/javascript; charset=utf-8"},
		{"vendor/bootstrap-icons/bootstrap-icons.min.css", "text/css; charset=utf-8"},
		{"vendor/bootstrap-icons/fonts/bootstrap-icons.woff2", "font/woff2"},
		{"vendor/bootstrap-icons/fonts/bootstrap-icons.woff", "font/woff"},
		{"vendor/chart.js/chart.umd.min.js", "text/javascript; charset=utf-8"},
		{"vendor/htmx/htmx.min.js", "text/javascript; charset=utf-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hashed := get(t, URL(tc.name), nil)
			plain := get(t, "/static/"+tc.name, nil)

			for _, c := range []struct {
				path  string
				rec   *httptest.ResponseRecorder
				cache string
			}{
				{URL(tc.name), hashed, cacheImmutable},
				{"/static/" + tc.name, plain, cacheShort},
			} {
				if c.rec.Code != http.StatusOK {
					t.Fatalf("GET %s: status = %d, want 200", c.path, c.rec.Code)
				}
				if got := c.rec.Header().Get("Content-Type"); got != tc.contentType {
					t.Errorf("GET %s: Content-Type = %q, want %q", c.path, got, tc.contentType)
				}
				if got := c.rec.Header().Get("Cache-Control"); got != c.cache {
					t.Errorf("GET %s: Cache-Control = %q, want %q", c.path, got, c.cache)
				}
				if c.rec.Header().Get("ETag") == "" {
					t.Errorf("GET %s: no ETag", c.path)
				}
				if c.rec.Body.Len() == 0 {
					t.Errorf("GET %s: empty body", c.path)
				}
			}
			if hashed.Body.String() != plain.Body.String() {
				t.Errorf("hashed and plain paths of %s serve different bodies", tc.name)
			}
		})
	}
}

func TestHandlerStaleHash(t *testing.T) {
	rec := get(t, "/static/app.0123456789ab.js", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET with another release's hash: status = %d, want 200", rec.Code)
	}
	if got := rec.Header().Get("Cache-Control"); got != cacheShort {
		t.Errorf("GET with another release's hash: Cache-Control = %q, want %q", got, cacheShort)
	}
}

func TestHandlerNotFound(t *testing.T) {
	tests := []struct {
		name string
		path string
	}{
		{"unknown file", "/static/missing.js"},
		{"unknown hashed file", "/static/missing.0123456789ab.js"},
		{"root", "/static/"},
		{"folder", "/static/vendor"},
		{"folder with slash", "/static/vendor/"},
		{"nested folder", "/static/vendor/bootstrap-icons/fonts/"},
		{"outside prefix", "/app.js"},
		{"parent escape", "/static/../asset.go"},
		{"source file", "/static/asset.go"},
		{"short hash", "/static/app.0123.js"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if rec := get(t, tc.path, nil); rec.Code != http.StatusNotFound {
				t.Errorf("GET %s: status = %d, want 404", tc.path, rec.Code)
			}
		})
	}
}

func TestHandlerMethods(t *testing.T) {
	tests := []struct {
		method string
		want   int
	}{
		{http.MethodGet, http.StatusOK},
		{http.MethodHead, http.StatusOK},
		{http.MethodPost, http.StatusMethodNotAllowed},
		{http.MethodDelete, http.StatusMethodNotAllowed},
	}
	for _, tc := range tests {
		t.Run(tc.method, func(t *testing.T) {
			rec := httptest.NewRecorder()
			Handler().ServeHTTP(rec, httptest.NewRequest(tc.method, URL("app.js"), nil))
			if rec.Code != tc.want {
				t.Errorf("%s app.js: status = %d, want %d", tc.method, rec.Code, tc.want)
			}
		})
	}
}

func TestHandlerETag(t *testing.T) {
	first := get(t, URL("app.css"), nil)
	etag := first.Header().Get("ETag")
	tests := []struct {
		name        string
		ifNoneMatch string
		want        int
	}{
		{"same version", etag, http.StatusNotModified},
		{"other version", `"0000"`, http.StatusOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := get(t, URL("app.css"), http.Header{"If-None-Match": {tc.ifNoneMatch}})
			if rec.Code != tc.want {
				t.Errorf("If-None-Match %s: status = %d, want %d", tc.ifNoneMatch, rec.Code, tc.want)
			}
		})
	}
}

func TestIconFontsReachable(t *testing.T) {
	cssURL := URL("vendor/bootstrap-icons/bootstrap-icons.min.css")
	css := get(t, cssURL, nil).Body.String()
	refs := regexp.MustCompile(`url\("?([^")]+)"?\)`).FindAllStringSubmatch(css, -1)
	if len(refs) < 2 {
		t.Fatalf("icons CSS has %d url() references, want the woff2 and woff fonts", len(refs))
	}
	base, err := url.Parse(cssURL)
	if err != nil {
		t.Fatal(err)
	}
	for _, ref := range refs {
		t.Run(ref[1], func(t *testing.T) {
			u, err := url.Parse(ref[1])
			if err != nil {
				t.Fatal(err)
			}
			target := base.ResolveReference(u).String()
			rec := get(t, target, nil)
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s: status = %d, want 200", target, rec.Code)
			}
			if got := rec.Header().Get("Cache-Control"); got != cacheImmutable {
				t.Errorf("GET %s: Cache-Control = %q, want %q", target, got, cacheImmutable)
			}
			if got := rec.Header().Get("Content-Type"); !strings.HasPrefix(got, "font/") {
				t.Errorf("GET %s: Content-Type = %q, want a font type", target, got)
			}
		})
	}
}

func TestVendoredFilesHaveLicence(t *testing.T) {
	readme, err := fs.ReadFile(files, "static/vendor/README.md")
	if err != nil {
		t.Fatalf("read vendor README: %v", err)
	}
	seen := 0
	err = fs.WalkDir(files, "static/vendor", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || name == "static/vendor/README.md" {
			return err
		}
		seen++
		pkg := strings.SplitN(strings.TrimPrefix(name, "static/vendor/"), "/", 2)[0]
		if !strings.Contains(string(readme), "`"+pkg+"/`") {
			t.Errorf("vendor README does not list %s/", pkg)
		}
		if !hasLicence(path.Dir(name), "static/vendor/"+pkg) {
			t.Errorf("%s has no LICENSE beside it or in %s", name, "static/vendor/"+pkg)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen == 0 {
		t.Fatal("no vendored files found")
	}
}

// hasLicence reports whether dir, or a folder between it and top, has a
// non-empty LICENSE file.
func hasLicence(dir, top string) bool {
	for {
		if b, err := fs.ReadFile(files, dir+"/LICENSE"); err == nil && len(b) > 0 {
			return true
		}
		if dir == top || !strings.HasPrefix(dir, top) {
			return false
		}
		dir = path.Dir(dir)
	}
}

func TestServedScripts(t *testing.T) {
	tests := []struct {
		name      string
		forbidden string
	}{
		{"app.js", "alert("},
		{"app.js", "sourceMappingURL"},
		{"vendor/bootstrap/bootstrap.min.css", "sourceMappingURL"},
		{"vendor/bootstrap/bootstrap.bundle.min.js", "sourceMappingURL"},
		{"vendor/chart.js/chart.umd.min.js", "sourceMappingURL"},
		{"vendor/htmx/htmx.min.js", "sourceMappingURL"},
		{"vendor/bootstrap-icons/bootstrap-icons.min.css", "sourceMappingURL"},
	}
	for _, tc := range tests {
		t.Run(tc.name+" "+tc.forbidden, func(t *testing.T) {
			body := get(t, URL(tc.name), nil).Body.String()
			if body == "" {
				t.Fatalf("GET %s: empty body", URL(tc.name))
			}
			if strings.Contains(body, tc.forbidden) {
				t.Errorf("%s contains %q", tc.name, tc.forbidden)
			}
		})
	}
}
