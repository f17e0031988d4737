package redact

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// findName finds the known name in full, in "SURNAME, Name" order, and
// each of its parts of three letters or more, ignoring case, as whole
// words.
//
// A name part that is also an ordinary word ("Will", "Grace", "Cook") is
// hidden wherever the word occurs, so "I will" becomes "I [name]": leaking
// the name would defeat blind review, and a reviewer can still follow the
// text.
func findName(text string, k Known) []Span {
	parts := nameParts(k.Name)
	if len(parts) == 0 {
		return nil
	}
	var out []Span
	last := len(parts) - 1
	first, surname := regexp.QuoteMeta(parts[0]), regexp.QuoteMeta(parts[last])
	middles := ""
	if last > 1 {
		middles = `([\s.]+(` + strings.Join(quoteAll(parts[1:last]), "|") + `)\.?)*`
	}
	forms := []string{
		strings.Join(quoteAll(parts), `[\s,.]+`), // Jane Q. Doe
		first + `\s+` + surname,                  // Jane Doe
		surname + `\s*,\s*` + first + middles,    // DOE, Jane Q.
	}
	for _, p := range forms {
		out = append(out, wordMatches(text, `(?i)`+p, "name")...)
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) < 3 {
			continue
		}
		out = append(out, wordMatches(text, `(?i)`+regexp.QuoteMeta(p), "name")...)
	}
	return out
}

// nameParts splits a name into its words, without initials' dots or
// surrounding punctuation.
func nameParts(name string) []string {
	var parts []string
	for _, f := range strings.Fields(name) {
		f = strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
		if f != "" {
			parts = append(parts, f)
		}
	}
	return parts
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = regexp.QuoteMeta(s)
	}
	return out
}

// wordMatches returns the matches of pattern in text that are whole words.
func wordMatches(text, pattern, kind string) []Span {
	var out []Span
	for _, m := range regexp.MustCompile(pattern).FindAllStringIndex(text, -1) {
		if isWordAt(text, m[0], m[1]) {
			out = append(out, Span{m[0], m[1], kind})
		}
	}
	return out
}
