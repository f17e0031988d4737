package vetting

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// VerifyEvidence checks every quote of r against the resume text after
// folding white space and case. A quote found elsewhere than its offsets say
// gets corrected offsets; a quote not found is dropped, and a requirement
// that loses all its quotes becomes Unverified. It reports how many quotes
// were dropped.
//
// VerifyEvidence does not change r.Score: the weights belong to the engine,
// so an engine whose quotes may fail (a model) must score again after it.
func VerifyEvidence(text string, r *Result) (dropped int) {
	folded, offsets := fold(text)
	for i := range r.Requirements {
		rr := &r.Requirements[i]
		if len(rr.Evidence) == 0 {
			continue
		}
		kept := rr.Evidence[:0]
		for _, ev := range rr.Evidence {
			if fixed, ok := locate(text, folded, offsets, ev); ok {
				kept = append(kept, fixed)
			} else {
				dropped++
			}
		}
		rr.Evidence = kept
		if len(kept) == 0 {
			rr.Verdict = Unverified
		}
	}
	return dropped
}

// locate finds ev in text, trusting its offsets when they hold the quote.
func locate(text, folded string, offsets []int, ev Evidence) (Evidence, bool) {
	q, _ := fold(ev.Quote)
	if q == "" {
		return ev, false
	}
	if ev.Start >= 0 && ev.End <= len(text) && ev.Start < ev.End {
		if got, _ := fold(text[ev.Start:ev.End]); got == q {
			return ev, true
		}
	}
	i := strings.Index(folded, q)
	if i < 0 {
		return ev, false
	}
	start, end := offsets[i], offsets[i+len(q)-1]
	_, n := utf8.DecodeRuneInString(text[end:])
	end += n
	return Evidence{Quote: text[start:end], Start: start, End: end}, true
}

// fold lower-cases s and turns every run of white space into one space,
// trimming both ends. offsets[i] is the byte in s where folded byte i came
// from.
func fold(s string) (string, []int) {
	var b strings.Builder
	offsets := make([]int, 0, len(s))
	space := false
	for i, r := range s {
		if unicode.IsSpace(r) || r == '\u200b' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			offsets = append(offsets, i)
			space = false
		}
		lr := unicode.ToLower(r)
		n := utf8.RuneLen(lr)
		if n < 0 {
			n = 1
		}
		b.WriteRune(lr)
		for range n {
			offsets = append(offsets, i)
		}
	}
	return b.String(), offsets
}
