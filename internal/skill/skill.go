// Package skill is Shortlist's dictionary of skills: thousands of skills for
// IT and non-IT work with their alternative labels and families, embedded in
// the binary, and a fast matcher that finds them in resumes and job texts.
//
// The data is derived from ESCO v1.1.1 and the O*NET 29.2 Database (see
// NOTICE for the attribution and the changes made) plus a small hand-made
// supplement in gen/supplement.txt. Regenerate it with
// `go generate ./internal/skill` when ../shared/data/skills is present.
//
// Matching is on normalised tokens (see package token), case-insensitive and
// word-boundary aware; the longest label wins. Labels that are ordinary
// English words need more: a label marked exact-case ("Excel", "HR") matches
// only as written, and a label marked list-context ("Go", "R", "C", "Chef",
// "Access") matches only as written and only when it stands in a list: next
// to a comma, semicolon, slash, bar, bracket, colon or bullet, or alone on
// its line. So "Go, Python" finds Go while "go to market" and "Go to market"
// do not; the cost is that "written in Go and Python" misses Go.
//
// Known shortcomings:
//   - TODO: some ESCO alternative labels are loose synonyms ("banking" for
//     economics, "Conversation" for communication), so a match can name a
//     broader or neighbouring skill than the resume meant; only the worst
//     are blocked in gen/supplement.txt.
//   - TODO: ESCO and O*NET families are separate vocabularies, so two related
//     skills from different sources (Java from ESCO, Go from O*NET) do not
//     share a family and earn no partial credit for each other.
//   - TODO: O*NET "Tools Used" (physical tools of the trades) is not included,
//     which leaves manual trades with fewer skills than office work.
//   - TODO: Skill.ID is the line number in the generated file and changes when
//     the dictionary is regenerated; store names, not IDs.
//   - Loading the embedded dictionary takes about 0.3 s and some 50 MB on
//     first use (Default loads it once).
package skill

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"shortlist/internal/skill/token"
)

// Skill is one entry of the dictionary.
type Skill struct {
	ID      int      // position in the embedded file; changes when it is regenerated
	Name    string   // canonical name
	Aliases []string // other labels that name the skill
	Family  string   // group of related skills, e.g. "Spreadsheet software"
}

// Dictionary is an immutable skills dictionary with its matcher. It is safe
// for concurrent use.
type Dictionary struct {
	skills []Skill
	vocab  map[string]uint32 // token → token number, from 1
	edges  map[uint64]uint32 // node<<32 | token → child node; node 0 is the root
	ends   map[uint32][]entry
	idf    idfTable
}

// entry is one label ending at a trie node.
type entry struct {
	skill   int32
	flag    byte     // 0 any case, '=' exact case, '~' exact case in a list
	surface []string // the label's tokens as written, for exact-case labels
}

//go:embed skills.tsv.gz
var skillsData []byte

//go:embed idf.tsv.gz
var idfData []byte

var (
	defaultOnce sync.Once
	defaultDict *Dictionary
)

// Default returns the dictionary embedded in the binary, loading it on first
// use. The embedded data is generated and tested, so a failure to read it is
// a build defect and panics.
func Default() *Dictionary {
	defaultOnce.Do(func() {
		d, err := Load(bytes.NewReader(skillsData), bytes.NewReader(idfData))
		if err != nil {
			panic(fmt.Sprintf("load embedded skills dictionary: %v", err))
		}
		defaultDict = d
	})
	return defaultDict
}

// Load reads a dictionary in the generator's format: gzipped skills and
// gzipped word document frequencies.
func Load(skills, idf io.Reader) (*Dictionary, error) {
	d := &Dictionary{
		vocab: map[string]uint32{},
		edges: map[uint64]uint32{},
		ends:  map[uint32][]entry{},
	}
	if err := readGzipLines(skills, d.addLine); err != nil {
		return nil, fmt.Errorf("load skills: %w", err)
	}
	if err := readGzipLines(idf, d.idf.addLine); err != nil {
		return nil, fmt.Errorf("load word statistics: %w", err)
	}
	return d, nil
}

// Len returns the number of skills.
func (d *Dictionary) Len() int { return len(d.skills) }

// Lookup finds the skill that name (its canonical name or any label, in any
// case) stands for.
func (d *Dictionary) Lookup(name string) (*Skill, bool) {
	node := uint32(0)
	for _, n := range token.Norms(name) {
		id, ok := d.vocab[n]
		if !ok {
			return nil, false
		}
		if node, ok = d.edges[uint64(node)<<32|uint64(id)]; !ok {
			return nil, false
		}
	}
	es := d.ends[node]
	if node == 0 || len(es) == 0 {
		return nil, false
	}
	return &d.skills[es[0].skill], true
}

// addLine parses one line of the skills file.
func (d *Dictionary) addLine(line string) error {
	if strings.HasPrefix(line, "#") || line == "" {
		return nil
	}
	f := strings.Split(line, "\t")
	if len(f) != 5 {
		return fmt.Errorf("parse skill line %q: want 5 fields, got %d", line, len(f))
	}
	id, err := strconv.Atoi(f[0])
	if err != nil {
		return fmt.Errorf("parse skill id: %w", err)
	}
	idx := int32(len(d.skills))
	s := Skill{ID: id, Name: f[1], Family: f[2]}
	nameKey := token.Key(f[1])
	for _, l := range strings.Split(f[4], "|") {
		var flag byte
		if l != "" && (l[0] == '=' || l[0] == '~') {
			flag, l = l[0], l[1:]
		}
		if d.insert(l, idx, flag) && token.Key(l) != nameKey {
			s.Aliases = append(s.Aliases, l)
		}
	}
	d.skills = append(d.skills, s)
	return nil
}

// insert adds a label to the trie and reports whether it was added.
func (d *Dictionary) insert(label string, skill int32, flag byte) bool {
	toks := token.Tokenize(label)
	if len(toks) == 0 {
		return false
	}
	node := uint32(0)
	surface := make([]string, len(toks))
	for i, t := range toks {
		surface[i] = t.Surface(label)
		id, ok := d.vocab[t.Norm]
		if !ok {
			id = uint32(len(d.vocab) + 1)
			d.vocab[t.Norm] = id
		}
		k := uint64(node)<<32 | uint64(id)
		child, ok := d.edges[k]
		if !ok {
			child = uint32(len(d.edges) + 1)
			d.edges[k] = child
		}
		node = child
	}
	e := entry{skill: skill, flag: flag}
	if flag != 0 {
		e.surface = surface
	}
	// Labels that match in any case come first, so they are tried first.
	es := d.ends[node]
	if flag == 0 {
		es = append([]entry{e}, es...)
	} else {
		es = append(es, e)
	}
	d.ends[node] = es
	return true
}

// readGzipLines calls fn with every line of a gzipped text stream.
func readGzipLines(r io.Reader, fn func(string) error) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("open gzip: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return fmt.Errorf("read gzip: %w", err)
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if err := fn(line); err != nil {
			return err
		}
	}
	return nil
}
