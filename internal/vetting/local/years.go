package local

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"shortlist/internal/vetting"
)

// A date is a month name and year, a numeric month and year, or a bare year.
// A range joins two dates, or a date and "present", with a dash or "to".
// The mangled dash "â€“" of badly decoded PDFs counts as a dash.
const datePattern = `(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?` +
	`\s+\d{4}|\d{1,2}/\d{4}|\d{4})`

var rangePattern = regexp.MustCompile(`(?i)\b(` + datePattern + `)\s*(?:-|–|—|â€“|to|until|till)` +
	`\s*(` + datePattern + `|present|current|now|today|date)\b`)

var monthIndex = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

var educationLine = regexp.MustCompile(`(?i)universit|college|school|degree|bachelor|master|` +
	`diploma|b\.?\s?tech|b\.e\b|b\.sc|\bgpa\b|graduat`)

// Range years outside these bounds are not dates of work.
const (
	firstYear = 1950
	maxSpan   = 50 * 12
)

// interval is a span of months, [from, to).
type interval struct{ from, to int }

// experience estimates the years of work from the dated ranges in text,
// merging overlaps, and returns the ranges as evidence, longest first.
// Ranges on lines that speak of education are skipped.
//
// TODO: a role with a single date ("2019") or dates written as seasons is
// not counted, and a range in an education section on its own line away
// from the school's name is counted as work.
func experience(text string, asOf int) (float64, []vetting.Evidence) {
	var spans []interval
	var evs []vetting.Evidence
	for _, m := range rangePattern.FindAllStringSubmatchIndex(text, -1) {
		from, ok1 := parseMonth(text[m[2]:m[3]], false, asOf)
		to, ok2 := parseMonth(text[m[4]:m[5]], true, asOf)
		if !ok1 || !ok2 || to < from || to-from > maxSpan || onEducationLine(text, m[0]) {
			continue
		}
		spans = append(spans, interval{from, to})
		evs = append(evs, vetting.Evidence{Quote: text[m[0]:m[1]], Start: m[0], End: m[1]})
	}
	sort.SliceStable(evs, func(i, j int) bool { return spanOf(evs[i]) > spanOf(evs[j]) })
	return float64(merged(spans)) / 12, evs
}

// spanOf orders evidence by quote length, a stand-in for the range's length
// that keeps the order deterministic.
func spanOf(e vetting.Evidence) int { return e.End - e.Start }

// merged returns the number of months covered by the intervals.
func merged(spans []interval) int {
	sort.Slice(spans, func(i, j int) bool { return spans[i].from < spans[j].from })
	total, cur := 0, interval{-1, -1}
	for _, s := range spans {
		if s.from > cur.to {
			total += cur.to - cur.from
			cur = s
			continue
		}
		cur.to = max(cur.to, s.to)
	}
	return total + cur.to - cur.from
}

// parseMonth turns a date into a month count (year*12 + month). A bare year
// stands for its middle. end says the date closes a range, where "present"
// means asOf.
func parseMonth(s string, end bool, asOf int) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "present", "current", "now", "today", "date":
		return asOf, end
	}
	year, month := 0, 6
	if i := strings.IndexByte(s, '/'); i > 0 {
		month, _ = strconv.Atoi(s[:i])
		year, _ = strconv.Atoi(s[i+1:])
	} else if f := strings.Fields(strings.NewReplacer(".", " ", ",", " ").Replace(s)); len(f) == 2 {
		month = monthIndex[f[0][:3]]
		year, _ = strconv.Atoi(f[1])
	} else {
		year, _ = strconv.Atoi(s)
	}
	m := year*12 + month
	ok := year >= firstYear && month >= 1 && month <= 12 && m <= asOf+1
	return m, ok
}

// onEducationLine reports whether the line around byte i speaks of
// education.
func onEducationLine(text string, i int) bool {
	start := strings.LastIndexByte(text[:i], '\n') + 1
	end := strings.IndexByte(text[i:], '\n')
	if end < 0 {
		end = len(text) - i
	}
	return educationLine.MatchString(text[start : i+end])
}
