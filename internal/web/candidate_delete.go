package web

import (
	"net/http"
	"strings"

	"shortlist/internal/candidate"
)

// deletionReason reads the reason of a delete form: a common reason picked
// from the list, or the text typed under "other".
func deletionReason(r *http.Request) string {
	reason := strings.TrimSpace(r.PostFormValue("reason"))
	if reason == "" || reason == "other" {
		reason = strings.TrimSpace(r.PostFormValue("reason_other"))
	}
	return reason
}

// candidateDelete soft-deletes a candidate from its page or the list.
func (s *Server) candidateDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "candidate")
	if err != nil {
		return err
	}
	c, err := s.Candidates.Delete(r.Context(), currentUser(r), id, deletionReason(r))
	if err != nil {
		return err
	}
	msg := candidateLabel(c) + " was moved to the trash."
	if isHTMX(r) {
		toast(w, "success", msg)
		w.Header().Set("HX-Redirect", "/candidates")
		return nil
	}
	flash(w, "success", msg)
	http.Redirect(w, r, "/candidates", http.StatusSeeOther)
	return nil
}

func candidateLabel(c *candidate.Candidate) string {
	if c.Name != "" {
		return c.Name
	}
	return "The candidate"
}
