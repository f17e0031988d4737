package asset

import (
	"path"
	"regexp"
	"strings"
)

// cssURL matches a url(...) reference in a stylesheet; the reference itself
// is in group 1 (double quotes), 2 (single quotes) or 3 (no quotes).
var cssURL = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^"'()\s]*))\s*\)`)

// rewriteCSS replaces each relative url(...) in the stylesheet called name
// that points at a known file with a reference to that file's hashed name,
// still relative, so the stylesheet works wherever the files are mounted. A
// query string (a cache-buster such as the icon font's "?<hash>") is dropped,
// since the hashed name does its job; a fragment is kept. Other references
// (data:, absolute, unknown files) are left as they are.
func rewriteCSS(name string, body []byte, hashed func(string) (string, bool)) []byte {
	dir := path.Dir(name)
	var out []byte
	last := 0
	for _, m := range cssURL.FindAllSubmatchIndex(body, -1) {
		start, end := refSpan(m)
		if start < 0 {
			continue
		}
		ref, ok := rewriteRef(dir, string(body[start:end]), hashed)
		if !ok {
			continue
		}
		out = append(out, body[last:start]...)
		out = append(out, ref...)
		last = end
	}
	if out == nil {
		return body
	}
	return append(out, body[last:]...)
}

// refSpan returns the byte span of the reference within a cssURL match.
func refSpan(m []int) (int, int) {
	for g := 1; g <= 3; g++ {
		if m[2*g] >= 0 {
			return m[2*g], m[2*g+1]
		}
	}
	return -1, -1
}

// rewriteRef returns ref with its file name replaced by the hashed one,
// reporting false when ref is not a relative reference to a known file.
func rewriteRef(dir, ref string, hashed func(string) (string, bool)) (string, bool) {
	if ref == "" || strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "#") ||
		strings.Contains(ref, ":") {
		return "", false
	}
	file, fragment := ref, ""
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		file = ref[:i]
		if j := strings.IndexByte(ref, '#'); j >= 0 {
			fragment = ref[j:]
		}
	}
	target := path.Join(dir, file)
	if strings.HasPrefix(target, "../") {
		return "", false
	}
	h, ok := hashed(target)
	if !ok {
		return "", false
	}
	return file[:strings.LastIndexByte(file, '/')+1] + path.Base(h) + fragment, true
}
