package shield

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// Thresholds of keyword stuffing, set well above what the development
// resumes show (see TestSharedResumesNotFlagged): at most 5 repeats in a
// row of one phrase with digits in it ("5+ yrs") and 3 without; a most
// frequent word of 43 occurrences, or of 6.8% of the words once it occurs
// 15 times; lists of up to 119 terms; and in a list, one term 3 times among
// 18 (17%).
const (
	// runMin is how many times in a row a phrase of one to runMaxWords
	// words must occur.
	runMin      = 6
	runMaxWords = 4
	// A word is stuffed when it occurs freqMin times and makes up freqShare
	// of the words, or occurs freqAlways times whatever the length.
	freqMin    = 15
	freqShare  = 0.12
	freqAlways = 80
	// A list of at least listDupItems items is stuffed when one item occurs
	// listDupMin times and makes up listDupShare of the items, or when the
	// list has listLong items.
	listDupItems = 8
	listDupMin   = 4
	listDupShare = 0.25
	listLong     = 200
)

// stopWords are not counted as stuffed however often they occur.
var stopWords = map[string]bool{"and": true, "the": true, "for": true, "with": true,
	"from": true, "this": true, "that": true, "have": true, "has": true, "are": true,
	"was": true, "were": true, "you": true, "your": true, "our": true, "all": true,
	"not": true, "but": true, "per": true, "company": true, "name": true, "city": true,
	"state": true}

// word is a token of the text with its offsets.
type word struct {
	text       string // lower case
	start, end int
}

var wordRE = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}+#'’-]*`)

// words returns the tokens of text.
func words(text string) []word {
	var ws []word
	for _, m := range wordRE.FindAllStringIndex(text, -1) {
		ws = append(ws, word{strings.ToLower(text[m[0]:m[1]]), m[0], m[1]})
	}
	return ws
}

// scanStuffing returns the keyword stuffing findings of text.
//
// TODO: stuffing below the thresholds (five repeats in a row, a term three
// times in a list) is neither flagged nor removed, and a long list that names
// many skills once each is not stuffing to these rules, however little the
// rest of the resume backs it up.
func scanStuffing(text string) []Finding {
	ws := words(text)
	fs := repeatedRuns(text, ws)
	fs = append(fs, frequentWords(text, ws)...)
	return append(fs, stuffedLists(text)...)
}

// repeatedRuns finds a phrase of one to runMaxWords words repeated runMin
// times or more in a row ("python python python …").
func repeatedRuns(text string, ws []word) []Finding {
	var fs []Finding
	for i := 0; i < len(ws); i++ {
		for n := 1; n <= runMaxWords && i+n <= len(ws); n++ {
			if !countable(ws[i : i+n]) {
				continue
			}
			k := 1
			for j := i + n; j+n <= len(ws) && samePhrase(ws[i:i+n], ws[j:j+n]); j += n {
				k++
			}
			if k >= runMin {
				end := ws[i+k*n-1].end
				f := newFinding(text, KindStuffing, ws[i].start, end)
				f.Detail = fmt.Sprintf("%q repeated %d times in a row", phrase(ws[i:i+n]), k)
				fs = append(fs, f)
				i += k*n - 1
				break
			}
		}
	}
	return fs
}

// countable reports whether a phrase can be stuffing: it has a word of at
// least three letters and no digits, so that "5+ yrs 5+ yrs" in a skills
// chart is not counted.
func countable(p []word) bool {
	long := false
	for _, w := range p {
		if strings.ContainsFunc(w.text, unicode.IsDigit) {
			return false
		}
		long = long || len([]rune(w.text)) >= 3
	}
	return long
}

func samePhrase(a, b []word) bool {
	for i := range a {
		if a[i].text != b[i].text {
			return false
		}
	}
	return true
}

func phrase(p []word) string {
	s := make([]string, len(p))
	for i, w := range p {
		s[i] = w.text
	}
	return strings.Join(s, " ")
}
