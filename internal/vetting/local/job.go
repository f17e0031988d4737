package local

import (
	"crypto/sha256"
	"math"
	"regexp"
	"strings"
	"sync"

	"shortlist/internal/skill/token"
	"shortlist/internal/vetting"
)

// jobModel is what the engine reads from a job once and reuses for every
// resume vetted against it.
type jobModel struct {
	proposed []vetting.Requirement // used when the input has none
	query    map[string]float64    // stem → BM25 query weight
	best     float64               // sum of the query weights
	title    map[string]float64    // title stem → weight
	families map[string]float64    // skill family → weight, for the domain
}

// jobCache keeps the models of recent jobs. It only saves work: a model is a
// pure function of the job's title and text.
type jobCache struct {
	mu sync.Mutex
	m  map[[32]byte]*jobModel
}

// maxCachedJobs bounds the cache; it is emptied when full.
const maxCachedJobs = 64

func (c *jobCache) get(e *Engine, title, text string) *jobModel {
	key := sha256.Sum256([]byte(title + "\x00" + text))
	c.mu.Lock()
	jm, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return jm
	}
	jm = e.model(title, text)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxCachedJobs {
		c.m = map[[32]byte]*jobModel{}
	}
	c.m[key] = jm
	c.mu.Unlock()
	return jm
}

// model builds the job model: query weights from the text with the title's
// words counted TitleBoost times, the title's rarer words, the skill
// families the job mentions, and proposed requirements.
func (e *Engine) model(title, text string) *jobModel {
	jm := &jobModel{query: map[string]float64{}, title: map[string]float64{},
		families: map[string]float64{}}
	qtf := map[string]float64{}
	idf := map[string]float64{}
	add := func(s string, n float64) {
		for _, t := range token.Norms(s) {
			st := stem(t)
			qtf[st] += n
			idf[st] = math.Max(idf[st], e.dict.IDF(t))
		}
	}
	add(text, 1)
	add(title, rubric.TitleBoost)
	for st, n := range qtf {
		w := (1 + math.Log(n)) * idf[st]
		jm.query[st] = w
		jm.best += w
	}
	jm.title = titleWords(title, companyWords(text))
	for _, m := range e.dict.Find(title + "\n" + text) {
		if m.Skill.Family != "" {
			jm.families[m.Skill.Family]++
		}
	}
	jm.proposed = vetting.ProposeRequirements(title + "\n" + text)
	return jm
}

// cosine returns the cosine similarity of two family vectors, each count
// damped by a square root so that one repeated skill does not dominate.
func cosine(a, b map[string]float64) float64 {
	var dot, na, nb float64
	for k, x := range a {
		x = math.Sqrt(x)
		na += x * x
		if y, ok := b[k]; ok {
			dot += x * math.Sqrt(y)
		}
	}
	for _, y := range b {
		nb += y
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// titleStop are words of job titles that say nothing about the role.
var titleStop = map[string]bool{"and": true, "of": true, "the": true, "for": true, "in": true,
	"a": true, "an": true, "to": true, "at": true, "with": true}

// titleWords weighs the words of a job title: the words before the first
// comma, dash or bracket name the role and weigh 1; the words after it
// usually name a team or product and weigh half. The employer's own name
// is left out.
func titleWords(title string, company map[string]bool) map[string]float64 {
	out := map[string]float64{}
	role, rest := title, ""
	if i := strings.IndexAny(title, ",(–—|"); i > 0 {
		role, rest = title[:i], title[i:]
	}
	for _, part := range []struct {
		text string
		w    float64
	}{{rest, 0.5}, {role, 1}} {
		for _, n := range token.Norms(part.text) {
			if !titleStop[n] && !company[n] {
				out[stem(n)] = part.w
			}
		}
	}
	return out
}

var companyLine = regexp.MustCompile(`(?im)^\s*(?:company|employer|organi[sz]ation)\s*:\s*(.+)$`)

// companyWords returns the words of the employer's name when the job text
// has a "Company:" line, so that the employer is not taken for a skill or a
// part of the role.
func companyWords(text string) map[string]bool {
	out := map[string]bool{}
	if m := companyLine.FindStringSubmatch(text); m != nil {
		for _, n := range token.Norms(m[1]) {
			out[n] = true
		}
	}
	return out
}
