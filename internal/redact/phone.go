package redact

import (
	"regexp"
	"strings"
)

var (
	// numberRE finds digit groups joined by single spaces, dots or dashes,
	// with an optional country code and area code in brackets.
	numberRE = regexp.MustCompile(`(\+\d{1,3}[ .\-]?)?(\(\d{1,5}\)[ .\-]?)?\d{2,5}` +
		`([ .\-–]?\d{2,5}){1,5}`)
	// labelledPhoneRE finds a short number after a phone label.
	labelledPhoneRE = regexp.MustCompile(`(?i)\b(phone|tel|telephone|mobile|cell|mob|ph|` +
		`contact no|contact number)\b\.?\s*(no\.?|number|#)?\s*[:\-]?\s*` +
		`(\+?[\d ().\-]{6,20}\d)`)
	yearRE = regexp.MustCompile(`^(19|20)\d\d$`)
)

// findPhones finds phone numbers: 9 to 15 digits in groups that are not
// all years ("2015 - 2019" is a date range), and shorter numbers after a
// phone label. Other long numbers (a licence or reference number) are
// hidden as phones too, which costs a reviewer little.
func findPhones(text string, _ Known) []Span {
	var out []Span
	for _, m := range numberRE.FindAllStringIndex(text, -1) {
		s := text[m[0]:m[1]]
		if n := len(digits(s)); n < 9 || n > 15 || allYears(s) || !isWordAt(text, m[0], m[1]) {
			continue
		}
		out = append(out, Span{m[0], m[1], "phone"})
	}
	return append(out, spansOf(text, "phone",
		labelledPhoneRE.FindAllStringSubmatchIndex(text, -1), 3)...)
}

// allYears reports whether every digit group of s looks like a year.
func allYears(s string) bool {
	groups := strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	for _, g := range groups {
		if !yearRE.MatchString(g) {
			return false
		}
	}
	return true
}

// digits returns the digits of s.
func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}
