package redact

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	emailRE = regexp.MustCompile(`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}`)
	// urlRE finds web addresses, and the usual profile sites without a scheme.
	urlRE = regexp.MustCompile(`(?i)\b(https?://|www\.)[^\s<>"]+|\b(linkedin\.com|github\.com|` +
		`gitlab\.com|bitbucket\.org|twitter\.com|x\.com|facebook\.com|instagram\.com|` +
		`behance\.net|dribbble\.com|medium\.com|stackoverflow\.com|kaggle\.com|` +
		`about\.me)/[^\s<>"]*`)
	// handleRE finds a profile handle after the site's name: "GitHub: jdoe".
	handleRE = regexp.MustCompile(`(?i)\b(linkedin|github|gitlab|twitter|instagram|behance|` +
		`dribbble|medium|kaggle|skype|telegram)\s*[:\-–]\s*(@?[\p{L}\p{N}_.-]{2,})`)
	// atHandleRE finds a social handle such as "@jdoe" that is not an email.
	atHandleRE = regexp.MustCompile(`(^|[\s(])(@[A-Za-z0-9_]{2,30})\b`)
)

func findEmails(text string, _ Known) []Span {
	return spansOf(text, "email", emailRE.FindAllStringIndex(text, -1), 0)
}

// findLinks finds web addresses and profile handles. Punctuation that
// ends a sentence is left out of an address.
func findLinks(text string, _ Known) []Span {
	var out []Span
	for _, m := range urlRE.FindAllStringIndex(text, -1) {
		end := m[0] + len(strings.TrimRight(text[m[0]:m[1]], ".,;:!?)]}'\""))
		out = append(out, Span{m[0], end, "link"})
	}
	out = append(out, spansOf(text, "link", handleRE.FindAllStringSubmatchIndex(text, -1), 2)...)
	return append(out, spansOf(text, "link", atHandleRE.FindAllStringSubmatchIndex(text, -1),
		2)...)
}

// findKnownContact finds the email, phone and links the reader found,
// wherever and however they are written.
func findKnownContact(text string, k Known) []Span {
	var out []Span
	for _, l := range append([]string{k.Email}, k.Links...) {
		l = strings.TrimSpace(l)
		if len(l) < 4 {
			continue
		}
		re := regexp.MustCompile(`(?i)` + regexp.QuoteMeta(l))
		kind := "link"
		if l == strings.TrimSpace(k.Email) {
			kind = "email"
		}
		out = append(out, spansOf(text, kind, re.FindAllStringIndex(text, -1), 0)...)
	}
	if d := digits(k.Phone); len(d) >= 7 {
		for _, m := range numberRE.FindAllStringIndex(text, -1) {
			if got := digits(text[m[0]:m[1]]); len(got) >= 7 &&
				(strings.HasSuffix(d, got) || strings.HasSuffix(got, d)) {
				out = append(out, Span{m[0], m[1], "phone"})
			}
		}
	}
	return out
}

// isWordAt reports whether text[start:end] is not glued to letters or
// digits on either side.
func isWordAt(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
