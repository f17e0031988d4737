package redact

import (
	"regexp"
	"strings"
)

// date is a date as resumes write it: 12/03/1988, 1988-03-12,
// 12 March 1988, March 12th, 1988, March 1988 or 1988.
const date = `(\d{1,2}[./\-]\d{1,2}[./\-]\d{2,4}|\d{4}[./\-]\d{1,2}[./\-]\d{1,2}|` +
	`\d{1,2}(st|nd|rd|th)?\s+\p{L}{3,}\.?,?\s+\d{4}|\p{L}{3,}\.?\s+\d{1,2}(st|nd|rd|th)?,?` +
	`\s+\d{4}|\p{L}{3,}\s+\d{4}|(19|20)\d\d)`

// TODO: labels are English only ("Né le", "Geburtsdatum", "Staatsangehörigkeit"
// pass), and identity numbers other than a labelled passport number (social
// security, PAN, Aadhaar, national ID) are not hidden unless they look like
// phone numbers.
//
// labelled are details written as "Label: value" or standing alone on a
// line; group g of each match (0 for all of it) is replaced, label and
// value together, up to the end of the line or a separator.
var labelled = []struct {
	kind string
	g    int
	re   *regexp.Regexp
}{
	{"date of birth", 0, regexp.MustCompile(`(?i)\b(date\s+of\s+birth|birth\s*date|` +
		`d\.?\s?o\.?\s?b\.?)\s*[:\-–]?\s*` + date)},
	{"date of birth", 0, regexp.MustCompile(`(?i)\bborn(\s+on|\s+in)?\s+` + date + `\b`)},
	{"date of birth", 0, regexp.MustCompile(`(?i)\b(date\s+of\s+birth|birth\s*date|` +
		`place\s+of\s+birth)\s*[:\-–][^\n|;]*`)},
	{"age", 0, regexp.MustCompile(`(?i)\bage\s*[:\-–]\s*\d{1,2}(\s*(years|yrs)` +
		`(\s+old)?)?\b`)},
	{"gender", 0, regexp.MustCompile(`(?i)\b(gender|sex)\s*[:\-–]\s*[^\s,;|]+`)},
	{"gender", 2, regexp.MustCompile(`(?im)(^|[|•·,;])[\t ]*(male|female|man|woman|` +
		`non-binary)[\t ]*($|[|•·,;])`)},
	{"nationality", 0, regexp.MustCompile(`(?i)\b(nationality|citizenship|citizen\s+of|` +
		`visa(\s+status)?|work\s+(permit|authori[sz]ation)|immigration\s+status|` +
		`residency\s+status|passport(\s+(no\.?|number))?|ethnicity|race|country\s+of\s+` +
		`origin)\s*[:\-–][^\n|;]*`)},
	// An adjective of nationality: listed, or a capitalised word ending as
	// most of them do ("Kenyan", "Chinese", "Pakistani").
	{"nationality", 0, regexp.MustCompile(`\b(US|U\.S\.|USA|UK|EU|Dutch|Swiss|French|` +
		`Irish|Welsh|Scottish|Greek|Thai|\p{Lu}\p{Ll}+(an|ian|ese|ish|i))\s+(citizen(ship)?|` +
		`nationals?|passport\s+holder)\b`)},
	{"nationality", 0, regexp.MustCompile(`\b(H-?1B|H-?4|L-?1|F-?1|TN|O-?1|E-?3|J-?1)\s+` +
		`(visa|holder|status)(\s+(holder|status))?\b`)},
	{"nationality", 0, regexp.MustCompile(`(?i)\b(green\s+card(\s+holder)?|permanent\s+` +
		`resident|blue\s+card(\s+holder)?|requires?\s+(visa\s+)?sponsorship|(visa\s+)?` +
		`sponsorship\s+required|authori[sz]ed\s+to\s+work\s+in\s+(the\s+)?[\p{L}.]+)`)},
	{"marital status", 0, regexp.MustCompile(`(?i)\b(marital|civil)\s+status\s*[:\-–]` +
		`\s*[^\s,;|]+`)},
	{"marital status", 0, regexp.MustCompile(`(?i)\bstatus\s*[:\-–]\s*(single|married|` +
		`unmarried|divorced|widowed|engaged|separated)\b`)},
	{"marital status", 1, regexp.MustCompile(`(?im)^[\t ]*(married|unmarried|single|` +
		`divorced|widowed)[\t ]*$`)},
	{"religion", 0, regexp.MustCompile(`(?i)\b(religion|religious\s+affiliation|faith|` +
		`caste)\s*[:\-–][^\n|;,]*`)},
	{"photo", 0, regexp.MustCompile(`(?i)\[(photo|picture|image|headshot)\]`)},
	{"photo", 1, regexp.MustCompile(`(?im)^[\t ]*((photo|picture|photograph|headshot|` +
		`profile\s+(photo|picture))\b[\t ]*(:[^\n]*)?)$`)},
}

// findLabelled finds the details of labelled.
func findLabelled(text string, _ Known) []Span {
	var out []Span
	for _, l := range labelled {
		for _, s := range spansOf(text, l.kind, l.re.FindAllStringSubmatchIndex(text, -1), l.g) {
			s.Start, s.End = trimSpace(text, s.Start, s.End)
			out = append(out, s)
		}
	}
	return out
}

// trimSpace narrows [start, end) to leave out spaces around it.
func trimSpace(text string, start, end int) (int, int) {
	for start < end && strings.ContainsRune(" \t\r\n", rune(text[start])) {
		start++
	}
	for end > start && strings.ContainsRune(" \t\r\n", rune(text[end-1])) {
		end--
	}
	return start, end
}

var (
	// ageRE finds "34 years old" and "aged 34"; "a 23 year old company" is
	// not a person's age.
	ageRE = regexp.MustCompile(`(?i)\b(\d{1,2}[ \-]*(years|yrs)[ \-]*old|aged\s+\d{1,2})\b`)
	// titleRE finds a title before a capitalised word; "Ms Office" is a
	// product, not a person.
	titleRE = regexp.MustCompile(`\b(Mr|Mrs|Ms|Miss|Mx)\b\.?\s+(\p{Lu})`)
	// pronounRE finds gendered pronouns.
	pronounRE = regexp.MustCompile(`(?i)\b(he|she|him|her|his|hers|himself|herself)\b`)
)

// products are what "MS" or "Ms" stands before when it means Microsoft.
var products = regexp.MustCompile(`(?i)^(Office|Excel|Word|Access|Project|Visio|Power|` +
	`Outlook|Dynamics|SQL|Teams|Windows|Exchange|Paint|Publisher|Azure|DOS|Edge|Share|Asp|` +
	`Dot|Visual|Navision|Money|Works)`)

func findAges(text string, _ Known) []Span {
	return spansOf(text, "age", ageRE.FindAllStringIndex(text, -1), 0)
}

// findTitles finds Mr., Mrs., Ms., Miss and Mx. before a name.
func findTitles(text string, _ Known) []Span {
	var out []Span
	for _, m := range titleRE.FindAllStringSubmatchIndex(text, -1) {
		if products.MatchString(text[m[4]:]) {
			continue
		}
		end := m[3]
		if end < len(text) && text[end] == '.' {
			end++
		}
		out = append(out, Span{m[2], end, "gender"})
	}
	return out
}

func findPronouns(text string, _ Known) []Span {
	return spansOf(text, "pronoun", pronounRE.FindAllStringIndex(text, -1), 0)
}
