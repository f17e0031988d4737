package shield

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// The kinds of finding.
const (
	KindInstruction = "instruction"      // text addressed to an AI model
	KindRoleTag     = "role tag"         // chat markup such as "<|im_start|>"
	KindScoreDemand = "score demand"     // a demand about the score or ranking
	KindStuffing    = "keyword stuffing" // words repeated far beyond normal
)

// Finding is one piece of text that tries to steer a model or a ranking.
type Finding struct {
	// Kind is one of the Kind constants.
	Kind string
	// Quote is the text found, shortened to quoteMax characters.
	Quote string
	// Start and End are byte offsets of the text found in the scanned text.
	Start, End int
	// Detail says what was found in plain words, for keyword stuffing
	// mainly (`"python" 52 times in 380 words`); it may be empty.
	Detail string
}

// quoteMax is the most characters a Finding.Quote keeps.
const quoteMax = 100

// Scan returns the findings in text, ordered by position. Overlapping
// findings of the same kind are merged into one.
func Scan(text string) []Finding {
	fs := scanRules(text)
	fs = append(fs, scanStuffing(text)...)
	slices.SortFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
	})
	return mergeSameKind(text, fs)
}

// mergeSameKind joins overlapping findings of the same kind; fs is sorted
// by start.
func mergeSameKind(text string, fs []Finding) []Finding {
	var out []Finding
	last := map[string]int{} // kind → index in out of its latest finding
	for _, f := range fs {
		if i, ok := last[f.Kind]; ok && f.Start < out[i].End {
			if f.End > out[i].End {
				out[i].End = f.End
				out[i].Quote = quote(text[out[i].Start:out[i].End])
			}
			continue
		}
		last[f.Kind] = len(out)
		out = append(out, f)
	}
	return out
}

// newFinding returns a finding of kind for text[start:end].
func newFinding(text, kind string, start, end int) Finding {
	return Finding{Kind: kind, Quote: quote(text[start:end]), Start: start, End: end}
}

// quote shortens s to quoteMax characters on one line.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= quoteMax {
		return s
	}
	r := []rune(s)
	return string(r[:quoteMax-1]) + "…"
}
