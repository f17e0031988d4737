// Package vetting holds the domain of resume vetting: a job's requirements,
// the input an engine reads, the result it returns with evidence quoted from
// the resume, and the checks applied to any engine's result. Engines live in
// sub-packages (local) or at the edges (a model client).
package vetting

import "context"

// RequirementKind says how a requirement is checked.
type RequirementKind string

// The kinds of requirement.
const (
	KindMust      RequirementKind = "must"      // a skill the job requires
	KindNice      RequirementKind = "nice"      // a skill the job prefers
	KindYears     RequirementKind = "years"     // a minimum of years of experience
	KindCriterion RequirementKind = "criterion" // anything else, in words (a degree)
)

// Requirement is one thing a job asks of a candidate.
type Requirement struct {
	ID     int64
	Kind   RequirementKind
	Text   string
	Weight float64 // relative importance; 0 means the kind's default
	Years  int     // for KindYears
}

// Input is everything an engine may read to vet one resume for one job.
type Input struct {
	JobTitle     string
	JobText      string
	Requirements []Requirement
	ResumeText   string // the visible text only; hidden text is never passed
}

// Evidence is a quote from the resume with its byte offsets in
// Input.ResumeText.
type Evidence struct {
	Quote      string
	Start, End int
}

// Verdict is the overall judgement of a vetting.
type Verdict string

// The verdicts, from best to worst.
const (
	StrongMatch Verdict = "strong match"
	GoodMatch   Verdict = "match"
	WeakMatch   Verdict = "weak match"
	NoMatch     Verdict = "no match"
)

// ReqVerdict is the judgement on one requirement.
type ReqVerdict string

// The requirement verdicts. Unverified means the engine claimed evidence
// that the resume does not contain; it earns nothing.
const (
	Met        ReqVerdict = "met"
	PartlyMet  ReqVerdict = "partly met"
	NotMet     ReqVerdict = "not met"
	Unverified ReqVerdict = "unverified"
)

// RequirementResult is the judgement on one requirement with its evidence.
type RequirementResult struct {
	RequirementID int64
	Text          string
	Verdict       ReqVerdict
	Evidence      []Evidence
	Reason        string
}

// Result is what an engine returns for one resume and one job. Together with
// the input hash it says exactly what produced it.
type Result struct {
	Score         int // 0 to 100
	Verdict       Verdict
	Summary       string
	Requirements  []RequirementResult
	Engine        string
	Model         string
	RubricVersion string
	Params        map[string]string
	Raw           string // the engine's raw output, if it has one
	TokensIn      int
	TokensOut     int
}

// Engine vets a resume against a job.
type Engine interface {
	Name() string
	Vet(ctx context.Context, in Input) (Result, error)
}

// Score thresholds of the verdicts.
const (
	strongFrom = 75
	matchFrom  = 55
	weakFrom   = 35
)

// VerdictFor maps a score from 0 to 100 to a verdict.
func VerdictFor(score int) Verdict {
	switch {
	case score >= strongFrom:
		return StrongMatch
	case score >= matchFrom:
		return GoodMatch
	case score >= weakFrom:
		return WeakMatch
	}
	return NoMatch
}
