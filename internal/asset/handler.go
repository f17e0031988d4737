package asset

import (
	"bytes"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// Cache policies. A hashed URL names one content forever. A plain name, or a
// hash from another release, may change under the same URL, so browsers keep
// it briefly and then revalidate it with its ETag.
const (
	cacheImmutable = "public, max-age=31536000, immutable"
	cacheShort     = "public, max-age=300"
)

// contentTypes are the types of the files Shortlist ships, set explicitly so
// they do not depend on the host's MIME tables.
var contentTypes = map[string]string{
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".woff2": "font/woff2",
	".woff":  "font/woff",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".ico":   "image/x-icon",
	".json":  "application/json",
	".md":    "text/markdown; charset=utf-8",
	"":       "text/plain; charset=utf-8", // LICENSE files
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// Handler serves the static files at the URL paths that URL returns; mount it
// on "/static/" without stripping the prefix. A hashed path is cached by
// browsers for a year as immutable; a plain path, or one with a hash from
// another release, is served with a short cache. Every response carries an
// ETag and honours If-None-Match and Range. Anything else, folders included,
// is 404; methods other than GET and HEAD are 405.
func Handler() http.Handler {
	return http.HandlerFunc(serve)
}

func serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := strings.CutPrefix(r.URL.Path, prefix)
	if !ok {
		http.NotFound(w, r)
		return
	}
	f, cache := static.lookup(name)
	if f == nil {
		http.NotFound(w, r)
		return
	}

	h := w.Header()
	h.Set("Content-Type", f.contentType)
	h.Set("Cache-Control", cache)
	h.Set("ETag", f.etag)
	h.Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(f.body))
}

// lookup finds the file for a request path below the prefix and the cache
// policy it is served with.
func (c *catalog) lookup(name string) (*file, string) {
	if f, ok := c.byHashed[name]; ok {
		return f, cacheImmutable
	}
	if f, ok := c.byName[name]; ok {
		return f, cacheShort
	}
	if plain, ok := withoutHash(name); ok {
		if f, ok := c.byName[plain]; ok {
			return f, cacheShort
		}
	}
	return nil, ""
}
