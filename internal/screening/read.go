package screening

import (
	"context"
	"fmt"

	"shortlist/internal/candidate"
	"shortlist/internal/fault"
	"shortlist/internal/job"
	"shortlist/internal/user"
)

// Get returns one vetting. Its raw model output is kept only for admins.
func (s *Service) Get(ctx context.Context, actor *user.User, id int64) (*Record, error) {
	r, err := s.store.Vetting(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("get vetting %d: %w", id, err)
	}
	c, err := s.cands.Candidate(ctx, r.CandidateID)
	if err != nil || (c.Deleted && actor.Role != user.Admin) {
		return nil, fault.NotFoundf("No such vetting.")
	}
	if err := s.markStale(ctx, []*Record{r}); err != nil {
		return nil, err
	}
	if actor.Role != user.Admin {
		r.Raw = ""
	}
	return r, nil
}

// Ranking is a job's shortlist: the latest result of each active candidate,
// best first, with the counts and the progress of vettings under way.
type Ranking struct {
	Job *job.Job
	Shortlist
}

// RankQuery narrows a ranking to one verdict (when set) and to its best
// Limit results (when positive).
type RankQuery struct {
	Verdict string
	Limit   int
}

// Rank returns a job's ranking.
func (s *Service) Rank(ctx context.Context, actor *user.User, jobID int64,
	q RankQuery) (*Ranking, error) {
	j, err := s.jobs.Job(ctx, jobID)
	if err != nil {
		return nil, err
	}
	if j.Status != job.Open && !actor.Role.AtLeast(user.Manager) {
		return nil, fault.NotFoundf("No such open job.")
	}
	sl, err := s.store.Shortlist(ctx, jobID, q.Verdict, q.Limit)
	if err != nil {
		return nil, fmt.Errorf("rank job %d: %w", jobID, err)
	}
	for i := range sl.Records {
		r := &sl.Records[i]
		r.Stale = r.RequirementsHash != j.RequirementsHash
		if actor.Role != user.Admin {
			r.Raw = ""
		}
	}
	return &Ranking{Job: j, Shortlist: sl}, nil
}

// CandidateVettings lists a candidate's vettings, newest first.
func (s *Service) CandidateVettings(ctx context.Context, actor *user.User, candidateID int64) ([]Record, error) {
	c, err := s.cands.Candidate(ctx, candidateID)
	if err != nil || (c.Deleted && actor.Role != user.Admin) {
		return nil, fault.NotFoundf("No such candidate.")
	}
	return s.VettingsOf(ctx, actor, c)
}

// VettingsOf lists the vettings of a candidate the actor has already been
// allowed to see, newest first.
func (s *Service) VettingsOf(ctx context.Context, actor *user.User, c *candidate.Candidate) ([]Record, error) {
	rs, err := s.store.CandidateVettings(ctx, c.ID)
	if err != nil {
		return nil, fmt.Errorf("vettings of %d: %w", c.ID, err)
	}
	ptrs := make([]*Record, len(rs))
	for i := range rs {
		ptrs[i] = &rs[i]
		if actor.Role != user.Admin {
			rs[i].Raw = ""
		}
	}
	return rs, s.markStale(ctx, ptrs)
}

// markStale sets Stale on records whose job's requirements changed since.
func (s *Service) markStale(ctx context.Context, rs []*Record) error {
	hashes := map[int64]string{}
	for _, r := range rs {
		h, ok := hashes[r.JobID]
		if !ok {
			j, err := s.jobs.Job(ctx, r.JobID)
			if err != nil {
				return fmt.Errorf("job of vetting %d: %w", r.ID, err)
			}
			h, hashes[r.JobID] = j.RequirementsHash, j.RequirementsHash
		}
		r.Stale = r.Status == Done && r.RequirementsHash != h
	}
	return nil
}
