package local

import (
	"shortlist/internal/skill"
	"shortlist/internal/skill/token"
	"shortlist/internal/vetting"
)

// profile is what the engine reads from a resume once, before checking
// requirements.
type profile struct {
	text     string
	norms    map[string]int // normalised token → count, for criteria
	stems    map[string]int // stem → count, for relevance
	length   int
	head     map[string]bool        // stems of the first lines, usually a title
	skills   map[int]skill.Match    // first mention of each skill
	families map[string]skill.Match // first mention of a skill of each family
	famCount map[string]float64     // mentions per family, for the domain
	years    float64
	dates    []vetting.Evidence
	eduLevel int
	eduEv    *vetting.Evidence
}

// headBytes is how much of the top of a resume counts as its headline.
const headBytes = 160

func (e *Engine) profile(text string, asOf int) *profile {
	p := &profile{
		text:     text,
		norms:    map[string]int{},
		stems:    map[string]int{},
		head:     map[string]bool{},
		skills:   map[int]skill.Match{},
		families: map[string]skill.Match{},
		famCount: map[string]float64{},
	}
	for _, t := range token.Tokenize(text) {
		st := stem(t.Norm)
		p.norms[t.Norm]++
		p.stems[st]++
		p.length++
		if t.Start < headBytes {
			p.head[st] = true
		}
	}
	for _, m := range e.dict.Find(text) {
		if _, ok := p.skills[m.Skill.ID]; !ok {
			p.skills[m.Skill.ID] = m
		}
		f := m.Skill.Family
		if f == "" {
			continue
		}
		p.famCount[f]++
		if _, ok := p.families[f]; !ok {
			p.families[f] = m
		}
	}
	p.years, p.dates = experience(text, asOf)
	p.eduLevel, p.eduEv = education(text)
	return p
}
