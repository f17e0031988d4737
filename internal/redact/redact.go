package redact

import (
	"cmp"
	"slices"
	"strings"
)

// Known holds the contact details the resume reader found, which are
// hidden wherever they occur.
type Known struct {
	Name, Email, Phone string
	Links              []string
}

// Span is a piece of the original text that was replaced, with the kind
// of detail it held ("name", "email", "phone", "link", "address", "age",
// "date of birth", "gender", "pronoun", "nationality", "marital status",
// "religion" or "photo"). Its placeholder is the kind in brackets.
type Span struct {
	Start, End int
	Kind       string
}

// finder returns the spans of one kind of detail in text.
type finder func(text string, k Known) []Span

// finders run in this order; when spans overlap, the one that starts first
// wins, and of two starting together the longer.
var finders = []finder{findEmails, findLinks, findKnownContact, findLabelled, findAddresses,
	findPhones, findAges, findTitles, findPronouns, findName}

// Redact returns text with personal details replaced by placeholders, and
// the spans of text it replaced, in order.
func Redact(text string, k Known) (string, []Span) {
	var all []Span
	for _, f := range finders {
		all = append(all, f(text, k)...)
	}
	spans := resolve(all)
	var b strings.Builder
	prev := 0
	for _, s := range spans {
		b.WriteString(text[prev:s.Start])
		b.WriteString("[" + s.Kind + "]")
		prev = s.End
	}
	b.WriteString(text[prev:])
	return b.String(), spans
}

// resolve sorts spans and drops those that overlap one kept before.
func resolve(all []Span) []Span {
	slices.SortStableFunc(all, func(a, b Span) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
	})
	var out []Span
	for _, s := range all {
		if s.Start >= s.End {
			continue
		}
		if n := len(out); n > 0 && s.Start < out[n-1].End {
			continue
		}
		out = append(out, s)
	}
	return out
}

// spansOf returns a span of kind for each match of a pattern's group g
// (0 for the whole match) in text.
func spansOf(text, kind string, idx [][]int, g int) []Span {
	var out []Span
	for _, m := range idx {
		if m[2*g] >= 0 {
			out = append(out, Span{m[2*g], m[2*g+1], kind})
		}
	}
	return out
}
