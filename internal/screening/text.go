package screening

import (
	"shortlist/internal/candidate"
	"shortlist/internal/redact"
	"shortlist/internal/shield"
)

// EngineText is the resume text an engine reads, and the text a vetting's
// evidence offsets point into: the visible text only (hidden text never
// gets this far), with personal details redacted for a blind review, and
// with every passage addressed to a model replaced by a marker so that no
// engine can be steered by it.
func EngineText(c *candidate.Candidate, blind bool) string {
	if !blind && c.EngineText != "" {
		return c.EngineText // kept at upload, where the same scan ran
	}
	text := c.Text
	if blind {
		text, _ = redact.Redact(text, redact.Known{Name: c.Name, Email: c.Email, Phone: c.Phone,
			Links: c.Links})
	}
	return shield.Neutralize(text, shield.Scan(text))
}

// ReviewText is what a reviewer sees of a resume: redacted while a blind
// review is undecided, else the visible text as read.
func ReviewText(c *candidate.Candidate, blind bool) string {
	if blind && c.Stage == candidate.StageNew {
		text, _ := redact.Redact(c.Text, redact.Known{Name: c.Name, Email: c.Email, Phone: c.Phone,
			Links: c.Links})
		return text
	}
	return c.Text
}
