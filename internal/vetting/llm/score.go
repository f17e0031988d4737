package llm

import (
	"cmp"
	"math"
	"slices"

	"shortlist/internal/vetting"
)

// scoring holds every constant that shapes a score. It is part of
// PromptVersion, so a change to any of them shows in stored results.
var scoring = struct {
	WeightMust, WeightNice, WeightYears, WeightCriterion float64
	CreditPartly                                         float64
	ShareRequirements                                    float64
}{
	WeightMust: 2, WeightNice: 1, WeightYears: 1.5, WeightCriterion: 1,
	CreditPartly:      0.5,
	ShareRequirements: 0.6,
}

// judged is one answer after its quotes were checked and its score
// computed again.
type judged struct {
	result     vetting.Result
	dropped    int // quotes not found in the resume, empty ones included
	modelScore int // the model's own overall score
	reqScore   int // weighted credit of the verified verdicts; -1 without requirements
}

// judge turns a checked answer into a result with one RequirementResult per
// requirement of in, in the same order.
//
// The score is computed again, as follows. R is 100 times the weighted share
// of credit the verified verdicts earn (met 1, partly met 0.5, not met and
// unverified 0), with each requirement's weight or its kind's default (must
// 2, nice 1, years 1.5, criterion 1). M is the model's overall score. When
// any quote was invented or missing, M is lowered to R at most: the model's
// overall view leaned on evidence that is not there. The score is
// round(0.6 R + 0.4 M), or M alone when the job has no requirements. A
// requirement claimed with an invented quote therefore earns the same as one
// not met, and it can only lower M, never raise the score.
//
// TODO: verification proves that a quote is in the resume, not that it
// shows the requirement; a real but unrelated quote passes, and only a
// person reading the evidence catches it.
func judge(in vetting.Input, a answer) judged {
	r := vetting.Result{
		Summary:      *a.Summary,
		Requirements: requirementResults(in.Requirements, a.Requirements),
	}
	j := judged{modelScore: *a.Score, reqScore: -1}
	j.dropped = vetting.VerifyEvidence(in.ResumeText, &r)
	for i := range r.Requirements {
		if rr := &r.Requirements[i]; rr.Verdict == vetting.Unverified {
			rr.Reason = "the quoted evidence is not in the resume; the model said: " + rr.Reason
		}
	}

	r.Score = j.modelScore
	if req, ok := requirementScore(in.Requirements, r.Requirements); ok {
		j.reqScore = int(math.Round(req))
		model := float64(j.modelScore)
		if j.dropped > 0 {
			model = min(model, req)
		}
		share := scoring.ShareRequirements
		r.Score = int(math.Round(share*req + (1-share)*model))
	}
	r.Verdict = vetting.VerdictFor(r.Score)
	j.result = r
	return j
}

// requirementResults matches the model's verdicts to the requirements by
// id. Unknown ids are ignored, the first verdict for an id wins, and a
// requirement the model skipped is not met.
func requirementResults(reqs []vetting.Requirement, got []answerReq) []vetting.RequirementResult {
	byID := make(map[int64]answerReq, len(got))
	for _, g := range got {
		if _, dup := byID[*g.ID]; !dup {
			byID[*g.ID] = g
		}
	}
	out := make([]vetting.RequirementResult, 0, len(reqs))
	for _, q := range reqs {
		rr := vetting.RequirementResult{RequirementID: q.ID, Text: q.Text,
			Verdict: vetting.NotMet, Reason: "the model gave no verdict"}
		if g, ok := byID[q.ID]; ok {
			rr.Verdict, rr.Reason = vetting.ReqVerdict(g.Verdict), g.Reason
			// A claim needs a quote; an empty one fails verification like an
			// invented one.
			if rr.Verdict != vetting.NotMet {
				rr.Evidence = []vetting.Evidence{{Quote: g.Quote}}
			}
		}
		out = append(out, rr)
	}
	return out
}

// requirementScore returns 100 times the weighted share of credit earned,
// and false when there is nothing to weigh.
func requirementScore(reqs []vetting.Requirement, rs []vetting.RequirementResult) (float64, bool) {
	var earned, total float64
	for i, q := range reqs {
		w := weight(q)
		earned += w * credit(rs[i].Verdict)
		total += w
	}
	if total == 0 {
		return 0, false
	}
	return 100 * earned / total, true
}

// weight returns a requirement's weight, its own or its kind's default.
func weight(r vetting.Requirement) float64 {
	if r.Weight > 0 {
		return r.Weight
	}
	switch r.Kind {
	case vetting.KindMust:
		return scoring.WeightMust
	case vetting.KindNice:
		return scoring.WeightNice
	case vetting.KindYears:
		return scoring.WeightYears
	}
	return scoring.WeightCriterion
}

// credit is what a verified verdict earns.
func credit(v vetting.ReqVerdict) float64 {
	switch v {
	case vetting.Met:
		return 1
	case vetting.PartlyMet:
		return scoring.CreditPartly
	}
	return 0
}

// median returns the sample with the median score (the lower of the two
// middle ones when there is an even number, so that it is a real answer)
// and the spread, the highest score minus the lowest.
func median(ss []sample) (sample, int) {
	sorted := slices.SortedStableFunc(slices.Values(ss), func(a, b sample) int {
		return cmp.Compare(a.result.Score, b.result.Score)
	})
	n := len(sorted)
	return sorted[(n-1)/2], sorted[n-1].result.Score - sorted[0].result.Score
}
