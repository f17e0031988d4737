package local

import (
	"fmt"
	"strings"

	"shortlist/internal/skill/token"
	"shortlist/internal/vetting"
)

// credit is what each requirement verdict earns.
func credit(v vetting.ReqVerdict) float64 {
	switch v {
	case vetting.Met:
		return 1
	case vetting.PartlyMet:
		return rubric.CreditPartly
	}
	return 0
}

// weight returns a requirement's weight, its own or its kind's default.
func weight(r vetting.Requirement) float64 {
	if r.Weight > 0 {
		return r.Weight
	}
	switch r.Kind {
	case vetting.KindMust:
		return rubric.WeightMust
	case vetting.KindNice:
		return rubric.WeightNice
	case vetting.KindYears:
		return rubric.WeightYears
	}
	return rubric.WeightCriterion
}

// checkAll checks every requirement and returns the results and the
// weighted share of credit earned, from 0 to 1.
func (e *Engine) checkAll(p *profile, reqs []vetting.Requirement) (
	[]vetting.RequirementResult, float64) {
	out := make([]vetting.RequirementResult, 0, len(reqs))
	var earned, total float64
	for _, r := range reqs {
		rr := e.check(p, r)
		rr.RequirementID, rr.Text = r.ID, r.Text
		out = append(out, rr)
		w := weight(r)
		earned += w * credit(rr.Verdict)
		total += w
	}
	if total == 0 {
		return out, 0
	}
	return out, earned / total
}

// check judges one requirement.
func (e *Engine) check(p *profile, r vetting.Requirement) vetting.RequirementResult {
	switch r.Kind {
	case vetting.KindYears:
		return checkYears(p, r.Years)
	case vetting.KindMust, vetting.KindNice:
		if rr, ok := e.checkSkill(p, r.Text); ok {
			return rr
		}
	}
	return e.checkCriterion(p, r.Text)
}

// checkSkill looks for the skills named in text. The same skill (by any of
// its labels) meets the requirement; another skill of the same family meets
// it partly. When text names several skills, the best one counts. It
// reports false when text names no known skill.
func (e *Engine) checkSkill(p *profile, text string) (vetting.RequirementResult, bool) {
	wanted := e.dict.Find(text)
	if len(wanted) == 0 {
		return vetting.RequirementResult{}, false
	}
	best := vetting.RequirementResult{Verdict: vetting.NotMet,
		Reason: fmt.Sprintf("no mention of %s or a related skill", wanted[0].Skill.Name)}
	for _, w := range wanted {
		if m, ok := p.skills[w.Skill.ID]; ok {
			return vetting.RequirementResult{Verdict: vetting.Met,
				Evidence: []vetting.Evidence{quote(p.text, m.Start, m.End)},
				Reason:   "mentions " + w.Skill.Name}, true
		}
		m, ok := p.families[w.Skill.Family]
		if ok && best.Verdict == vetting.NotMet {
			best = vetting.RequirementResult{Verdict: vetting.PartlyMet,
				Evidence: []vetting.Evidence{quote(p.text, m.Start, m.End)},
				Reason: fmt.Sprintf("no %s, but %s from the same family (%s)",
					w.Skill.Name, m.Skill.Name, w.Skill.Family)}
		}
	}
	return best, true
}

// checkYears compares the estimated years of dated experience.
//
// TODO: all dated roles count, whatever the requirement's field, so "5 years
// of nursing" is met by 5 years of anything.
func checkYears(p *profile, want int) vetting.RequirementResult {
	rr := vetting.RequirementResult{Verdict: vetting.NotMet,
		Reason: fmt.Sprintf("about %.1f years of dated experience, %d wanted", p.years, want)}
	switch y := p.years; {
	case y >= float64(want):
		rr.Verdict = vetting.Met
	case y >= rubric.YearsPartly*float64(want):
		rr.Verdict = vetting.PartlyMet
	}
	if rr.Verdict != vetting.NotMet {
		rr.Evidence = p.dates[:min(3, len(p.dates))]
	}
	return rr
}

// Term overlap needed for a criterion to be met or partly met.
const (
	criterionMet    = 0.6
	criterionPartly = 0.3
	minTermIDF      = 2.0 // words more common than this say nothing
)

// checkCriterion checks a free-text requirement: a degree by its level,
// anything else by the share of its rarer words (weighted by IDF) that the
// resume uses.
//
// TODO: words are matched literally, so "equivalent practical experience" or
// a criterion phrased with synonyms is only met when the resume uses the
// same words.
func (e *Engine) checkCriterion(p *profile, text string) vetting.RequirementResult {
	if want := requiredEducation(text); want != eduNone {
		return checkEducation(p, want)
	}
	var have, total float64
	var ev []vetting.Evidence
	for _, n := range uniqueNorms(text) {
		idf := e.dict.IDF(n)
		if idf < minTermIDF || isFiller(n) {
			continue
		}
		total += idf
		if p.norms[n] > 0 {
			have += idf
			if len(ev) < 2 {
				ev = append(ev, firstMention(p.text, n))
			}
		}
	}
	rr := vetting.RequirementResult{Verdict: vetting.NotMet, Reason: "its words are missing"}
	if total == 0 {
		rr.Reason = "nothing specific to check"
		return rr
	}
	share := have / total
	switch {
	case share >= criterionMet:
		rr.Verdict, rr.Reason = vetting.Met, "the resume uses its words"
	case share >= criterionPartly:
		rr.Verdict, rr.Reason = vetting.PartlyMet, "the resume uses some of its words"
	}
	if rr.Verdict != vetting.NotMet {
		rr.Evidence = ev
	}
	return rr
}

var levelNames = []string{"no degree", "an associate degree or diploma", "a bachelor's degree",
	"a master's degree", "a doctorate"}

// checkEducation compares the resume's highest degree with the one wanted.
func checkEducation(p *profile, want int) vetting.RequirementResult {
	rr := vetting.RequirementResult{Verdict: vetting.NotMet,
		Reason: "names " + levelNames[p.eduLevel] + ", wants " + levelNames[want]}
	switch {
	case p.eduLevel >= want:
		rr.Verdict = vetting.Met
	case p.eduLevel > eduNone:
		rr.Verdict = vetting.PartlyMet
	}
	if p.eduEv != nil && rr.Verdict != vetting.NotMet {
		rr.Evidence = []vetting.Evidence{*p.eduEv}
	}
	return rr
}

func uniqueNorms(text string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range token.Norms(text) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// firstMention quotes the line around the first token of text whose
// normalised form is norm.
func firstMention(text, norm string) vetting.Evidence {
	for _, t := range token.Tokenize(text) {
		if t.Norm == norm {
			return lineAround(text, t.Start, t.End)
		}
	}
	return vetting.Evidence{}
}

// filler are words of job ads that the background statistics rate as rare
// but that say nothing about a candidate.
var filler = map[string]bool{"equivalent": true, "practical": true, "preferred": true,
	"ability": true, "proven": true, "strong": true, "excellent": true, "relevant": true}

func isFiller(n string) bool { return filler[n] || strings.IndexFunc(n, isDigit) == 0 }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
