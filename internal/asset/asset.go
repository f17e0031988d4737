// Package asset holds Shortlist's static front-end files (its own CSS and
// JavaScript and the vendored Bootstrap, Bootstrap Icons, Chart.js and htmx),
// embedded in the binary and served under content-hashed URLs, so browsers
// may cache them for a year and still never run a stale copy.
package asset

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

//go:embed static
var files embed.FS

// prefix is the URL path under which Handler serves the files.
const prefix = "/static/"

// hashLen is how many hex digits of a file's SHA-256 go into its URL.
const hashLen = 12

// file is one servable file with everything computed for it at start-up.
type file struct {
	name        string // path below static/, e.g. "vendor/htmx/htmx.min.js"
	hashed      string // name with the content hash before the extension
	body        []byte
	etag        string
	contentType string
}

// catalog indexes the files by plain and by hashed name.
type catalog struct {
	byName   map[string]*file
	byHashed map[string]*file
}

// static is built once from the embedded files; a failure here means the
// binary itself is broken, so it stops the program at start-up.
var static = mustLoad()

func mustLoad() *catalog {
	sub, err := fs.Sub(files, "static")
	if err != nil {
		panic(fmt.Sprintf("asset: open embedded files: %v", err))
	}
	c, err := load(sub)
	if err != nil {
		panic(fmt.Sprintf("asset: load embedded files: %v", err))
	}
	return c
}

// load reads every file of fsys and hashes it. Stylesheets are done last:
// their relative url(...) references are first rewritten to the hashed names
// of the files they point at, and the rewritten text is what gets hashed.
func load(fsys fs.FS) (*catalog, error) {
	bodies := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("read %s: %w", name, err)
		}
		bodies[name] = body
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("walk static files: %w", err)
	}

	c := &catalog{byName: map[string]*file{}, byHashed: map[string]*file{}}
	for name, body := range bodies {
		if path.Ext(name) != ".css" {
			c.add(name, body)
		}
	}
	for name, body := range bodies {
		if path.Ext(name) == ".css" {
			c.add(name, rewriteCSS(name, body, c.hashedName))
		}
	}
	return c, nil
}

// add hashes body and records it under name and its hashed name.
func (c *catalog) add(name string, body []byte) {
	sum := sha256.Sum256(body)
	digest := hex.EncodeToString(sum[:])
	f := &file{
		name:        name,
		hashed:      withHash(name, digest[:hashLen]),
		body:        body,
		etag:        `"` + digest[:32] + `"`,
		contentType: contentType(name),
	}
	c.byName[name] = f
	c.byHashed[f.hashed] = f
}

// hashedName returns the hashed name of the file called name, if there is one.
func (c *catalog) hashedName(name string) (string, bool) {
	f, ok := c.byName[name]
	if !ok {
		return "", false
	}
	return f.hashed, true
}

// withHash puts hash before the extension of name's last element:
// "vendor/htmx/htmx.min.js" becomes "vendor/htmx/htmx.min.<hash>.js".
func withHash(name, hash string) string {
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hash + ext
}

// withoutHash undoes withHash for any hash of the right form, so a page
// rendered by an older or newer release can still find a file.
func withoutHash(name string) (string, bool) {
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	i := strings.LastIndexByte(stem, '.')
	if i < 0 || strings.Contains(stem[i:], "/") || !isHex(stem[i+1:]) {
		return "", false
	}
	return stem[:i] + ext, true
}

func isHex(s string) bool {
	if len(s) != hashLen {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("0123456789abcdef", r) {
			return false
		}
	}
	return true
}

// URL returns the content-hashed URL of the static file name, a path below
// the static folder such as "app.js" or "vendor/htmx/htmx.min.js":
// URL("app.js") is "/static/app.<hash>.js", where hash is the first 12 hex
// digits of the SHA-256 of the file as served. An unknown name yields
// "/static/" + name, which Handler answers with 404.
func URL(name string) string {
	name = strings.TrimPrefix(name, "/")
	if f, ok := static.byName[name]; ok {
		return prefix + f.hashed
	}
	return prefix + name
}
