package job

import (
	"context"
	"fmt"

	"shortlist/internal/activity"
	"shortlist/internal/fault"
	"shortlist/internal/user"
	"shortlist/internal/vetting"
)

// Create adds a job.
func (s *Service) Create(ctx context.Context, actor *user.User, d Draft) (*Job, error) {
	if err := canEdit(actor); err != nil {
		return nil, err
	}
	if err := d.check(); err != nil {
		return nil, err
	}
	j := &Job{
		Title: d.Title, Description: d.Description, Location: d.Location, Status: Open, Blind: d.Blind,
		Requirements: d.Requirements, RequirementsHash: hashRequirements(d.Description, d.Blind, d.Requirements),
		CreatedBy: actor.ID,
	}
	ev := activity.New(actor.Actor(), ActionCreated, "job", 0, j.Title)
	if err := s.store.CreateJob(ctx, j, ev); err != nil {
		return nil, fmt.Errorf("create job: %w", err)
	}
	return j, nil
}

// Update replaces a job's fields and requirements. It reports whether the
// requirements changed, which makes earlier vettings stale.
func (s *Service) Update(ctx context.Context, actor *user.User, id int64, d Draft) (*Job, bool, error) {
	if err := canEdit(actor); err != nil {
		return nil, false, err
	}
	if err := d.check(); err != nil {
		return nil, false, err
	}
	j, err := s.store.Job(ctx, id)
	if err != nil {
		return nil, false, fmt.Errorf("update job %d: %w", id, err)
	}
	hash := hashRequirements(d.Description, d.Blind, d.Requirements)
	changed := hash != j.RequirementsHash
	j.Title, j.Description, j.Location, j.Blind = d.Title, d.Description, d.Location, d.Blind
	j.Requirements, j.RequirementsHash = d.Requirements, hash
	detail := j.Title
	if changed {
		detail += " (requirements changed)"
	}
	ev := activity.New(actor.Actor(), ActionUpdated, "job", j.ID, detail)
	if err := s.store.UpdateJob(ctx, j, ev); err != nil {
		return nil, false, fmt.Errorf("update job %d: %w", id, err)
	}
	return j, changed, nil
}

// SetStatus closes or reopens a job.
func (s *Service) SetStatus(ctx context.Context, actor *user.User, id int64, st Status) (*Job, error) {
	if err := canEdit(actor); err != nil {
		return nil, err
	}
	if st != Open && st != Closed {
		return nil, fault.Invalidf("Status must be open or closed.")
	}
	j, err := s.store.Job(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("set status of job %d: %w", id, err)
	}
	if j.Status == st {
		return j, nil
	}
	action := ActionReopened
	if st == Closed {
		action = ActionClosed
	}
	j.Status = st
	if err := s.store.UpdateJob(ctx, j, activity.New(actor.Actor(), action, "job", j.ID, j.Title)); err != nil {
		return nil, fmt.Errorf("set status of job %d: %w", id, err)
	}
	return j, nil
}

// Get returns a job the actor may see: recruiters see open jobs only.
func (s *Service) Get(ctx context.Context, actor *user.User, id int64) (*Job, error) {
	j, err := s.store.Job(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("get job %d: %w", id, err)
	}
	if j.Status != Open && !actor.Role.AtLeast(user.Manager) {
		return nil, fault.NotFoundf("No such open job.")
	}
	return j, nil
}

// List returns the jobs the actor may see with the given status ("" for
// all); recruiters only ever see open jobs.
func (s *Service) List(ctx context.Context, actor *user.User, st Status) ([]Job, error) {
	if !actor.Role.AtLeast(user.Manager) {
		st = Open
	}
	js, err := s.store.Jobs(ctx, st)
	if err != nil {
		return nil, fmt.Errorf("list jobs: %w", err)
	}
	return js, nil
}

// Propose reads a pasted job description and proposes requirements for the
// manager to edit.
func (s *Service) Propose(actor *user.User, description string) ([]vetting.Requirement, error) {
	if err := canEdit(actor); err != nil {
		return nil, err
	}
	return vetting.ProposeRequirements(description), nil
}
