package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"shortlist/internal/fault"
	"shortlist/internal/job"
	"shortlist/internal/user"
	"shortlist/internal/vetting"
)

// JobsPage is the model of the jobs list.
type JobsPage struct {
	Page
	Jobs    []job.Job
	Status  job.Status
	CanEdit bool
}

func (s *Server) jobsPage(w http.ResponseWriter, r *http.Request) error {
	u := currentUser(r)
	st := job.Status(r.URL.Query().Get("status"))
	if st != job.Open && st != job.Closed {
		st = ""
	}
	js, err := s.Jobs.List(r.Context(), u, st)
	if err != nil {
		return err
	}
	p := JobsPage{Page: s.newPage(w, r, "Jobs"), Jobs: js, Status: st,
		CanEdit: u.Role.AtLeast(user.Manager)}
	return s.render(w, http.StatusOK, "jobs", "", p)
}

// JobPage is the model of one job's page.
type JobPage struct {
	Page
	Job     *job.Job
	CanEdit bool
}

func pathID(r *http.Request, what string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return 0, fault.NotFoundf("No such %s.", what)
	}
	return id, nil
}

func (s *Server) jobPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "job")
	if err != nil {
		return err
	}
	j, err := s.Jobs.Get(r.Context(), currentUser(r), id)
	if err != nil {
		return err
	}
	p := JobPage{Page: s.newPage(w, r, j.Title), Job: j,
		CanEdit: currentUser(r).Role.AtLeast(user.Manager)}
	return s.render(w, http.StatusOK, "job", "", p)
}

// JobFormPage is the model of the job editor.
type JobFormPage struct {
	Page
	JobID int64 // 0 for a new job
	Draft job.Draft
	Kinds []vetting.RequirementKind
	Error string
}

var requirementKinds = []vetting.RequirementKind{vetting.KindMust, vetting.KindNice,
	vetting.KindYears, vetting.KindCriterion}

func (s *Server) jobNewForm(w http.ResponseWriter, r *http.Request) error {
	p := JobFormPage{Page: s.newPage(w, r, "New job"), Kinds: requirementKinds}
	return s.render(w, http.StatusOK, "job_form", "", p)
}

func (s *Server) jobEditForm(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "job")
	if err != nil {
		return err
	}
	j, err := s.Jobs.Get(r.Context(), currentUser(r), id)
	if err != nil {
		return err
	}
	p := JobFormPage{Page: s.newPage(w, r, "Edit "+j.Title), JobID: j.ID, Kinds: requirementKinds,
		Draft: job.Draft{Title: j.Title, Description: j.Description, Location: j.Location,
			Blind: j.Blind, Requirements: j.Requirements}}
	return s.render(w, http.StatusOK, "job_form", "", p)
}

// draftFromForm reads a job form; requirement rows arrive as parallel
// req_kind, req_text, req_weight and req_years fields.
func draftFromForm(r *http.Request) (job.Draft, error) {
	if err := r.ParseForm(); err != nil {
		return job.Draft{}, fault.Invalidf("The form could not be read.")
	}
	d := job.Draft{Title: r.PostFormValue("title"), Description: r.PostFormValue("description"),
		Location: r.PostFormValue("location"), Blind: r.PostFormValue("blind") == "on"}
	kinds, texts := r.PostForm["req_kind"], r.PostForm["req_text"]
	weights, years := r.PostForm["req_weight"], r.PostForm["req_years"]
	if len(texts) != len(kinds) || len(weights) != len(kinds) || len(years) != len(kinds) {
		return d, fault.Invalidf("The requirements in the form are incomplete.")
	}
	for i := range kinds {
		req := vetting.Requirement{Kind: vetting.RequirementKind(kinds[i]), Text: texts[i]}
		var err error
		if req.Weight, err = parseFloat(weights[i], 1); err != nil {
			return d, fault.Invalidf("Requirement %d: the weight must be a number.", i+1)
		}
		if req.Years, err = parseInt(years[i]); err != nil {
			return d, fault.Invalidf("Requirement %d: years must be a whole number.", i+1)
		}
		d.Requirements = append(d.Requirements, req)
	}
	return d, nil
}

func parseFloat(s string, def float64) (float64, error) {
	if strings.TrimSpace(s) == "" {
		return def, nil
	}
	return strconv.ParseFloat(strings.TrimSpace(s), 64)
}

func parseInt(s string) (int, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	return strconv.Atoi(strings.TrimSpace(s))
}

func (s *Server) jobSave(w http.ResponseWriter, r *http.Request) error {
	d, err := draftFromForm(r)
	if err != nil {
		return err
	}
	var id int64
	if r.PathValue("id") != "" {
		if id, err = pathID(r, "job"); err != nil {
			return err
		}
	}
	var j *job.Job
	msg := "The job was created."
	if id == 0 {
		j, err = s.Jobs.Create(r.Context(), currentUser(r), d)
	} else {
		var changed bool
		j, changed, err = s.Jobs.Update(r.Context(), currentUser(r), id, d)
		msg = "The job was saved."
		if changed {
			msg += " Its requirements changed, so earlier vettings are marked stale."
		}
	}
	if fault.KindOf(err) == fault.Invalid {
		p := JobFormPage{Page: s.newPage(w, r, "Job"), JobID: id, Draft: d, Kinds: requirementKinds,
			Error: fault.Message(err)}
		return s.render(w, http.StatusUnprocessableEntity, "job_form", "", p)
	}
	if err != nil {
		return err
	}
	flash(w, "success", msg)
	http.Redirect(w, r, fmt.Sprintf("/jobs/%d", j.ID), http.StatusSeeOther)
	return nil
}

func (s *Server) jobSetStatus(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "job")
	if err != nil {
		return err
	}
	j, err := s.Jobs.SetStatus(r.Context(), currentUser(r), id, job.Status(r.PostFormValue("status")))
	if err != nil {
		return err
	}
	flash(w, "success", fmt.Sprintf("The job %q is %s.", j.Title, j.Status))
	http.Redirect(w, r, fmt.Sprintf("/jobs/%d", j.ID), http.StatusSeeOther)
	return nil
}

// RequirementRows is the model of the requirement rows of the job editor.
type RequirementRows struct {
	Requirements []vetting.Requirement
	Kinds        []vetting.RequirementKind
}

// jobPropose answers the editor's "Propose from description" with rows of
// requirements found in the pasted description.
func (s *Server) jobPropose(w http.ResponseWriter, r *http.Request) error {
	reqs, err := s.Jobs.Propose(currentUser(r), r.PostFormValue("description"))
	if err != nil {
		return err
	}
	msg := fmt.Sprintf("%d requirements proposed; edit them before saving.", len(reqs))
	if len(reqs) == 0 {
		msg = "No requirements were found in the description; add them by hand."
	}
	toast(w, "info", msg)
	return s.render(w, http.StatusOK, "job_form", "requirement-rows",
		RequirementRows{Requirements: reqs, Kinds: requirementKinds})
}

// jobRequirementRow answers "Add requirement" with one empty row.
func (s *Server) jobRequirementRow(w http.ResponseWriter, r *http.Request) error {
	rows := RequirementRows{Requirements: []vetting.Requirement{{Kind: vetting.KindMust, Weight: 1}},
		Kinds: requirementKinds}
	return s.render(w, http.StatusOK, "job_form", "requirement-rows", rows)
}
