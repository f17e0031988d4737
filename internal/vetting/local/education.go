package local

import (
	"regexp"

	"shortlist/internal/vetting"
)

// Education levels, from none to doctorate.
const (
	eduNone = iota
	eduAssociate
	eduBachelor
	eduMaster
	eduDoctorate
)

// degreePatterns find degrees in resumes and requirements, highest first.
// Two-letter abbreviations count only in capitals, as "MS" is also
// "MS Excel"; "BS" and "MS" need "in" or "degree" after them.
var degreePatterns = []struct {
	level int
	re    *regexp.Regexp
}{
	{eduDoctorate, regexp.MustCompile(`(?i)\bph\.?\s?d\b|\bdoctorate\b|\bdoctor of\b`)},
	{eduMaster, regexp.MustCompile(`(?i)\bmaster'?s?\b|\bmba\b|\bm\.\s?s\.?c?\b|\bmsc\b|` +
		`\bm\.?\s?tech\b|\bmca\b|\bm\.a\.`)},
	{eduMaster, regexp.MustCompile(`\b(MS|MA)\s+(in|degree)\b`)},
	{eduBachelor, regexp.MustCompile(`(?i)\bbachelor'?s?\b|\bb\.\s?s\.?c?\b|\bbsc\b|\bb\.a\.|` +
		`\bb\.?\s?tech\b|\bb\.e\b|\bbca\b|\bbba\b|\bb\.?com\b|\bundergraduate degree\b`)},
	{eduBachelor, regexp.MustCompile(`\b(BS|BA|BE)\b(\s+(in|degree)\b|/)`)},
	{eduAssociate, regexp.MustCompile(`(?i)\bassociate'?s? (degree|of)\b|\bdiploma\b|\ba\.a\.s\b`)},
}

// education returns the highest degree named in text and where.
func education(text string) (int, *vetting.Evidence) {
	for _, p := range degreePatterns {
		if loc := p.re.FindStringIndex(text); loc != nil {
			ev := lineAround(text, loc[0], loc[1])
			return p.level, &ev
		}
	}
	return eduNone, nil
}

// requiredEducation returns the lowest degree that a requirement accepts, or
// eduNone when it names none. "A bachelor's or master's degree" asks for a
// bachelor's.
func requiredEducation(text string) int {
	low := eduNone
	for _, p := range degreePatterns {
		if p.re.MatchString(text) {
			low = p.level
		}
	}
	if low == eduNone && degreeWord.MatchString(text) {
		return eduBachelor
	}
	return low
}

var degreeWord = regexp.MustCompile(`(?i)\bdegree\b`)
