package web

import (
	"net/http"
	"slices"
	"strconv"
	"time"

	"shortlist/internal/fault"
	"shortlist/internal/screening"
	"shortlist/internal/vetting"
)

// apiVetting is a vetting as the JSON API shows it.
type apiVetting struct {
	ID            int64                `json:"id"`
	CandidateID   int64                `json:"candidate_id"`
	CandidateName string               `json:"candidate_name"`
	JobID         int64                `json:"job_id"`
	Status        screening.Status     `json:"status"`
	Score         *int                 `json:"score"`
	Verdict       vetting.Verdict      `json:"verdict,omitempty"`
	Summary       string               `json:"summary,omitempty"`
	Requirements  []apiRequirementDone `json:"requirements"`
	Stale         bool                 `json:"stale"`
	Engine        string               `json:"engine"`
	Model         string               `json:"model,omitempty"`
	RubricVersion string               `json:"rubric_version,omitempty"`
	InputHash     string               `json:"input_hash,omitempty"`
	Params        map[string]string    `json:"params,omitempty"`
	RawOutput     string               `json:"raw_output,omitempty"`
	TokensIn      int                  `json:"tokens_in"`
	TokensOut     int                  `json:"tokens_out"`
	DurationMS    int64                `json:"duration_ms"`
	Attempts      int                  `json:"attempts"`
	Error         string               `json:"error,omitempty"`
	RequestedBy   string               `json:"requested_by"`
	RequestedAt   time.Time            `json:"requested_at"`
	FinishedAt    *time.Time           `json:"finished_at,omitempty"`
}

type apiRequirementDone struct {
	Text     string             `json:"requirement"`
	Verdict  vetting.ReqVerdict `json:"verdict"`
	Evidence []apiEvidence      `json:"evidence"`
	Reason   string             `json:"reason,omitempty"`
}

type apiEvidence struct {
	Quote string `json:"quote"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

func toAPIVetting(r *screening.Record) apiVetting {
	out := apiVetting{ID: r.ID, CandidateID: r.CandidateID, CandidateName: r.CandidateName,
		JobID: r.JobID, Status: r.Status, Score: r.Score, Verdict: r.Verdict, Summary: r.Summary,
		Requirements: []apiRequirementDone{}, Stale: r.Stale, Engine: r.Engine, Model: r.Model,
		RubricVersion: r.RubricVersion, InputHash: r.InputHash, Params: r.Params, RawOutput: r.Raw,
		TokensIn: r.TokensIn, TokensOut: r.TokensOut, DurationMS: r.DurationMS, Attempts: r.Attempts,
		Error: r.Error, RequestedBy: r.RequestedByEmail, RequestedAt: r.RequestedAt}
	if !r.FinishedAt.IsZero() {
		out.FinishedAt = &r.FinishedAt
	}
	for _, q := range r.Requirements {
		d := apiRequirementDone{Text: q.Text, Verdict: q.Verdict, Reason: q.Reason,
			Evidence: []apiEvidence{}}
		for _, e := range q.Evidence {
			d.Evidence = append(d.Evidence, apiEvidence{Quote: e.Quote, Start: e.Start, End: e.End})
		}
		out.Requirements = append(out.Requirements, d)
	}
	return out
}

func (s *Server) apiJobVet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "job")
	if err != nil {
		return err
	}
	var in struct {
		CandidateIDs []int64 `json:"candidate_ids"`
		All          bool    `json:"all"`
		StaleOnly    bool    `json:"stale_only"`
		Engine       string  `json:"engine"`
	}
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	ids, err := s.Screening.Request(r.Context(), currentUser(r), id, in.CandidateIDs, in.All,
		in.StaleOnly, in.Engine)
	if err != nil {
		return err
	}
	if ids == nil {
		ids = []int64{}
	}
	writeJSON(w, http.StatusAccepted, map[string]any{"vetting_ids": ids})
	return nil
}

func (s *Server) apiVetting(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "vetting")
	if err != nil {
		return err
	}
	rec, err := s.Screening.Get(r.Context(), currentUser(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toAPIVetting(rec))
	return nil
}

func (s *Server) apiRanking(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "job")
	if err != nil {
		return err
	}
	q, err := rankQuery(r)
	if err != nil {
		return err
	}
	rk, err := s.Screening.Rank(r.Context(), currentUser(r), id, q)
	if err != nil {
		return err
	}
	rows := make([]apiVetting, 0, len(rk.Records))
	for i := range rk.Records {
		rows = append(rows, toAPIVetting(&rk.Records[i]))
	}
	p := rk.Progress
	progress := map[string]int{"queued": p.Queued, "running": p.Running, "done": p.Done,
		"failed": p.Failed}
	writeJSON(w, http.StatusOK, map[string]any{"job_id": id, "ranking": rows,
		"total": rk.Total, "verdicts": rk.Verdicts, "progress": progress})
	return nil
}

// rankVerdict reads the optional verdict a ranking is narrowed to.
func rankVerdict(r *http.Request) (string, error) {
	v := r.URL.Query().Get("verdict")
	if v != "" && !slices.Contains(verdicts, vetting.Verdict(v)) {
		return "", fault.Invalidf("Unknown verdict %q.", v)
	}
	return v, nil
}

// rankQuery reads the optional verdict and limit of a ranking request.
func rankQuery(r *http.Request) (screening.RankQuery, error) {
	var q screening.RankQuery
	var err error
	if q.Verdict, err = rankVerdict(r); err != nil {
		return q, err
	}
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return q, fault.Invalidf("limit must be a whole number of 1 or more.")
		}
		q.Limit = n
	}
	return q, nil
}

func (s *Server) apiVettingCancel(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "vetting")
	if err != nil {
		return err
	}
	if err := s.Screening.Cancel(r.Context(), currentUser(r), id); err != nil {
		return err
	}
	return s.apiVetting(w, r)
}
