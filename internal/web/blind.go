package web

import (
	"shortlist/internal/candidate"
	"shortlist/internal/screening"
	"shortlist/internal/user"
)

// blindView reports whether u must see c redacted: the review is blind and
// nobody has decided on the candidate yet. Admins always see everything.
func (s *Server) blindView(u *user.User, c *candidate.Candidate) bool {
	return u.Role != user.Admin && c.Stage == candidate.StageNew &&
		(c.JobBlind || s.Screening.BlindsAll())
}

// mask hides who a candidate is for a blind review: contact details go, and
// the text, when loaded, is replaced by its redacted form.
func (s *Server) mask(u *user.User, c *candidate.Candidate) bool {
	if !s.blindView(u, c) {
		return false
	}
	if c.Text != "" {
		c.Text = screening.ReviewText(c, true)
		c.Sections = nil
	}
	c.Name, c.Email, c.Phone, c.Links = "", "", "", nil
	c.FileName = "(hidden for blind review)"
	return true
}
