package screening

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"slices"
	"strings"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/candidate"
	"shortlist/internal/fault"
	"shortlist/internal/job"
	"shortlist/internal/user"
	"shortlist/internal/vetting"
)

// MaxPerRequest bounds how many vettings one request may ask for.
const MaxPerRequest = 5000

// Service applies the rules of vetting.
type Service struct {
	store   Store
	cands   Candidates
	jobs    Jobs
	engines map[string]vetting.Engine
	def     string
	log     *slog.Logger
	now     func() time.Time
	// blindAll makes every job's review blind.
	blindAll bool
	// lanes bounds how many vettings read or write the database at the
	// same moment; see inLane.
	lanes chan struct{}
}

// BlindAll makes every review blind, whatever each job says.
func (s *Service) BlindAll(on bool) { s.blindAll = on }

// BlindsAll reports whether every review is blind.
func (s *Service) BlindsAll() bool { return s.blindAll }

// IsBlind reports whether reviews of the job are blind.
func (s *Service) IsBlind(ctx context.Context, jobID int64) (bool, error) {
	if s.blindAll {
		return true, nil
	}
	if jobID == 0 {
		return false, nil
	}
	j, err := s.jobs.Job(ctx, jobID)
	if err != nil {
		return false, fmt.Errorf("blind review of job %d: %w", jobID, err)
	}
	return j.Blind, nil
}

// NewService returns a Service that vets with the given engines, by name;
// def names the engine used when a request names none.
func NewService(st Store, cands Candidates, jobs Jobs, engines map[string]vetting.Engine, def string,
	log *slog.Logger) (*Service, error) {
	if _, ok := engines[def]; !ok {
		return nil, fmt.Errorf("new screening service: no engine %q", def)
	}
	return &Service{store: st, cands: cands, jobs: jobs, engines: engines, def: def, log: log,
		now:   func() time.Time { return time.Now().UTC() },
		lanes: make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))}, nil
}

// inLane runs f, which uses the database for a vetting, once one of the
// service's lanes is free. Vettings against a model start and end in
// waves: the queue hands out as many as there are workers at once, and
// answers of similar length come back together, so fifty workers would
// otherwise start fifty transactions in the same instant and starve the
// pages people are waiting for of both cores. In lanes, those steps take
// turns; each is a few milliseconds, so a few lanes carry hundreds of
// vettings a second, and the engine's own work (the model's answer, the
// local engine's scoring) runs outside them.
func (s *Service) inLane(ctx context.Context, f func() error) error {
	select {
	case s.lanes <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-s.lanes }()
	return f()
}

// DefaultEngine names the engine used when a request names none.
func (s *Service) DefaultEngine() string { return s.def }

// Engines lists the engines available, in name order.
func (s *Service) Engines() []string {
	var names []string
	for n := range s.engines {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Request asks for vettings of candidates against a job: the given ones, or
// with all set every active candidate of the job (only those whose latest
// result is missing, stale or failed when staleOnly is set). It returns the
// new vetting ids at once; the queue does the work.
func (s *Service) Request(ctx context.Context, actor *user.User, jobID int64, ids []int64, all,
	staleOnly bool, engine string) ([]int64, error) {
	if engine == "" {
		engine = s.def
	}
	if _, ok := s.engines[engine]; !ok {
		return nil, fault.Invalidf("Unknown engine %q; use %s.", engine, strings.Join(s.Engines(), " or "))
	}
	j, err := s.jobs.Job(ctx, jobID)
	if err != nil {
		return nil, err
	}
	if j.Status != job.Open {
		return nil, fault.Conflictf("The job %q is closed; reopen it to vet candidates.", j.Title)
	}
	if all {
		if ids, err = s.jobCandidates(ctx, j, staleOnly); err != nil {
			return nil, err
		}
	} else if err := s.checkCandidates(ctx, ids); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, nil
	}
	if len(ids) > MaxPerRequest {
		return nil, fault.Invalidf("At most %d vettings can be asked for at once.", MaxPerRequest)
	}
	now := s.now()
	rs := make([]*Record, len(ids))
	for i, id := range ids {
		rs[i] = &Record{CandidateID: id, JobID: j.ID, Status: Queued, Engine: engine,
			RequirementsHash: j.RequirementsHash, RequestedBy: actor.ID, RequestedAt: now}
	}
	ev := activity.New(actor.Actor(), ActionRequested, "job", j.ID,
		fmt.Sprintf("%d candidates with the %s engine", len(ids), engine))
	if err := s.store.CreateVettings(ctx, rs, ev); err != nil {
		return nil, fmt.Errorf("request vettings for job %d: %w", jobID, err)
	}
	out := make([]int64, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out, nil
}

func (s *Service) checkCandidates(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return fault.Invalidf("Choose at least one candidate to vet.")
	}
	seen := map[int64]bool{}
	for _, id := range ids {
		if seen[id] {
			return fault.Invalidf("Candidate #%d is listed twice.", id)
		}
		seen[id] = true
		c, err := s.cands.Candidate(ctx, id)
		if err != nil || c.Deleted {
			return fault.Invalidf("There is no candidate #%d.", id)
		}
	}
	return nil
}

// jobCandidates lists the active candidates of a job, or with staleOnly only
// those whose latest vetting is missing, stale or failed.
func (s *Service) jobCandidates(ctx context.Context, j *job.Job, staleOnly bool) ([]int64, error) {
	fresh := map[int64]bool{}
	if staleOnly {
		sl, err := s.store.Shortlist(ctx, j.ID, "", 0)
		if err != nil {
			return nil, fmt.Errorf("vet all of job %d: %w", j.ID, err)
		}
		for _, r := range sl.Records {
			if r.RequirementsHash == j.RequirementsHash {
				fresh[r.CandidateID] = true
			}
		}
	}
	var ids []int64
	for page := 1; ; page++ {
		p, err := s.cands.Candidates(ctx, candidate.Filter{JobID: j.ID, Page: page,
			PerPage: candidate.MaxPerPage, Sort: "oldest"})
		if err != nil {
			return nil, fmt.Errorf("vet all of job %d: %w", j.ID, err)
		}
		for _, c := range p.Candidates {
			if !fresh[c.ID] {
				ids = append(ids, c.ID)
			}
		}
		if !p.HasNext() || len(ids) > MaxPerRequest {
			return ids, nil
		}
	}
}

// RunVetting does one queued vetting; the queue calls it. It returns nil
// when there is nothing (more) to do, and an error when the attempt failed
// and should be retried; on the final attempt the failure is recorded.
func (s *Service) RunVetting(ctx context.Context, id int64, final bool) error {
	var r *Record
	var in vetting.Input
	var stop string
	err := s.inLane(ctx, func() error {
		var err error
		if r, err = s.store.StartVetting(ctx, id, s.now()); err != nil {
			return err
		}
		in, stop, err = s.input(ctx, r)
		return err
	})
	if r == nil {
		if k := fault.KindOf(err); k == fault.Conflict || k == fault.NotFound {
			return nil // cancelled, finished already, or erased with its candidate
		}
		return fmt.Errorf("start vetting %d: %w", id, err)
	}
	if stop != "" {
		return s.finish(ctx, r, Failed, stop)
	}
	if err != nil {
		return s.attemptFailed(ctx, r, final, err)
	}
	eng, ok := s.engines[r.Engine]
	if !ok {
		return s.finish(ctx, r, Failed, fmt.Sprintf("The %s engine is not configured on this "+
			"server; vet the candidate again with another engine.", r.Engine))
	}
	start := time.Now()
	res, err := eng.Vet(ctx, in)
	r.DurationMS = time.Since(start).Milliseconds()
	if err != nil {
		return s.attemptFailed(ctx, r, final, err)
	}
	s.fill(r, in, res)
	return s.finish(ctx, r, Done, "")
}

// input gathers what the engine reads: the job and the visible text of the
// resume only. stop is set when the vetting cannot run at all.
func (s *Service) input(ctx context.Context, r *Record) (vetting.Input, string, error) {
	c, err := s.cands.Candidate(ctx, r.CandidateID)
	if err != nil {
		return vetting.Input{}, "", err
	}
	if c.Deleted {
		return vetting.Input{}, "The candidate was deleted.", nil
	}
	if strings.TrimSpace(c.Text) == "" || c.NeedsReview {
		return vetting.Input{}, "The resume has no readable text; a person must review the file.", nil
	}
	j, err := s.jobs.Job(ctx, r.JobID)
	if err != nil {
		return vetting.Input{}, "", err
	}
	r.RequirementsHash = j.RequirementsHash
	blind := j.Blind || s.blindAll
	r.Params = map[string]string{"blind": fmt.Sprint(blind)}
	return vetting.Input{JobTitle: j.Title, JobText: j.Description, Requirements: j.Requirements,
		ResumeText: EngineText(c, blind)}, "", nil
}

// fill copies an engine's result into the record, after checking every
// quote against the resume: a quote not found there is dropped and earns
// nothing.
func (s *Service) fill(r *Record, in vetting.Input, res vetting.Result) {
	dropped := vetting.VerifyEvidence(in.ResumeText, &res)
	score := res.Score
	r.Score, r.Verdict, r.Summary, r.Requirements = &score, res.Verdict, res.Summary, res.Requirements
	r.Model, r.RubricVersion, r.Raw = res.Model, res.RubricVersion, res.Raw
	r.TokensIn, r.TokensOut = res.TokensIn, res.TokensOut
	r.InputHash = vetting.InputHash(in)
	if r.Params == nil {
		r.Params = map[string]string{}
	}
	for k, v := range res.Params {
		r.Params[k] = v
	}
	if dropped > 0 {
		r.Params["dropped_quotes_at_check"] = fmt.Sprint(dropped)
	}
}

func (s *Service) attemptFailed(ctx context.Context, r *Record, final bool, cause error) error {
	msg := failureMessage(cause)
	if final {
		if err := s.finish(ctx, r, Failed, msg); err != nil {
			return err
		}
		return cause
	}
	err := s.inLane(ctx, func() error { return s.store.RetryLater(ctx, r.ID, msg) })
	if err != nil {
		return errors.Join(cause, err)
	}
	return cause
}

// failureMessage keeps an engine's error short enough to show; engines
// return errors that name the operation, never resume text.
func failureMessage(err error) string {
	msg := err.Error()
	if len(msg) > 500 {
		msg = msg[:500] + "…"
	}
	return msg
}

func (s *Service) finish(ctx context.Context, r *Record, st Status, msg string) error {
	r.Status, r.Error, r.FinishedAt = st, msg, s.now()
	actor := activity.System
	action, detail := ActionCompleted, ""
	if st == Done {
		detail = fmt.Sprintf("candidate #%d: score %d (%s) with %s", r.CandidateID, *r.Score,
			r.Verdict, r.Engine)
	} else {
		action, detail = ActionFailed, fmt.Sprintf("candidate #%d: %s", r.CandidateID, msg)
	}
	ev := activity.New(actor, action, "job", r.JobID, detail)
	err := s.inLane(ctx, func() error { return s.store.FinishVetting(ctx, r, &ev) })
	if err != nil {
		if fault.KindOf(err) == fault.Conflict {
			return nil // cancelled meanwhile: the result is discarded
		}
		return fmt.Errorf("finish vetting %d: %w", r.ID, err)
	}
	return nil
}
