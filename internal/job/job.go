// Package job holds the jobs candidates are vetted against: their
// description and weighted requirements, and who may change them.
package job

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/fault"
	"shortlist/internal/user"
	"shortlist/internal/vetting"
)

// Status says whether a job takes candidates.
type Status string

// The job statuses.
const (
	Open   Status = "open"
	Closed Status = "closed"
)

// Job is a position candidates are vetted against.
type Job struct {
	ID          int64
	Title       string
	Description string
	Location    string
	Status      Status
	// Blind hides who candidates are: engines read a redacted resume, and
	// reviewers see it redacted until they decide.
	Blind        bool
	Requirements []vetting.Requirement
	// RequirementsHash changes whenever the requirements do; vettings made
	// under another hash are stale.
	RequirementsHash string
	CreatedBy        int64
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// Activity actions on jobs.
const (
	ActionCreated  activity.Action = "job.created"
	ActionUpdated  activity.Action = "job.updated"
	ActionClosed   activity.Action = "job.closed"
	ActionReopened activity.Action = "job.reopened"
)

// Store keeps jobs. Methods that change something append ev in the same
// transaction; a missing job is a fault.NotFound error.
type Store interface {
	CreateJob(ctx context.Context, j *Job, ev activity.Event) error
	// UpdateJob saves the fields and replaces the requirements.
	UpdateJob(ctx context.Context, j *Job, ev activity.Event) error
	Job(ctx context.Context, id int64) (*Job, error)
	// Jobs lists jobs, newest first; status "" means every status.
	Jobs(ctx context.Context, status Status) ([]Job, error)
}

// Service applies the rules for jobs.
type Service struct {
	store Store
}

// NewService returns a Service over store.
func NewService(store Store) *Service { return &Service{store: store} }

func canEdit(actor *user.User) error {
	if !actor.Role.AtLeast(user.Manager) {
		return fault.Forbiddenf("Only managers and admins can change jobs.")
	}
	return nil
}

// Draft is what a manager fills in to create or edit a job.
type Draft struct {
	Title        string
	Description  string
	Location     string
	Blind        bool
	Requirements []vetting.Requirement
}

// check trims the draft and refuses what cannot be saved.
func (d *Draft) check() error {
	d.Title = strings.TrimSpace(d.Title)
	d.Location = strings.TrimSpace(d.Location)
	if d.Title == "" {
		return fault.Invalidf("A job needs a title.")
	}
	if len(d.Title) > 200 {
		return fault.Invalidf("The title must have at most 200 characters.")
	}
	if len(d.Description) > 100_000 {
		return fault.Invalidf("The description must be under 100,000 characters.")
	}
	if len(d.Requirements) > 100 {
		return fault.Invalidf("A job can have at most 100 requirements.")
	}
	var kept []vetting.Requirement
	for i, r := range d.Requirements {
		r.Text = strings.TrimSpace(r.Text)
		if r.Text == "" && r.Kind != vetting.KindYears {
			continue
		}
		if err := checkRequirement(i+1, &r); err != nil {
			return err
		}
		kept = append(kept, r)
	}
	d.Requirements = kept
	return nil
}

func checkRequirement(n int, r *vetting.Requirement) error {
	switch r.Kind {
	case vetting.KindMust, vetting.KindNice, vetting.KindCriterion:
	case vetting.KindYears:
		if r.Years < 1 || r.Years > 60 {
			return fault.Invalidf("Requirement %d: years of experience must be from 1 to 60.", n)
		}
		if r.Text == "" {
			r.Text = fmt.Sprintf("%d+ years of experience", r.Years)
		}
	default:
		return fault.Invalidf("Requirement %d: kind must be must, nice, years or criterion.", n)
	}
	if r.Weight == 0 {
		r.Weight = 1
	}
	if r.Weight < 0 || r.Weight > 10 {
		return fault.Invalidf("Requirement %d: weight must be from 0 to 10.", n)
	}
	if len(r.Text) > 500 {
		return fault.Invalidf("Requirement %d must have at most 500 characters.", n)
	}
	return nil
}

// hashRequirements fingerprints what a vetting reads besides the resume:
// the requirements, the description and whether the review is blind.
func hashRequirements(desc string, blind bool, reqs []vetting.Requirement) string {
	h := sha256.New()
	fmt.Fprintf(h, "%q %v\n", desc, blind)
	for _, r := range reqs {
		fmt.Fprintf(h, "%s|%q|%g|%d\n", r.Kind, r.Text, r.Weight, r.Years)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
