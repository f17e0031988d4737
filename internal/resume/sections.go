package resume

import (
	"strings"
	"unicode"
)

// sectionHeadings maps heading texts, lower case without punctuation, to
// canonical section names. A few French, German and Spanish headings are
// included.
var sectionHeadings = map[string]string{
	"experience": "experience", "work experience": "experience",
	"professional experience": "experience", "work history": "experience",
	"employment history": "experience", "employment": "experience",
	"career history": "experience", "relevant experience": "experience",
	"expérience professionnelle": "experience", "expériences": "experience",
	"berufserfahrung": "experience", "experiencia": "experience",
	"experiencia laboral": "experience",
	"education":           "education", "education and training": "education",
	"academic background": "education", "qualifications": "education",
	"formation": "education", "ausbildung": "education", "educación": "education",
	"skills": "skills", "technical skills": "skills", "key skills": "skills",
	"core competencies": "skills", "competencies": "skills", "skill highlights": "skills",
	"compétences": "skills", "kenntnisse": "skills", "habilidades": "skills",
	"summary": "summary", "professional summary": "summary", "profile": "summary",
	"professional profile": "summary", "career overview": "summary",
	"executive summary": "summary", "objective": "summary", "career objective": "summary",
	"about me": "summary", "profil": "summary", "perfil": "summary",
	"certifications": "certifications", "certificates": "certifications",
	"licenses": "certifications", "certifications and licenses": "certifications",
	"projects": "projects", "personal projects": "projects", "projets": "projects",
	"languages": "languages", "langues": "languages", "sprachen": "languages",
	"interests": "interests", "hobbies": "interests", "awards": "awards",
	"honors": "awards", "accomplishments": "awards", "publications": "publications",
	"references": "references", "highlights": "highlights", "contact": "contact",
	"volunteer experience": "volunteering", "volunteering": "volunteering",
}

// TODO: headings are matched against a fixed list, mostly English; a
// heading worded otherwise, or sharing its line with other text, is missed.
// findSections finds heading lines and makes each section run to the next
// heading.
func findSections(text string) []Section {
	var out []Section
	offset := 0
	for line := range strings.SplitAfterSeq(text, "\n") {
		if name := findSectionName(line); name != "" {
			if n := len(out); n > 0 {
				out[n-1].End = offset
			}
			out = append(out, Section{Name: name, Start: offset, End: len(text)})
		}
		offset += len(line)
	}
	return out
}

// findSectionName returns the canonical section of a heading line, or "".
func findSectionName(line string) string {
	line = strings.TrimSpace(line)
	if line == "" || len(line) > 48 {
		return ""
	}
	key := strings.ToLower(strings.Join(strings.FieldsFunc(line, notHeadingRune), " "))
	key = strings.ReplaceAll(key, " & ", " and ")
	return sectionHeadings[key]
}

// notHeadingRune splits heading text on anything but letters and "&".
func notHeadingRune(r rune) bool {
	return !unicode.IsLetter(r) && r != '&'
}
