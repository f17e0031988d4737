package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"shortlist/internal/skill/token"
)

// supEntry is one line of supplement.txt: a skill and the labels we add.
type supEntry struct {
	name, family string
	labels       []label
}

// supplement is the parsed supplement.txt.
type supplement struct {
	entries []supEntry
	blocked []string
}

// readSupplement parses the hand-made supplement. Each line is either
// "-label" (never match this label) or "name | family | label, label"; a
// label may start with '=' (exact case) or '~' (exact case in a list).
func readSupplement(path string) (*supplement, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open supplement: %w", err)
	}
	defer f.Close()
	sup := &supplement{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "-"):
			sup.blocked = append(sup.blocked, strings.TrimSpace(line[1:]))
		default:
			e, err := parseEntry(line)
			if err != nil {
				return nil, fmt.Errorf("read supplement line %d: %w", n, err)
			}
			sup.entries = append(sup.entries, e)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read supplement: %w", err)
	}
	return sup, nil
}

func parseEntry(line string) (supEntry, error) {
	parts := strings.Split(line, "|")
	if len(parts) != 3 {
		return supEntry{}, fmt.Errorf("want 3 fields separated by |, got %d", len(parts))
	}
	e := supEntry{name: strings.TrimSpace(parts[0]), family: strings.TrimSpace(parts[1])}
	for _, a := range strings.Split(parts[2], ",") {
		a = strings.TrimSpace(a)
		var flag byte
		if a != "" && (a[0] == '=' || a[0] == '~') {
			flag, a = a[0], a[1:]
		}
		if a != "" {
			e.labels = append(e.labels, label{text: a, key: token.Key(a), flag: flag})
		}
	}
	return e, nil
}

// addSupplement registers blocked labels and the supplement's flags before
// the taxonomies are read, so that their labels obey them.
func (b *builder) addSupplement(sup *supplement) {
	for _, l := range sup.blocked {
		b.blocked[token.Key(l)] = true
	}
	for _, e := range sup.entries {
		for _, l := range e.labels {
			if l.flag != 0 {
				b.forced[l.key] = l.flag
			}
		}
	}
}

// applySupplement attaches the supplement's labels to the skill named in
// each entry, creating the skill when no taxonomy has it. A label that a
// taxonomy gave to another skill is taken from it.
func (b *builder) applySupplement(sup *supplement) {
	for _, e := range sup.entries {
		s := b.owner[token.Key(e.name)]
		if s == nil {
			s = &skillOut{name: e.name, family: e.family, source: "ours"}
			b.skills = append(b.skills, s)
			b.take(s, label{text: e.name, key: token.Key(e.name)})
		} else if !strings.Contains(s.source, "ours") {
			s.source += "+ours"
		}
		for _, l := range e.labels {
			b.take(s, l)
		}
	}
}

// take gives label l to s, removing it from any other skill.
func (b *builder) take(s *skillOut, l label) {
	o := b.owner[l.key]
	if o == s && l.flag == 0 {
		return
	}
	if o != nil {
		kept := o.labels[:0]
		for _, x := range o.labels {
			if x.key != l.key {
				kept = append(kept, x)
			}
		}
		o.labels = kept
	}
	b.owner[l.key] = s
	s.labels = append(s.labels, l)
}
