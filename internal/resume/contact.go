package resume

import (
	"regexp"
	"strings"
	"unicode"
)

var (
	emailRE = regexp.MustCompile(`(?i)\b[a-z0-9][a-z0-9._%+-]{0,63}@` +
		`[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}\b`)
	phoneRE = regexp.MustCompile(`(?:\+|\b00)?\(?\d[\d\s().\-/]{6,20}\d\b`)
	linkRE  = regexp.MustCompile(`(?i)\b(?:https?://|www\.|(?:[a-z]{2,3}\.)?linkedin\.com/|` +
		`github\.com/|gitlab\.com/)[^\s<>"'()|,;]+`)
	yearsRE = regexp.MustCompile(`^(?:19|20)\d\d\s*[-–/]\s*(?:19|20)\d\d$` +
		`|^\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d$`)
)

// findContact picks out the email, phone, links and name, best effort.
func findContact(text string) Contact {
	c := Contact{Email: emailRE.FindString(text)}
	c.Phone = findPhone(text)
	seen := map[string]bool{}
	for _, l := range linkRE.FindAllString(text, 20) {
		l = strings.TrimRight(l, ".:")
		if key := strings.ToLower(l); !seen[key] && !strings.Contains(l, "@") {
			seen[key] = true
			c.Links = append(c.Links, l)
		}
	}
	c.Name = findName(text)
	return c
}

// TODO: the first digit run of phone length wins, so an identifier of 8 to
// 15 digits before the real number is taken for it.
// findPhone returns the first run of 8 to 15 digits, written the way phone
// numbers are, that is not a date range or a date.
func findPhone(text string) string {
	for _, m := range phoneRE.FindAllString(text, 50) {
		m = strings.TrimSpace(m)
		digits := strings.Count(m, "") - 1 - len(strings.Map(dropDigits, m))
		if digits < 8 || digits > 15 || yearsRE.MatchString(m) || strings.Contains(m, "\n") {
			continue
		}
		return m
	}
	return ""
}

// dropDigits is a strings.Map function removing ASCII digits.
func dropDigits(r rune) rune {
	if r >= '0' && r <= '9' {
		return -1
	}
	return r
}

// nameStop lists words that mark a line as a title or heading, not a name.
var nameStop = map[string]bool{
	"resume": true, "curriculum": true, "vitae": true, "cv": true, "profile": true,
	"summary": true, "manager": true, "engineer": true, "developer": true,
	"assistant": true, "analyst": true, "consultant": true, "director": true,
	"specialist": true, "officer": true, "designer": true, "teacher": true,
	"accountant": true, "administrator": true, "coordinator": true, "executive": true,
	"contact": true, "address": true, "phone": true, "email": true, "objective": true,
	"senior": true, "junior": true, "intern": true, "nurse": true, "chef": true,
	"representative": true, "associate": true, "supervisor": true, "technician": true,
	"details": true, "education": true, "experience": true, "skills": true,
}

// TODO: names are found by shape only; a two-word heading or a job title
// missing from nameStop can be taken for a name, and names written in
// lower case or in non-Latin scripts without case are missed.
// findName returns the first line among the first ten that reads like a
// person's name: two to four capitalised words of letters.
func findName(text string) string {
	lines := strings.SplitN(text, "\n", 12)
	for _, line := range lines[:min(len(lines), 10)] {
		line = unspace(strings.TrimSpace(line))
		if isName(line) {
			return line
		}
	}
	return ""
}

// isName reports whether line looks like a person's name.
func isName(line string) bool {
	words := strings.Fields(line)
	if len(words) < 2 || len(words) > 4 || findSectionName(line) != "" {
		return false
	}
	for _, w := range words {
		first := []rune(w)[0]
		if !unicode.IsUpper(first) || nameStop[strings.ToLower(w)] {
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && !strings.ContainsRune(".-'’", r) {
				return false
			}
		}
	}
	return true
}

// unspace joins a letter-spaced line ("J A N E  D O E") when every word
// is a single letter; word breaks are lost unless marked by double spaces.
func unspace(line string) string {
	words := strings.Fields(line)
	if len(words) < 4 {
		return line
	}
	for _, w := range words {
		if len([]rune(w)) > 2 {
			return line
		}
	}
	parts := strings.Split(line, "  ")
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(strings.TrimSpace(p), " ", "")
	}
	return strings.Join(parts, " ")
}
