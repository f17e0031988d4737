package resume

import (
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameRunes bounds the length of a safe file name.
const maxNameRunes = 100

// SafeName returns a file name safe for a Content-Disposition attachment:
// the base name only, with letters, digits, spaces and ". - _ ( )" kept and
// anything else (quotes, slashes, control characters) replaced by "_". It
// may keep non-ASCII letters, so emit it with mime.FormatMediaType, which
// encodes those. An empty result becomes "resume".
func SafeName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = name[strings.LastIndex(name, "/")+1:]
	name = strings.Map(safeRune, name)
	name = strings.Trim(strings.Join(strings.Fields(name), " "), ". _")
	if utf8.RuneCountInString(name) > maxNameRunes {
		name = shorten(name)
	}
	if name == "" {
		return "resume"
	}
	return name
}

// safeRune keeps the characters allowed in a safe name.
func safeRune(r rune) rune {
	switch {
	case unicode.IsLetter(r), unicode.IsDigit(r):
		return r
	case strings.ContainsRune(" .-_()", r):
		return r
	case unicode.IsSpace(r):
		return ' '
	}
	return '_'
}

// shorten cuts a name to maxNameRunes while keeping a short extension.
func shorten(name string) string {
	ext := filepath.Ext(name)
	if utf8.RuneCountInString(ext) > 10 {
		ext = ""
	}
	stem := []rune(strings.TrimSuffix(name, ext))
	keep := maxNameRunes - utf8.RuneCountInString(ext)
	return strings.TrimSpace(string(stem[:keep])) + ext
}
