package main

import (
	"regexp"
	"strings"
	"unicode"

	"shortlist/internal/skill/token"
)

// labelKind says where a label came from; the filters differ by origin.
type labelKind int

const (
	kindPreferred labelKind = iota // ESCO preferred label or O*NET example
	kindAlt                        // ESCO alternative label
	kindDerived                    // made here, e.g. a vendor name stripped
	kindOurs                       // from the hand-made supplement
)

// maxTokens is the longest label kept; longer ESCO phrases describe tasks and
// practically never occur word for word in a resume.
const maxTokens = 6

// label is one matchable spelling of a skill. flag is 0 (any case), '='
// (exact case) or '~' (exact case and a list context, see package skill).
type label struct {
	text string
	key  string
	flag byte
}

// skillOut is one skill of the generated dictionary.
type skillOut struct {
	name, family, source string
	labels               []label
}

// builder collects skills and labels, giving each label key to one skill.
type builder struct {
	common  map[string]int
	skills  []*skillOut
	owner   map[string]*skillOut
	blocked map[string]bool
	forced  map[string]byte
}

func newBuilder(common map[string]int) *builder {
	return &builder{
		common:  common,
		owner:   map[string]*skillOut{},
		blocked: map[string]bool{},
		forced:  map[string]byte{},
	}
}

var parenSuffix = regexp.MustCompile(`^(.+?)\s*\(([^()]*)\)$`)

// addESCO adds every ESCO skill with its preferred and alternative labels.
func (b *builder) addESCO(d *escoData) {
	for _, e := range d.skills {
		name := clean(e.name)
		s := &skillOut{name: name, family: e.family, source: "esco"}
		b.addLabel(s, name, kindPreferred)
		// "Java (computer programming)" is written "Java" in resumes.
		if m := parenSuffix.FindStringSubmatch(name); m != nil {
			b.addLabel(s, m[1], kindAlt)
		}
		for _, a := range e.alts {
			b.addLabel(s, a, kindAlt)
		}
		b.keep(s)
	}
}

// addONET adds the technology examples; one whose name is already a label
// joins that skill instead of making a duplicate.
func (b *builder) addONET(d *onetData) {
	for _, t := range d.tech {
		name := clean(t.name)
		s := b.owner[token.Key(name)]
		fresh := s == nil
		if fresh {
			s = &skillOut{name: name, family: t.family, source: "onet"}
		} else if !strings.Contains(s.source, "onet") {
			s.source += "+onet"
		}
		b.addLabel(s, name, kindPreferred)
		for _, a := range derivedNames(name) {
			b.addLabel(s, a, kindDerived)
		}
		if fresh {
			b.keep(s)
		}
	}
}

// keep appends s to the dictionary when it has at least one label.
func (b *builder) keep(s *skillOut) {
	if len(s.labels) > 0 {
		b.skills = append(b.skills, s)
	}
}

// addLabel gives text to s as a label unless a filter or an earlier skill
// claims it.
func (b *builder) addLabel(s *skillOut, text string, kind labelKind) {
	text = clean(text)
	if text == "" || strings.ContainsAny(text, "|\t") {
		return
	}
	norms := token.Norms(text)
	key := strings.Join(norms, " ")
	if key == "" || len(norms) > maxTokens || b.blocked[key] {
		return
	}
	if o := b.owner[key]; o != nil {
		return
	}
	flag, ok := b.flagFor(text, norms, kind)
	if !ok {
		return
	}
	b.owner[key] = s
	s.labels = append(s.labels, label{text: text, key: key, flag: flag})
}

// flagFor decides whether a label is kept and how strictly it must match.
// Multi-word labels match in any case unless they are only function words.
// A single word that the taxonomies' prose uses in lower case is ordinary
// English: written in lower case it stays only when it is a skill's own name
// ("accounting") or a rarer alternative ("bookkeeping"); capitalised
// ("Access", "Go") it needs its exact case and a list context, and a short
// name made here by dropping a vendor is dropped. Other one- and two-letter
// names ("R", "IC") need exact case and a list context as well.
func (b *builder) flagFor(text string, norms []string, kind labelKind) (byte, bool) {
	key := strings.Join(norms, " ")
	if f, ok := b.forced[key]; ok {
		return f, true
	}
	if len(norms) > 1 {
		// A label that starts or ends with a function word ("and
		// procedures") is a fragment, not a name.
		edge := joiners[norms[0]] || joiners[norms[len(norms)-1]]
		return 0, kind == kindOurs || (!edge && !allStop(norms))
	}
	w := norms[0]
	upper := hasUpper(text)
	df := b.common[w]
	switch {
	case len([]rune(w)) <= 2:
		return '~', upper
	case stopWords[w]:
		return 0, false
	case df < commonDocs:
		return 0, true
	case kind == kindDerived:
		// "Word" from "Microsoft Word" is too ordinary without its vendor.
		return 0, false
	case upper:
		return '~', true
	case kind == kindPreferred:
		return 0, true
	}
	return 0, kind == kindAlt && df < veryCommonDocs
}

// derivedNames returns shorter names for an O*NET example: without a known
// vendor in front ("Adobe Photoshop" → "Photoshop") and without a trailing
// "software".
func derivedNames(name string) []string {
	var out []string
	base := strings.TrimSuffix(name, " software")
	if base != name {
		out = append(out, base)
	}
	for _, v := range vendors {
		if rest, ok := strings.CutPrefix(base, v+" "); ok && len(rest) > 2 {
			out = append(out, rest)
		}
	}
	return out
}

func allStop(norms []string) bool {
	for _, w := range norms {
		if !stopWords[w] && !isNumber(w) {
			return false
		}
	}
	return true
}

func isNumber(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' }) < 0
}

func hasUpper(s string) bool { return strings.IndexFunc(s, unicode.IsUpper) >= 0 }

// cleaner folds the odd characters found in the taxonomies' labels.
var cleaner = strings.NewReplacer(
	"\u00a0", " ", "\u200b", "", "\u2010", "-", "\u2011", "-", "\u2013", "-",
	"\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`,
)

// clean folds odd characters and collapses white space.
func clean(s string) string { return strings.Join(strings.Fields(cleaner.Replace(s)), " ") }

// finish returns the skills in creation order.
func (b *builder) finish() []*skillOut {
	out := b.skills[:0]
	for _, s := range b.skills {
		if len(s.labels) > 0 {
			out = append(out, s)
		}
	}
	return out
}

func countLabels(skills []*skillOut) int {
	n := 0
	for _, s := range skills {
		n += len(s.labels)
	}
	return n
}
