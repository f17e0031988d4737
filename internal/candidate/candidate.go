// Package candidate holds the people whose resumes Shortlist reads: what was
// read from each file, how they are found and listed, and the rules for
// bringing resumes in.
package candidate

import (
	"context"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/resume"
)

// Stage is where a candidate stands in the pipeline. Only a person moves a
// candidate between stages.
type Stage string

// The stages.
const (
	StageNew      Stage = "new"
	StageAdvanced Stage = "advanced"
	StageHold     Stage = "hold"
	StageRejected Stage = "rejected"
)

// Stages lists every stage in pipeline order.
var Stages = []Stage{StageNew, StageAdvanced, StageHold, StageRejected}

// Candidate is one person's resume and what was read from it.
type Candidate struct {
	ID       int64
	JobID    int64  // 0: the general pool
	JobTitle string // filled in by lists and lookups
	JobBlind bool   // the job's review is blind; filled in by lists and lookups
	Name     string
	Email    string
	Phone    string
	Links    []string
	Stage    Stage

	Text string // the visible resume text; the only text engines read
	// EngineText is Text with every passage addressed to a model replaced by
	// a marker, as engines read it; "" for candidates stored before it was
	// kept.
	EngineText  string
	Hidden      []resume.Hidden
	Quality     resume.Quality
	Sections    []resume.Section
	Flags       []string // warnings for reviewers, such as instructions aimed at a model
	NeedsReview bool

	ContentHash string
	SimHash     uint64 // fingerprint of the text, for near-duplicate detection
	FileName    string
	FileKind    resume.Kind
	FileSize    int64
	Score       *int // the latest score against the candidate's own job, if vetted

	UploadedBy      int64
	UploadedByEmail string
	CreatedAt       time.Time
	UpdatedAt       time.Time

	Deleted   bool
	DeletedAt time.Time
	DeletedBy string // "email (role)" of the person who deleted, at that time
	Reason    string // why it was deleted
	LegalHold bool
}

// File is an original resume file as uploaded.
type File struct {
	Name string
	Kind resume.Kind
	Data []byte
}

// Filter selects and orders candidates in a list.
type Filter struct {
	Query      string // full-text search over name, email and resume text
	JobID      int64  // -1: only the general pool; 0: any
	Stage      Stage
	MinScore   int // 0..100; 0 with MaxScore 100 means any
	MaxScore   int
	UploadedBy int64
	From, To   time.Time // upload date range; zero means open
	Deleted    bool      // the trash instead of the active list
	Sort       string    // "newest" (default), "oldest", "name", "score"
	Page       int       // from 1
	PerPage    int
}

// Sorts lists the sort keys a Filter accepts; "" is newest first.
var Sorts = []string{"", "newest", "oldest", "name", "score", "deleted"}

// MaxCount is how far a list counts its matches; past it, a list knows
// only that there are more.
const MaxCount = 10000

// Page is one page of a candidate list.
type Page struct {
	Candidates []Candidate // without Text, Hidden and Sections
	// Counted says Total holds the number of matches, up to MaxCount.
	// Searches are not counted.
	Counted bool
	Total   int
	More    bool // another page follows this one
	Page    int
	PerPage int
}

// Pages returns the number of pages of the counted matches, or 0 when the
// list was not counted.
func (p Page) Pages() int {
	if p.PerPage == 0 || !p.Counted {
		return 0
	}
	return (p.Total + p.PerPage - 1) / p.PerPage
}

// HasNext reports whether a page follows this one.
func (p Page) HasNext() bool { return p.More }

// Activity actions on candidates.
const (
	ActionUploaded activity.Action = "candidate.uploaded"
	ActionUpdated  activity.Action = "candidate.updated"
	ActionMerged   activity.Action = "candidate.merged"
)

// Store keeps candidates and their files. Methods that change something
// append ev in the same transaction.
type Store interface {
	// CreateCandidate inserts c and its file. A file already stored (same
	// content hash) is a *DuplicateError.
	CreateCandidate(ctx context.Context, c *Candidate, f File, ev activity.Event) error
	// Candidate returns a candidate, soft-deleted ones included.
	Candidate(ctx context.Context, id int64) (*Candidate, error)
	CandidateFile(ctx context.Context, id int64) (*File, error)
	Candidates(ctx context.Context, f Filter) (Page, error)
	// UpdateCandidate saves the editable fields: job, name, email, phone,
	// links, stage and flags.
	UpdateCandidate(ctx context.Context, c *Candidate, ev activity.Event) error
	// SimilarCandidates returns active candidates other than c that share
	// its email or phone, or one of its fingerprint bands.
	SimilarCandidates(ctx context.Context, c *Candidate) ([]Candidate, error)
	// CandidateHistory returns the activity on a candidate, newest first.
	CandidateHistory(ctx context.Context, id int64) ([]activity.Event, error)
}

// DuplicateError reports a file that is already stored.
type DuplicateError struct {
	ExistingID int64
	Deleted    bool
}

func (e *DuplicateError) Error() string {
	if e.Deleted {
		return "this file is already stored, as a deleted candidate"
	}
	return "this file is already stored"
}
