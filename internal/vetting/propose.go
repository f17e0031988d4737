package vetting

import (
	"regexp"
	"strconv"
	"strings"

	"shortlist/internal/skill"
)

// section is the part of a job text a line belongs to.
type section int

const (
	secOther section = iota // description, responsibilities, anything else
	secMust                 // required or minimum qualifications
	secNice                 // preferred qualifications, nice to have
)

var (
	mustHeading = regexp.MustCompile(`(?i)^\W*(minimum|basic|required|essential|mandatory)` +
		`\b.*\b(qualifications|requirements|skills)|^\W*(requirements|qualifications|` +
		`must[- ]haves?|what you need|you have|who you are)\W*$`)
	niceHeading = regexp.MustCompile(`(?i)^\W*(preferred|desired|desirable|bonus|nice[- ]to[- ]` +
		`haves?|additional|pluses)\b`)
	otherHeading = regexp.MustCompile(`(?i)^\W*(responsibilities|duties|about|description|` +
		`overview|benefits|what you.ll do|the role|company|location|salary)\b[^.]{0,40}$`)
	yearsPattern = regexp.MustCompile(`(?i)\b(\d{1,2})\s*\+?\s*(?:\(\w+\)\s*)?` +
		`(?:or more\s+)?years?\b`)
	criterionPattern = regexp.MustCompile(`(?i)\b(degree|bachelor'?s?|master'?s?|ph\.?d|` +
		`mba|diploma|certification|certified|licen[cs]e[ds]?|cpa|clearance)\b|\b(BA|BS|MS|MA)\b`)
)

// Limits on what ProposeRequirements returns, so that a long posting does not
// bury the real requirements under every skill it mentions.
const (
	maxMust      = 10
	maxNice      = 10
	maxCriteria  = 4
	criterionLen = 160
)

// ProposeRequirements proposes requirements from a pasted job description:
// skills under a required or minimum qualifications heading are musts, the
// other skills the dictionary finds are nice to have; the largest "N+ years"
// in the text is a years requirement; lines naming a degree, licence or
// certification become criteria. The result is a proposal for a person to
// edit, in the order found.
//
// TODO: headings are recognised in English only, the skills of the duties
// become nice-to-haves rather than musts, and "5 years with Java" yields a
// total-years requirement rather than years with Java.
func ProposeRequirements(jobText string) []Requirement {
	d := skill.Default()
	var must, nice, crit []Requirement
	seen := map[int]bool{}
	company := employer(jobText)
	years, sec := 0, secOther
	for line := range strings.SplitSeq(jobText, "\n") {
		line = strings.TrimSpace(line)
		if h, rest, ok := headingOf(line); ok {
			sec, line = h, rest
			if line == "" {
				continue
			}
		}
		if n := yearsIn(line); n > years && sec != secNice {
			years = n
		}
		if sec != secNice && criterionPattern.MatchString(line) && len(crit) < maxCriteria {
			crit = append(crit, Requirement{Kind: KindCriterion, Text: clip(line)})
		}
		for _, m := range d.Find(line) {
			if seen[m.Skill.ID] || company[strings.ToLower(line[m.Start:m.End])] {
				continue
			}
			seen[m.Skill.ID] = true
			r := Requirement{Kind: KindNice, Text: line[m.Start:m.End]}
			if sec == secMust && len(must) < maxMust {
				r.Kind = KindMust
				must = append(must, r)
			} else if len(nice) < maxNice {
				nice = append(nice, r)
			}
		}
	}
	return number(must, nice, crit, years)
}

var employerLine = regexp.MustCompile(`(?im)^\s*(?:company|employer|organi[sz]ation)\s*:\s*` +
	`(.+?)\s*$`)

// employer returns the lower-cased employer name of a "Company:" line, so
// that the employer is not proposed as a skill ("Google", "Oracle").
func employer(text string) map[string]bool {
	out := map[string]bool{}
	if m := employerLine.FindStringSubmatch(text); m != nil {
		out[strings.ToLower(m[1])] = true
	}
	return out
}

// number joins the proposals and gives them IDs from 1.
func number(must, nice, crit []Requirement, years int) []Requirement {
	out := append(append([]Requirement{}, must...), nice...)
	if years > 0 {
		out = append(out, Requirement{Kind: KindYears, Years: years,
			Text: strconv.Itoa(years) + "+ years of experience"})
	}
	out = append(out, crit...)
	for i := range out {
		out[i].ID = int64(i + 1)
	}
	return out
}

// headingOf reports whether line is a section heading, or starts with one
// followed by a colon ("Minimum qualifications: 5+ years of Go"); it
// returns the section and what follows the heading on the line.
func headingOf(line string) (section, string, bool) {
	if head, rest, found := strings.Cut(line, ":"); found {
		if h, ok := heading(head); ok {
			return h, strings.TrimSpace(rest), true
		}
	}
	if h, ok := heading(line); ok {
		return h, "", true
	}
	return secOther, line, false
}

// heading reports whether line is a section heading, and which.
func heading(line string) (section, bool) {
	if line == "" || len(line) > 80 {
		return secOther, false
	}
	switch {
	case niceHeading.MatchString(line):
		return secNice, true
	case mustHeading.MatchString(line):
		return secMust, true
	case otherHeading.MatchString(line):
		return secOther, true
	}
	return secOther, false
}

// yearsIn returns the number of years of experience a line asks for, or 0.
func yearsIn(line string) int {
	if !strings.Contains(strings.ToLower(line), "experience") {
		return 0
	}
	m := yearsPattern.FindStringSubmatch(line)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// clip shortens a criterion line to a readable length at a word boundary.
func clip(s string) string {
	if len(s) <= criterionLen {
		return s
	}
	cut := strings.LastIndexByte(s[:criterionLen], ' ')
	if cut < criterionLen/2 {
		cut = criterionLen
	}
	return s[:cut] + "…"
}
