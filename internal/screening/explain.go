package screening

import (
	"context"
	"fmt"
	"time"

	"shortlist/internal/fault"
	"shortlist/internal/user"
	"shortlist/internal/vetting"
)

// Explanation is everything Shortlist can say about how a candidate was
// assessed: each vetting with its criteria, verdicts and quotes, what
// produced it, and every decision people made. It is what a candidate may
// ask for under data-protection and AI rules.
type Explanation struct {
	CandidateID int64
	GeneratedAt time.Time
	Vettings    []ExplainedVetting
	Decisions   []DecisionView
}

// ExplainedVetting is one vetting with the criteria it was measured against.
type ExplainedVetting struct {
	Record
	JobTitle string
	Criteria []vetting.Requirement // the job's requirements as they stand now
}

// DecisionView is a recorded decision with who made it.
type DecisionView struct {
	Decision
	ByEmail string
}

// Explain gathers the explanation of a candidate's assessment. Raw model
// output is left out: it is kept for admins, not for the explanation.
func (s *Service) Explain(ctx context.Context, actor *user.User, candidateID int64) (*Explanation, error) {
	c, err := s.cands.Candidate(ctx, candidateID)
	if err != nil || (c.Deleted && actor.Role != user.Admin) {
		return nil, fault.NotFoundf("No such candidate.")
	}
	rs, err := s.CandidateVettings(ctx, actor, candidateID)
	if err != nil {
		return nil, err
	}
	out := &Explanation{CandidateID: candidateID, GeneratedAt: s.now()}
	for _, r := range rs {
		j, err := s.jobs.Job(ctx, r.JobID)
		if err != nil {
			return nil, fmt.Errorf("explain %d: %w", candidateID, err)
		}
		r.Raw = ""
		out.Vettings = append(out.Vettings, ExplainedVetting{Record: r, JobTitle: j.Title,
			Criteria: j.Requirements})
	}
	if out.Decisions, err = s.store.CandidateDecisions(ctx, candidateID); err != nil {
		return nil, fmt.Errorf("explain %d: %w", candidateID, err)
	}
	return out, nil
}
