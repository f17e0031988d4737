package web

import (
	"net/http"
	"time"

	"shortlist/internal/candidate"
	"shortlist/internal/screening"
	"shortlist/internal/vetting"
)

// explanationNotice says, in the explanation itself, what the results are
// and are not.
const explanationNotice = "Shortlist's engines score how well a resume matches a job's " +
	"requirements and quote the resume as evidence. They advise; people decide, and a person " +
	"who overrules an engine records why. Quotes are checked against the resume; a claim " +
	"without a quote found in the resume earns nothing. Text hidden in the file is never read."

// apiExplanation is the explanation pack as JSON.
type apiExplanation struct {
	CandidateID int64             `json:"candidate_id"`
	GeneratedAt time.Time         `json:"generated_at"`
	Notice      string            `json:"notice"`
	Vettings    []apiExplained    `json:"vettings"`
	Decisions   []apiDecisionView `json:"decisions"`
}

type apiExplained struct {
	apiVetting
	JobTitle string           `json:"job_title"`
	Criteria []apiRequirement `json:"criteria"`
}

type apiDecisionView struct {
	Stage         candidate.Stage `json:"stage"`
	Reason        string          `json:"reason,omitempty"`
	EngineVerdict vetting.Verdict `json:"engine_verdict,omitempty"`
	Overrules     bool            `json:"overrules_engine"`
	DecidedBy     string          `json:"decided_by"`
	DecidedAt     time.Time       `json:"decided_at"`
}

func toAPIExplanation(e *screening.Explanation) apiExplanation {
	out := apiExplanation{CandidateID: e.CandidateID, GeneratedAt: e.GeneratedAt,
		Notice: explanationNotice, Vettings: []apiExplained{}, Decisions: []apiDecisionView{}}
	for i := range e.Vettings {
		v := &e.Vettings[i]
		x := apiExplained{apiVetting: toAPIVetting(&v.Record), JobTitle: v.JobTitle,
			Criteria: []apiRequirement{}}
		for _, r := range v.Criteria {
			x.Criteria = append(x.Criteria, apiRequirement{Kind: r.Kind, Text: r.Text,
				Weight: r.Weight, Years: r.Years})
		}
		out.Vettings = append(out.Vettings, x)
	}
	for _, d := range e.Decisions {
		out.Decisions = append(out.Decisions, apiDecisionView{Stage: d.Stage, Reason: d.Reason,
			EngineVerdict: d.EngineVerdict, Overrules: d.Overrules, DecidedBy: d.ByEmail,
			DecidedAt: d.At})
	}
	return out
}

func (s *Server) apiExplanation(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "candidate")
	if err != nil {
		return err
	}
	e, err := s.Screening.Explain(r.Context(), currentUser(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toAPIExplanation(e))
	return nil
}

// ExplanationPage is the printable explanation pack.
type ExplanationPage struct {
	Page
	Candidate   *candidate.Candidate
	Explanation *screening.Explanation
	Notice      string
}

func (s *Server) explanationPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "candidate")
	if err != nil {
		return err
	}
	c, err := s.Candidates.Get(r.Context(), currentUser(r), id)
	if err != nil {
		return err
	}
	e, err := s.Screening.Explain(r.Context(), currentUser(r), id)
	if err != nil {
		return err
	}
	p := ExplanationPage{Page: s.newPage(w, r, "Explanation"), Candidate: c, Explanation: e,
		Notice: explanationNotice}
	return s.render(w, http.StatusOK, "explanation", "", p)
}
