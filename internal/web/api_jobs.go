package web

import (
	"net/http"
	"time"

	"shortlist/internal/job"
	"shortlist/internal/vetting"
)

// apiJob is a job as the JSON API shows it.
type apiJob struct {
	ID           int64            `json:"id"`
	Title        string           `json:"title"`
	Description  string           `json:"description"`
	Location     string           `json:"location"`
	Status       job.Status       `json:"status"`
	Blind        bool             `json:"blind"`
	Requirements []apiRequirement `json:"requirements"`
	CreatedAt    time.Time        `json:"created_at"`
	UpdatedAt    time.Time        `json:"updated_at"`
}

type apiRequirement struct {
	ID     int64                   `json:"id,omitempty"`
	Kind   vetting.RequirementKind `json:"kind"`
	Text   string                  `json:"text"`
	Weight float64                 `json:"weight"`
	Years  int                     `json:"years,omitempty"`
}

func toAPIJob(j *job.Job) apiJob {
	out := apiJob{ID: j.ID, Title: j.Title, Description: j.Description, Location: j.Location,
		Status: j.Status, Blind: j.Blind, Requirements: []apiRequirement{}, CreatedAt: j.CreatedAt,
		UpdatedAt: j.UpdatedAt}
	for _, r := range j.Requirements {
		out.Requirements = append(out.Requirements, apiRequirement{ID: r.ID, Kind: r.Kind,
			Text: r.Text, Weight: r.Weight, Years: r.Years})
	}
	return out
}

func fromAPIRequirements(in []apiRequirement) []vetting.Requirement {
	out := make([]vetting.Requirement, 0, len(in))
	for _, r := range in {
		out = append(out, vetting.Requirement{Kind: r.Kind, Text: r.Text, Weight: r.Weight,
			Years: r.Years})
	}
	return out
}

func (s *Server) apiJobs(w http.ResponseWriter, r *http.Request) error {
	js, err := s.Jobs.List(r.Context(), currentUser(r), job.Status(r.URL.Query().Get("status")))
	if err != nil {
		return err
	}
	out := make([]apiJob, 0, len(js))
	for i := range js {
		out = append(out, toAPIJob(&js[i]))
	}
	writeJSON(w, http.StatusOK, map[string]any{"jobs": out})
	return nil
}

func (s *Server) apiJob(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "job")
	if err != nil {
		return err
	}
	j, err := s.Jobs.Get(r.Context(), currentUser(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toAPIJob(j))
	return nil
}

func (s *Server) apiJobCreate(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Title        string           `json:"title"`
		Description  string           `json:"description"`
		Location     string           `json:"location"`
		Blind        bool             `json:"blind"`
		Requirements []apiRequirement `json:"requirements"`
		Propose      bool             `json:"propose_requirements"`
	}
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	d := job.Draft{Title: in.Title, Description: in.Description, Location: in.Location,
		Blind: in.Blind, Requirements: fromAPIRequirements(in.Requirements)}
	if in.Propose && len(d.Requirements) == 0 {
		d.Requirements = vetting.ProposeRequirements(in.Description)
	}
	j, err := s.Jobs.Create(r.Context(), currentUser(r), d)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, toAPIJob(j))
	return nil
}

// apiJobPatch changes the fields present in the body; requirements, when
// present, replace the job's requirements, and status closes or reopens it.
func (s *Server) apiJobPatch(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "job")
	if err != nil {
		return err
	}
	var in struct {
		Title        *string           `json:"title"`
		Description  *string           `json:"description"`
		Location     *string           `json:"location"`
		Blind        *bool             `json:"blind"`
		Status       *job.Status       `json:"status"`
		Requirements *[]apiRequirement `json:"requirements"`
	}
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	u := currentUser(r)
	j, err := s.Jobs.Get(r.Context(), u, id)
	if err != nil {
		return err
	}
	d := job.Draft{Title: j.Title, Description: j.Description, Location: j.Location,
		Blind: j.Blind, Requirements: j.Requirements}
	if in.Blind != nil {
		d.Blind = *in.Blind
	}
	setIf(&d.Title, in.Title)
	setIf(&d.Description, in.Description)
	setIf(&d.Location, in.Location)
	if in.Requirements != nil {
		d.Requirements = fromAPIRequirements(*in.Requirements)
	}
	if j, _, err = s.Jobs.Update(r.Context(), u, id, d); err != nil {
		return err
	}
	if in.Status != nil {
		if j, err = s.Jobs.SetStatus(r.Context(), u, id, *in.Status); err != nil {
			return err
		}
	}
	writeJSON(w, http.StatusOK, toAPIJob(j))
	return nil
}

func setIf(dst *string, v *string) {
	if v != nil {
		*dst = *v
	}
}
