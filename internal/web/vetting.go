package web

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"

	"shortlist/internal/candidate"
	"shortlist/internal/fault"
	"shortlist/internal/screening"
	"shortlist/internal/user"
	"shortlist/internal/vetting"
)

// rankingShown is how many results a shortlist page shows; the rest are in
// the API's ranking.
const rankingShown = 200

// RankingPage is the model of a job's shortlist.
type RankingPage struct {
	Page
	Ranking *screening.Ranking
	Rows    []screening.Record
	Hidden  int // rows past rankingShown, left off the page
	Verdict string
	Engines []string
	Default string
	CanVet  bool
}

var verdicts = []vetting.Verdict{vetting.StrongMatch, vetting.GoodMatch, vetting.WeakMatch,
	vetting.NoMatch}

func (s *Server) rankingModel(w http.ResponseWriter, r *http.Request) (*RankingPage, error) {
	id, err := pathID(r, "job")
	if err != nil {
		return nil, err
	}
	verdict, err := rankVerdict(r)
	if err != nil {
		return nil, err
	}
	rk, err := s.Screening.Rank(r.Context(), currentUser(r), id,
		screening.RankQuery{Verdict: verdict, Limit: rankingShown})
	if err != nil {
		return nil, err
	}
	p := &RankingPage{Page: s.newPage(w, r, "Shortlist: "+rk.Job.Title), Ranking: rk,
		Verdict: verdict, Engines: s.Screening.Engines(),
		Default: s.Screening.DefaultEngine(), CanVet: rk.Job.Status == "open",
		Rows: rk.Records, Hidden: rk.Total - len(rk.Records)}
	if (rk.Job.Blind || s.Screening.BlindsAll()) && currentUser(r).Role != user.Admin {
		for i := range p.Rows {
			p.Rows[i].CandidateName = ""
		}
	}
	return p, nil
}

func (s *Server) rankingPage(w http.ResponseWriter, r *http.Request) error {
	p, err := s.rankingModel(w, r)
	if err != nil {
		return err
	}
	if isHTMX(r) && r.Header.Get("HX-Target") == "ranking" {
		return s.render(w, http.StatusOK, "ranking", "ranking", p)
	}
	return s.render(w, http.StatusOK, "ranking", "", p)
}

// jobVet asks for vettings of every candidate of a job (or only those whose
// result is missing or stale) and answers with the refreshed ranking.
func (s *Server) jobVet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "job")
	if err != nil {
		return err
	}
	ids, err := s.Screening.Request(r.Context(), currentUser(r), id, nil, true,
		r.PostFormValue("only") == "stale", r.PostFormValue("engine"))
	if err != nil {
		return err
	}
	msg := fmt.Sprintf("%d vettings queued.", len(ids))
	if len(ids) == 0 {
		msg = "Every candidate already has a current result."
	}
	toast(w, "success", msg)
	p, err := s.rankingModel(w, r)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "ranking", "ranking", p)
}

// candidateVet asks for one candidate's vetting against the chosen job.
func (s *Server) candidateVet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "candidate")
	if err != nil {
		return err
	}
	jobID, err := strconv.ParseInt(r.PostFormValue("job_id"), 10, 64)
	if err != nil || jobID < 1 {
		return fault.Invalidf("Choose a job to vet against.")
	}
	if _, err := s.Screening.Request(r.Context(), currentUser(r), jobID, []int64{id}, false, false,
		r.PostFormValue("engine")); err != nil {
		return err
	}
	flash(w, "success", "The vetting is queued; this page shows it when it is done.")
	http.Redirect(w, r, "/candidates/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return nil
}

// candidateDecide moves a candidate to a stage.
func (s *Server) candidateDecide(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "candidate")
	if err != nil {
		return err
	}
	d, err := s.Screening.Decide(r.Context(), currentUser(r), id,
		candidate.Stage(r.PostFormValue("stage")), r.PostFormValue("reason"))
	if err != nil {
		return err
	}
	flash(w, "success", fmt.Sprintf("The candidate is now %s.", d.Stage))
	http.Redirect(w, r, "/candidates/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return nil
}

// VettingPage is the model of one vetting: each requirement with its
// verdict, and the resume with the quoted evidence marked.
type VettingPage struct {
	Page
	Record    *screening.Record
	Candidate *candidate.Candidate
	Marked    []markedSpan
	IsAdmin   bool
}

// markedSpan is a run of resume text, marked when it is quoted evidence.
type markedSpan struct {
	Text string
	Mark bool
}

func (s *Server) vettingPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "vetting")
	if err != nil {
		return err
	}
	u := currentUser(r)
	rec, err := s.Screening.Get(r.Context(), u, id)
	if err != nil {
		return err
	}
	c, err := s.Candidates.Get(r.Context(), u, rec.CandidateID)
	if err != nil {
		return err
	}
	recBlind := rec.Params["blind"] == "true"
	marked := markEvidence(screening.EngineText(c, recBlind), rec.Requirements)
	if s.mask(u, c) {
		rec.CandidateName = ""
		if !recBlind {
			// The evidence points into unredacted text; show the redacted
			// text unmarked rather than reveal who the candidate is.
			marked = []markedSpan{{Text: c.Text}}
		}
	}
	p := VettingPage{Page: s.newPage(w, r, "Vetting"), Record: rec, Candidate: c,
		Marked: marked, IsAdmin: u.Role == user.Admin}
	return s.render(w, http.StatusOK, "vetting", "", p)
}

// markEvidence cuts text into runs, marking the quoted evidence spans.
func markEvidence(text string, reqs []vetting.RequirementResult) []markedSpan {
	type span struct{ start, end int }
	var spans []span
	for _, rq := range reqs {
		for _, e := range rq.Evidence {
			if e.Start >= 0 && e.End <= len(text) && e.Start < e.End {
				spans = append(spans, span{e.Start, e.End})
			}
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var out []markedSpan
	pos := 0
	for _, sp := range spans {
		if sp.end <= pos {
			continue
		}
		start := max(sp.start, pos)
		if start > pos {
			out = append(out, markedSpan{Text: text[pos:start]})
		}
		out = append(out, markedSpan{Text: text[start:sp.end], Mark: true})
		pos = sp.end
	}
	return append(out, markedSpan{Text: text[pos:]})
}

// candidateVettings answers the candidate page's polling with its list of
// vettings, which keeps polling while any is under way.
func (s *Server) candidateVettings(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "candidate")
	if err != nil {
		return err
	}
	c, err := s.Candidates.Get(r.Context(), currentUser(r), id)
	if err != nil {
		return err
	}
	rs, err := s.Screening.VettingsOf(r.Context(), currentUser(r), c)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "candidate", "vettings",
		CandidatePage{Candidate: c, Vettings: rs})
}

// vettingCancel cancels a vetting from its page.
func (s *Server) vettingCancel(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "vetting")
	if err != nil {
		return err
	}
	if err := s.Screening.Cancel(r.Context(), currentUser(r), id); err != nil {
		return err
	}
	flash(w, "success", "The vetting was cancelled.")
	http.Redirect(w, r, fmt.Sprintf("/vettings/%d", id), http.StatusSeeOther)
	return nil
}
