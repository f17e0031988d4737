// Package screening runs vettings of candidates against jobs: it records
// each request, hands it to the queue, runs the engine when the queue says
// so, checks what the engine returned, and ranks the results. People then
// decide; nothing here moves a candidate through the pipeline.
package screening

import (
	"context"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/candidate"
	"shortlist/internal/job"
	"shortlist/internal/vetting"
)

// Status is where a vetting stands.
type Status string

// The statuses of a vetting.
const (
	Queued    Status = "queued"
	Running   Status = "running"
	Done      Status = "done"
	Failed    Status = "failed"
	Cancelled Status = "cancelled"
)

// Record is one vetting: what was asked, by whom, and exactly what produced
// the result.
type Record struct {
	ID               int64
	CandidateID      int64
	CandidateName    string
	JobID            int64
	Status           Status
	Engine           string
	Model            string
	RubricVersion    string
	InputHash        string
	RequirementsHash string
	Params           map[string]string
	Raw              string
	Score            *int
	Verdict          vetting.Verdict
	Summary          string
	Requirements     []vetting.RequirementResult
	TokensIn         int
	TokensOut        int
	DurationMS       int64
	Attempts         int
	Error            string
	RequestedBy      int64
	RequestedByEmail string
	RequestedAt      time.Time
	StartedAt        time.Time
	FinishedAt       time.Time
	// Stale is true when the job's requirements changed after this ran.
	Stale bool
}

// Activity actions of vetting.
const (
	ActionRequested activity.Action = "vetting.requested"
	ActionCompleted activity.Action = "vetting.completed"
	ActionFailed    activity.Action = "vetting.failed"
	ActionCancelled activity.Action = "vetting.cancelled"
	ActionDecided   activity.Action = "candidate.decided"
)

// Store keeps vettings. CreateVettings inserts the records and enqueues their
// jobs in one transaction.
type Store interface {
	CreateVettings(ctx context.Context, rs []*Record, ev activity.Event) error
	Vetting(ctx context.Context, id int64) (*Record, error)
	// StartVetting marks a queued (or, after a crash, running) vetting as
	// running and counts the attempt; any other status is a Conflict.
	StartVetting(ctx context.Context, id int64, at time.Time) (*Record, error)
	// FinishVetting saves the outcome of a running vetting; when the job is
	// the candidate's own, the candidate's score follows it.
	FinishVetting(ctx context.Context, r *Record, ev *activity.Event) error
	// CancelVetting cancels a queued or running vetting; one that finished
	// is a Conflict.
	CancelVetting(ctx context.Context, id int64, msg string, ev activity.Event) error
	// RetryLater records the error of a failed attempt that will be retried.
	RetryLater(ctx context.Context, id int64, msg string) error
	// Shortlist reads a job's ranking: the latest finished vetting of each
	// active candidate, best first (only those with the verdict when it is
	// set, and at most limit when limit is positive), with the counts.
	Shortlist(ctx context.Context, jobID int64, verdict string, limit int) (Shortlist, error)
	// CandidateVettings lists a candidate's vettings, newest first.
	CandidateVettings(ctx context.Context, candidateID int64) ([]Record, error)
	// Decide saves a person's decision on a candidate.
	Decide(ctx context.Context, d Decision, ev activity.Event) error
	// CandidateDecisions lists the decisions on a candidate, oldest first.
	CandidateDecisions(ctx context.Context, candidateID int64) ([]DecisionView, error)
}

// Progress counts the vettings of a job by status.
type Progress struct {
	Queued, Running, Done, Failed int
}

// Shortlist is a job's ranking as the store reads it.
type Shortlist struct {
	// Records are the results asked for, best first.
	Records []Record
	// Total is how many results match the verdict asked for (all of them
	// when none was), whether or not a limit left some out.
	Total int
	// Verdicts counts the whole ranking by verdict.
	Verdicts map[string]int
	// Progress counts each active candidate's newest vetting by status.
	Progress Progress
}

// InFlight reports whether any vetting is still to finish.
func (p Progress) InFlight() bool { return p.Queued+p.Running > 0 }

// Candidates is what screening needs of the candidate domain.
type Candidates interface {
	Candidate(ctx context.Context, id int64) (*candidate.Candidate, error)
	Candidates(ctx context.Context, f candidate.Filter) (candidate.Page, error)
}

// Jobs is what screening needs of the job domain.
type Jobs interface {
	Job(ctx context.Context, id int64) (*job.Job, error)
}
