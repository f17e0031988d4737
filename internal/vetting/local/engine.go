// Package local is Shortlist's deterministic vetting engine. It needs no
// network and no model: it matches the job's requirements against the resume
// with the skills dictionary, estimates years of experience from dated
// roles, checks degrees and other criteria by their words, and weighs the
// resume's overall relevance to the job with BM25 against fixed background
// word statistics, so that one vetting never depends on other resumes.
//
// The same input gives the same result, except that "present" in a date
// range means the engine's current month, recorded in Params["as_of"].
package local

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"

	"shortlist/internal/skill"
	"shortlist/internal/vetting"
)

// Engine is the local vetting engine. It is safe for concurrent use.
type Engine struct {
	dict *skill.Dictionary
	now  func() time.Time
	jobs jobCache
}

// Option changes an Engine.
type Option func(*Engine)

// WithClock sets the clock that dates "present" in the resume; tests pin it.
func WithClock(now func() time.Time) Option { return func(e *Engine) { e.now = now } }

// New returns an engine using the embedded skills dictionary.
func New(opts ...Option) *Engine {
	e := &Engine{dict: skill.Default(), now: time.Now}
	for _, o := range opts {
		o(e)
	}
	return e
}

// Name returns "local".
func (e *Engine) Name() string { return "local" }

// rubric holds every constant that shapes a score. Its hash is the rubric
// version, so a change to any of them is visible in stored results.
var rubric = struct {
	WeightMust, WeightNice, WeightYears, WeightCriterion               float64
	ShareReqs, ShareRelevance, ShareTitle, ShareDomain, ShareEducation float64
	CreditPartly, YearsPartly                                          float64
	K1, B, AvgLen, RelevanceFull, TitleBoost                           float64
}{
	WeightMust: 2, WeightNice: 1, WeightYears: 1.5, WeightCriterion: 1,
	ShareReqs: 0.30, ShareRelevance: 0.25, ShareTitle: 0.30, ShareDomain: 0.10,
	ShareEducation: 0.05,
	CreditPartly:   0.5, YearsPartly: 0.6,
	K1: 1.2, B: 0.75, AvgLen: 600, RelevanceFull: 0.5, TitleBoost: 3,
}

// RubricVersion is a short hash of the rubric constants.
var RubricVersion = func() string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("local-v1 %+v", rubric)))
	return hex.EncodeToString(sum[:6])
}()

// Vet scores one resume against one job. A job without requirements is
// given the ones ProposeRequirements finds in its title and text. The score
// adds up shares of: the requirements' weighted credit, the BM25 relevance
// to the job's words, the job title's words in the resume (its headline
// above all), the overlap of skill families between job and resume (the
// domain), and the level of education.
func (e *Engine) Vet(ctx context.Context, in vetting.Input) (vetting.Result, error) {
	if err := ctx.Err(); err != nil {
		return vetting.Result{}, fmt.Errorf("vet resume: %w", err)
	}
	jm := e.jobs.get(e, in.JobTitle, in.JobText)
	reqs := in.Requirements
	if len(reqs) == 0 {
		reqs = jm.proposed
	}
	now := e.now()
	p := e.profile(in.ResumeText, now.Year()*12+int(now.Month()))

	results, reqScore := e.checkAll(p, reqs)
	rel := relevance(p, jm)
	title := titleMatch(p, jm)
	domain := cosine(jm.families, p.famCount)
	edu := float64(p.eduLevel) / eduDoctorate

	exact := 100 * (rubric.ShareReqs*reqScore + rubric.ShareRelevance*rel +
		rubric.ShareTitle*title + rubric.ShareDomain*domain + rubric.ShareEducation*edu)
	score := min(max(int(exact+0.5), 0), 100)
	return vetting.Result{
		Score:         score,
		Verdict:       vetting.VerdictFor(score),
		Summary:       summary(results, p.years),
		Requirements:  results,
		Engine:        e.Name(),
		RubricVersion: RubricVersion,
		Params: map[string]string{
			"as_of":        now.Format("2006-01"),
			"rank_score":   strconv.FormatFloat(exact, 'f', 4, 64),
			"requirements": strconv.FormatFloat(reqScore, 'f', 3, 64),
			"relevance":    strconv.FormatFloat(rel, 'f', 3, 64),
			"title":        strconv.FormatFloat(title, 'f', 3, 64),
			"domain":       strconv.FormatFloat(domain, 'f', 3, 64),
			"education":    strconv.Itoa(p.eduLevel),
			"years":        strconv.FormatFloat(p.years, 'f', 1, 64),
			"proposed":     strconv.FormatBool(len(in.Requirements) == 0),
		},
	}, nil
}
