package candidate

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"

	"shortlist/internal/activity"
	"shortlist/internal/fault"
	"shortlist/internal/job"
	"shortlist/internal/resume"
	"shortlist/internal/user"
)

// JobLookup finds jobs; job.Store is one.
type JobLookup interface {
	Job(ctx context.Context, id int64) (*job.Job, error)
}

// Service applies the rules for candidates.
type Service struct {
	store     Store
	deletions DeletionStore
	merges    MergeStore
	jobs      JobLookup
	extract   Extractor
	limits    resume.Limits
	logger    *slog.Logger
}

// Stores is every store the candidate service needs; *store.DB is all of
// them.
type Stores interface {
	Store
	DeletionStore
	MergeStore
	JobLookup
}

// NewService returns a Service.
func NewService(st Stores, ex Extractor, limits resume.Limits, log *slog.Logger) *Service {
	return &Service{store: st, deletions: st, merges: st, jobs: st, extract: ex, limits: limits, logger: log}
}

// log records a failure that an upload result reports only in general terms.
func (s *Service) log(ctx context.Context, op string, err error) {
	s.logger.ErrorContext(ctx, "import: "+op, slog.String("error", err.Error()))
}

func (s *Service) checkJob(ctx context.Context, id int64) error {
	j, err := s.jobs.Job(ctx, id)
	if err != nil {
		return err
	}
	if j.Status != job.Open {
		return fault.Conflictf("The job %q is closed; reopen it to add candidates.", j.Title)
	}
	return nil
}

// Get returns a candidate. A soft-deleted candidate is visible to admins only.
func (s *Service) Get(ctx context.Context, actor *user.User, id int64) (*Candidate, error) {
	c, err := s.store.Candidate(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("get candidate %d: %w", id, err)
	}
	if c.Deleted && actor.Role != user.Admin {
		return nil, fault.NotFoundf("No such candidate.")
	}
	return c, nil
}

// File returns a candidate's original file, for those who may see the
// candidate.
func (s *Service) File(ctx context.Context, actor *user.User, id int64) (*File, error) {
	if _, err := s.Get(ctx, actor, id); err != nil {
		return nil, err
	}
	f, err := s.store.CandidateFile(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("file of candidate %d: %w", id, err)
	}
	return f, nil
}

// MaxPerPage caps the page size of candidate lists.
const MaxPerPage = 200

// List returns a page of candidates. Only admins may list the trash.
func (s *Service) List(ctx context.Context, actor *user.User, f Filter) (Page, error) {
	if f.Deleted && actor.Role != user.Admin {
		return Page{}, fault.Forbiddenf("Only admins can see deleted candidates.")
	}
	if f.Page < 1 {
		f.Page = 1
	}
	if f.PerPage < 1 {
		f.PerPage = 25
	}
	if f.PerPage > MaxPerPage {
		return Page{}, fault.Invalidf("per_page must be at most %d.", MaxPerPage)
	}
	if f.MaxScore == 0 {
		f.MaxScore = 100
	}
	if f.MinScore < 0 || f.MaxScore > 100 || f.MinScore > f.MaxScore {
		return Page{}, fault.Invalidf("The score range must lie within 0 to 100.")
	}
	if !slices.Contains(Sorts, f.Sort) {
		return Page{}, fault.Invalidf("sort must be one of newest, oldest, name or score.")
	}
	f.Query = strings.TrimSpace(f.Query)
	p, err := s.store.Candidates(ctx, f)
	if err != nil {
		return Page{}, fmt.Errorf("list candidates: %w", err)
	}
	return p, nil
}

// Edit is the set of fields a person may change on a candidate.
type Edit struct {
	JobID int64
	Name  string
	Email string
	Phone string
}

// Update saves an edit of a candidate's contact details or job.
func (s *Service) Update(ctx context.Context, actor *user.User, id int64, e Edit) (*Candidate, error) {
	c, err := s.Get(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if c.Deleted {
		return nil, fault.Conflictf("Restore the candidate before editing it.")
	}
	e.Name, e.Phone = strings.TrimSpace(e.Name), strings.TrimSpace(e.Phone)
	e.Email = strings.ToLower(strings.TrimSpace(e.Email))
	if e.Email != "" {
		if _, err := user.NormalizeEmail(e.Email); err != nil {
			return nil, err
		}
	}
	if len(e.Name) > 200 || len(e.Phone) > 50 {
		return nil, fault.Invalidf("The name or phone number is too long.")
	}
	if e.JobID != 0 && e.JobID != c.JobID {
		if err := s.checkJob(ctx, e.JobID); err != nil {
			return nil, err
		}
	}
	changed := changedFields(c, e)
	if len(changed) == 0 {
		return c, nil
	}
	c.JobID, c.Name, c.Email, c.Phone = e.JobID, e.Name, e.Email, e.Phone
	ev := activity.New(actor.Actor(), ActionUpdated, "candidate", c.ID,
		"changed "+strings.Join(changed, ", "))
	if err := s.store.UpdateCandidate(ctx, c, ev); err != nil {
		return nil, fmt.Errorf("update candidate %d: %w", id, err)
	}
	return c, nil
}

// changedFields names the fields an edit changes (names only, so the
// activity log holds no personal data).
func changedFields(c *Candidate, e Edit) []string {
	var out []string
	if c.JobID != e.JobID {
		out = append(out, "job")
	}
	if c.Name != e.Name {
		out = append(out, "name")
	}
	if c.Email != e.Email {
		out = append(out, "email")
	}
	if c.Phone != e.Phone {
		out = append(out, "phone")
	}
	return out
}

// History returns what happened to a candidate, newest first. Admins may
// also read the history of an erased candidate, which ends in its tombstone.
func (s *Service) History(ctx context.Context, actor *user.User, id int64) ([]activity.Event, error) {
	if actor.Role != user.Admin {
		if _, err := s.Get(ctx, actor, id); err != nil {
			return nil, err
		}
	}
	return s.store.CandidateHistory(ctx, id)
}

// HistoryOf returns what happened to a candidate already read with Get.
func (s *Service) HistoryOf(ctx context.Context, c *Candidate) ([]activity.Event, error) {
	return s.store.CandidateHistory(ctx, c.ID)
}

// PossibleDuplicates returns active candidates that may be the same person:
// same email or phone, or near-identical resume text.
func (s *Service) PossibleDuplicates(ctx context.Context, actor *user.User, id int64) ([]Candidate, error) {
	c, err := s.Get(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	return s.DuplicatesOf(ctx, c)
}

func (s *Service) possibleDuplicates(ctx context.Context, c *Candidate) ([]int64, error) {
	dups, err := s.DuplicatesOf(ctx, c)
	var ids []int64
	for _, d := range dups {
		ids = append(ids, d.ID)
	}
	return ids, err
}

// DuplicatesOf returns the possible duplicates of a candidate already read
// with Get (its contact details unmasked).
func (s *Service) DuplicatesOf(ctx context.Context, c *Candidate) ([]Candidate, error) {
	similar, err := s.store.SimilarCandidates(ctx, c)
	if err != nil {
		return nil, fmt.Errorf("duplicates of %d: %w", c.ID, err)
	}
	var out []Candidate
	for _, o := range similar {
		sameContact := (c.Email != "" && o.Email == c.Email) || (c.Phone != "" && o.Phone == c.Phone)
		if sameContact || NearDuplicate(c.SimHash, o.SimHash) {
			out = append(out, o)
		}
	}
	return out, nil
}
