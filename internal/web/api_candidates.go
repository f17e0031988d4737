package web

import (
	"net/http"
	"time"

	"shortlist/internal/candidate"
	"shortlist/internal/resume"
)

// apiCandidate is a candidate as the JSON API shows it. Text, hidden text
// and the quality report appear only on single-candidate answers.
type apiCandidate struct {
	ID          int64            `json:"id"`
	JobID       int64            `json:"job_id,omitempty"`
	JobTitle    string           `json:"job_title,omitempty"`
	Name        string           `json:"name"`
	Email       string           `json:"email"`
	Phone       string           `json:"phone"`
	Links       []string         `json:"links,omitempty"`
	Stage       candidate.Stage  `json:"stage"`
	Score       *int             `json:"score"`
	NeedsReview bool             `json:"needs_review"`
	Flags       []string         `json:"flags"`
	FileName    string           `json:"file_name"`
	FileKind    resume.Kind      `json:"file_kind"`
	FileSize    int64            `json:"file_size"`
	UploadedBy  string           `json:"uploaded_by"`
	CreatedAt   time.Time        `json:"created_at"`
	Deleted     *apiDeletion     `json:"deleted,omitempty"`
	Text        string           `json:"text,omitempty"`
	Hidden      []resume.Hidden  `json:"hidden_text,omitempty"`
	Quality     *resume.Quality  `json:"quality,omitempty"`
	Sections    []resume.Section `json:"sections,omitempty"`
}

type apiDeletion struct {
	At        time.Time `json:"at"`
	By        string    `json:"by"`
	Reason    string    `json:"reason"`
	LegalHold bool      `json:"legal_hold"`
}

func toAPICandidate(c *candidate.Candidate, full bool) apiCandidate {
	out := apiCandidate{ID: c.ID, JobID: c.JobID, JobTitle: c.JobTitle, Name: c.Name, Email: c.Email,
		Phone: c.Phone, Links: c.Links, Stage: c.Stage, Score: c.Score, NeedsReview: c.NeedsReview,
		Flags: nonNilStrings(c.Flags), FileName: c.FileName, FileKind: c.FileKind, FileSize: c.FileSize,
		UploadedBy: c.UploadedByEmail, CreatedAt: c.CreatedAt}
	if c.Deleted {
		out.Deleted = &apiDeletion{At: c.DeletedAt, By: c.DeletedBy, Reason: c.Reason,
			LegalHold: c.LegalHold}
	}
	if full {
		out.Text, out.Hidden, out.Quality, out.Sections = c.Text, c.Hidden, &c.Quality, c.Sections
	}
	return out
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (s *Server) apiCandidates(w http.ResponseWriter, r *http.Request) error {
	f, err := filterFromQuery(r.URL.Query())
	if err != nil {
		return err
	}
	p, err := s.Candidates.List(r.Context(), currentUser(r), f)
	if err != nil {
		return err
	}
	out := make([]apiCandidate, 0, len(p.Candidates))
	for i := range p.Candidates {
		s.mask(currentUser(r), &p.Candidates[i])
		out = append(out, toAPICandidate(&p.Candidates[i], false))
	}
	var total *int
	if p.Counted {
		total = &p.Total
	}
	writeJSON(w, http.StatusOK, map[string]any{"candidates": out, "total": total,
		"more": p.More, "page": p.Page, "per_page": p.PerPage})
	return nil
}

func (s *Server) apiCandidate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "candidate")
	if err != nil {
		return err
	}
	c, err := s.Candidates.Get(r.Context(), currentUser(r), id)
	if err != nil {
		return err
	}
	s.mask(currentUser(r), c)
	writeJSON(w, http.StatusOK, toAPICandidate(c, true))
	return nil
}

func (s *Server) apiCandidateDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "candidate")
	if err != nil {
		return err
	}
	var in struct {
		Reason string `json:"reason"`
	}
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	c, err := s.Candidates.Delete(r.Context(), currentUser(r), id, in.Reason)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toAPICandidate(c, false))
	return nil
}

func (s *Server) apiCandidateRestore(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "candidate")
	if err != nil {
		return err
	}
	if err := s.Candidates.Restore(r.Context(), currentUser(r), id); err != nil {
		return err
	}
	c, err := s.Candidates.Get(r.Context(), currentUser(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toAPICandidate(c, false))
	return nil
}

func (s *Server) apiCandidatePurge(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "candidate")
	if err != nil {
		return err
	}
	rec, err := s.Candidates.Purge(r.Context(), currentUser(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, rec)
	return nil
}
