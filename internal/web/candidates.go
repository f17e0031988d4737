package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"shortlist/internal/candidate"
	"shortlist/internal/fault"
	"shortlist/internal/job"
	"shortlist/internal/screening"
	"shortlist/internal/user"
)

// filterFromQuery reads a candidate list filter from URL parameters, shared
// by the page and the API.
func filterFromQuery(q url.Values) (candidate.Filter, error) {
	f := candidate.Filter{Query: q.Get("q"), Stage: candidate.Stage(q.Get("stage")),
		Sort: q.Get("sort"), Deleted: q.Get("deleted") == "true"}
	ints := []struct {
		name string
		dst  *int
	}{{"page", &f.Page}, {"per_page", &f.PerPage}, {"min_score", &f.MinScore}, {"max_score", &f.MaxScore}}
	for _, p := range ints {
		if v := q.Get(p.name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return f, fault.Invalidf("%s must be a whole number of 0 or more.", p.name)
			}
			*p.dst = n
		}
	}
	ids := []struct {
		name string
		dst  *int64
	}{{"job_id", &f.JobID}, {"uploaded_by", &f.UploadedBy}}
	for _, p := range ids {
		if v := q.Get(p.name); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return f, fault.Invalidf("%s must be a number.", p.name)
			}
			*p.dst = n
		}
	}
	dates := []struct {
		name string
		dst  *time.Time
		add  int
	}{{"from", &f.From, 0}, {"to", &f.To, 1}}
	for _, p := range dates {
		if v := q.Get(p.name); v != "" {
			d, err := time.Parse(time.DateOnly, v)
			if err != nil {
				return f, fault.Invalidf("%s must be a date such as 2026-01-31.", p.name)
			}
			*p.dst = d.AddDate(0, 0, p.add)
		}
	}
	return f, nil
}

// CandidatesPage is the model of the candidate list.
type CandidatesPage struct {
	Page
	Filter  candidate.Filter
	Result  candidate.Page
	Jobs    []job.Job
	Stages  []candidate.Stage
	Query   url.Values // the filter as given, for pagination links
	PrevURL string
	NextURL string
}

func (s *Server) candidatesPage(w http.ResponseWriter, r *http.Request) error {
	f, err := filterFromQuery(r.URL.Query())
	if err != nil {
		return err
	}
	f.Deleted = false
	res, err := s.Candidates.List(r.Context(), currentUser(r), f)
	if err != nil {
		return err
	}
	for i := range res.Candidates {
		s.mask(currentUser(r), &res.Candidates[i])
	}
	jobs, err := s.Jobs.List(r.Context(), currentUser(r), "")
	if err != nil {
		return err
	}
	p := CandidatesPage{Page: s.newPage(w, r, "Candidates"), Filter: f, Result: res, Jobs: jobs,
		Stages: candidate.Stages, Query: r.URL.Query()}
	p.PrevURL, p.NextURL = pageLinks("/candidates", r.URL.Query(), res)
	if isHTMX(r) && r.Header.Get("HX-Target") == "candidate-results" {
		return s.render(w, http.StatusOK, "candidates", "candidate-results", p)
	}
	return s.render(w, http.StatusOK, "candidates", "", p)
}

// pageLinks returns the URLs of the previous and next pages, or "".
func pageLinks(path string, q url.Values, p candidate.Page) (prev, next string) {
	link := func(n int) string {
		v := url.Values{}
		for k, vals := range q {
			v[k] = vals
		}
		v.Set("page", strconv.Itoa(n))
		return path + "?" + v.Encode()
	}
	if p.Page > 1 {
		prev = link(p.Page - 1)
	}
	if p.HasNext() {
		next = link(p.Page + 1)
	}
	return prev, next
}

// CandidatePage is the model of one candidate's page.
type CandidatePage struct {
	Page
	Candidate  *candidate.Candidate
	Jobs       []job.Job
	History    []historyItem
	Duplicates []candidate.Candidate
	Reasons    []string
	Segments   []textSegment
	IsAdmin    bool
	Vettings   []screening.Record
	Engines    []string
	Default    string
	Stages     []candidate.Stage
	Blind      bool // shown redacted until someone decides
}

type historyItem struct {
	At     time.Time
	Who    string
	Action string
	Detail string
}

// textSegment is a run of resume text, marked when it is a section heading.
type textSegment struct {
	Text    string
	Section string
}

func (s *Server) candidatePage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "candidate")
	if err != nil {
		return err
	}
	u := currentUser(r)
	c, err := s.Candidates.Get(r.Context(), u, id)
	if err != nil {
		return err
	}
	// Read everything that needs the candidate's own details before masking.
	vettings, err := s.Screening.VettingsOf(r.Context(), u, c)
	if err != nil {
		return err
	}
	events, err := s.Candidates.HistoryOf(r.Context(), c)
	if err != nil {
		return err
	}
	var dups []candidate.Candidate
	if !c.Deleted && !s.blindView(u, c) {
		if dups, err = s.Candidates.DuplicatesOf(r.Context(), c); err != nil {
			return err
		}
	}
	blind := s.mask(u, c)
	title := c.Name
	if title == "" {
		title = fmt.Sprintf("Candidate #%d", c.ID)
	}
	p := CandidatePage{Page: s.newPage(w, r, title), Candidate: c, Reasons: candidate.CommonReasons,
		IsAdmin: u.Role == user.Admin, Segments: segments(c), Engines: s.Screening.Engines(),
		Default: s.Screening.DefaultEngine(), Stages: candidate.Stages, Blind: blind,
		Vettings: vettings, Duplicates: dups}
	if p.Jobs, err = s.Jobs.List(r.Context(), u, job.Open); err != nil {
		return err
	}
	for _, e := range events {
		p.History = append(p.History, historyItem{At: e.At,
			Who: e.Actor.Email + " (" + e.Actor.Role + ")", Action: string(e.Action), Detail: e.Detail})
	}
	return s.render(w, http.StatusOK, "candidate", "", p)
}

// segments cuts the resume text at its section headings.
func segments(c *candidate.Candidate) []textSegment {
	var out []textSegment
	pos := 0
	for _, sec := range c.Sections {
		if sec.Start < pos || sec.Start > len(c.Text) {
			continue
		}
		if sec.Start > pos {
			out = append(out, textSegment{Text: c.Text[pos:sec.Start]})
		}
		end := strings.IndexByte(c.Text[sec.Start:], '\n')
		if end < 0 {
			end = len(c.Text) - sec.Start
		}
		out = append(out, textSegment{Text: c.Text[sec.Start : sec.Start+end], Section: sec.Name})
		pos = sec.Start + end
	}
	return append(out, textSegment{Text: c.Text[pos:]})
}

func (s *Server) candidateResume(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "candidate")
	if err != nil {
		return err
	}
	c, err := s.Candidates.Get(r.Context(), currentUser(r), id)
	if err != nil {
		return err
	}
	if s.blindView(currentUser(r), c) {
		return fault.Forbiddenf("This is a blind review: the original file can be opened once " +
			"someone has decided on the candidate.")
	}
	f, err := s.Candidates.File(r.Context(), currentUser(r), id)
	if err != nil {
		return err
	}
	ct := map[string]string{"pdf": "application/pdf", "txt": "text/plain; charset=utf-8",
		"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}[string(f.Kind)]
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", `attachment; filename="`+downloadName(f.Name)+`"`)
	w.Header().Set("Content-Length", strconv.Itoa(len(f.Data)))
	_, err = w.Write(f.Data)
	return err
}

// downloadName keeps the last part of a stored name (an entry of a zip is
// stored as archive.zip/entry) and leaves out quotes and control characters.
func downloadName(name string) string {
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == '"' || r == '\\' || r == 0x7f {
			return '_'
		}
		return r
	}, name)
}

func (s *Server) candidateUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "candidate")
	if err != nil {
		return err
	}
	jobID, _ := strconv.ParseInt(r.PostFormValue("job_id"), 10, 64)
	_, err = s.Candidates.Update(r.Context(), currentUser(r), id, candidate.Edit{
		JobID: jobID, Name: r.PostFormValue("name"), Email: r.PostFormValue("email"),
		Phone: r.PostFormValue("phone"),
	})
	if err != nil {
		return err
	}
	flash(w, "success", "The candidate was saved.")
	http.Redirect(w, r, "/candidates/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return nil
}

func (s *Server) candidateMerge(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "candidate")
	if err != nil {
		return err
	}
	dup, err := strconv.ParseInt(r.PostFormValue("duplicate_id"), 10, 64)
	if err != nil {
		return fault.Invalidf("Choose the duplicate to merge.")
	}
	if _, err := s.Candidates.Merge(r.Context(), currentUser(r), id, dup); err != nil {
		return err
	}
	flash(w, "success", "The duplicate was merged into this candidate and moved to the trash.")
	http.Redirect(w, r, "/candidates/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return nil
}
