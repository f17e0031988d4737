package screening

import (
	"context"
	"fmt"
	"strings"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/candidate"
	"shortlist/internal/fault"
	"shortlist/internal/user"
	"shortlist/internal/vetting"
)

// Decision is a person moving a candidate to a stage. When it goes against
// the engine's latest verdict for the candidate's job, it must say why.
type Decision struct {
	CandidateID   int64
	JobID         int64
	Stage         candidate.Stage
	Reason        string
	EngineVerdict vetting.Verdict // the latest verdict at the time, if any
	Overrules     bool
	By            int64
	At            time.Time
}

// overrules reports whether moving to stage goes against verdict.
func overrules(stage candidate.Stage, v vetting.Verdict) bool {
	switch stage {
	case candidate.StageAdvanced:
		return v == vetting.WeakMatch || v == vetting.NoMatch
	case candidate.StageRejected:
		return v == vetting.StrongMatch || v == vetting.GoodMatch
	}
	return false
}

// Decide moves a candidate to a stage. The engine never does this; a
// person does, with a reason when they overrule the engine's verdict.
func (s *Service) Decide(ctx context.Context, actor *user.User, candidateID int64,
	stage candidate.Stage, reason string) (*Decision, error) {
	switch stage {
	case candidate.StageNew, candidate.StageAdvanced, candidate.StageHold, candidate.StageRejected:
	default:
		return nil, fault.Invalidf("Stage must be new, advanced, hold or rejected.")
	}
	c, err := s.cands.Candidate(ctx, candidateID)
	if err != nil || c.Deleted {
		return nil, fault.NotFoundf("No such candidate.")
	}
	d := &Decision{CandidateID: c.ID, JobID: c.JobID, Stage: stage, By: actor.ID, At: s.now(),
		Reason: strings.TrimSpace(reason)}
	if c.JobID != 0 {
		if latest, err := s.latestFor(ctx, c.ID, c.JobID); err != nil {
			return nil, err
		} else if latest != nil {
			d.EngineVerdict = latest.Verdict
		}
	}
	d.Overrules = overrules(stage, d.EngineVerdict)
	if d.Overrules && d.Reason == "" {
		return nil, fault.Invalidf("The engine said %q; give a reason for moving the candidate to %s.",
			d.EngineVerdict, stage)
	}
	if len(d.Reason) > 1000 {
		return nil, fault.Invalidf("The reason must have at most 1000 characters.")
	}
	detail := fmt.Sprintf("moved to %s", stage)
	if d.Overrules {
		detail += fmt.Sprintf(", overruling %q", d.EngineVerdict)
	}
	if err := s.store.Decide(ctx, *d, activity.New(actor.Actor(), ActionDecided, "candidate", c.ID,
		detail)); err != nil {
		return nil, fmt.Errorf("decide on %d: %w", c.ID, err)
	}
	return d, nil
}

// latestFor returns the latest finished vetting of a candidate for a job.
func (s *Service) latestFor(ctx context.Context, candidateID, jobID int64) (*Record, error) {
	rs, err := s.store.CandidateVettings(ctx, candidateID)
	if err != nil {
		return nil, fmt.Errorf("vettings of %d: %w", candidateID, err)
	}
	for i := range rs {
		if rs[i].JobID == jobID && rs[i].Status == Done {
			return &rs[i], nil
		}
	}
	return nil, nil
}
