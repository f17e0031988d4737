package skill

import (
	"unicode"
	"unicode/utf8"

	"shortlist/internal/skill/token"
)

// Match is one mention of a skill in a text.
type Match struct {
	Skill      *Skill
	Start, End int // byte offsets into the text
}

// Find returns every skill mention in text, in order, without overlaps; at
// each position the longest label wins.
func (d *Dictionary) Find(text string) []Match {
	toks := token.Tokenize(text)
	ids := make([]uint32, len(toks))
	for i, t := range toks {
		ids[i] = d.vocab[t.Norm]
	}
	var out []Match
	for i := 0; i < len(toks); {
		end, skill := d.longest(text, toks, ids, i)
		if end < 0 {
			i++
			continue
		}
		out = append(out, Match{Skill: &d.skills[skill], Start: toks[i].Start,
			End: toks[end].End})
		i = end + 1
	}
	return out
}

// longest walks the trie from token i and returns the last token and the
// skill of the longest acceptable label, or -1.
func (d *Dictionary) longest(text string, toks []token.Token, ids []uint32, i int) (int, int32) {
	best, skill := -1, int32(-1)
	node := uint32(0)
	for j := i; j < len(toks) && ids[j] != 0; j++ {
		child, ok := d.edges[uint64(node)<<32|uint64(ids[j])]
		if !ok {
			break
		}
		node = child
		for _, e := range d.ends[node] {
			if accept(e, text, toks[i:j+1]) {
				best, skill = j, e.skill
				break
			}
		}
	}
	return best, skill
}

// accept reports whether a label entry matches the tokens as written.
func accept(e entry, text string, toks []token.Token) bool {
	if e.flag == 0 {
		return true
	}
	for k, t := range toks {
		if t.Surface(text) != e.surface[k] {
			return false
		}
	}
	return e.flag == '=' || inList(text, toks[0].Start, toks[len(toks)-1].End)
}

// inList reports whether the span [start, end) stands in a list: a list
// separator right after it or right before it, or a line to itself.
func inList(text string, start, end int) bool {
	before, after := prevRune(text, start), nextRune(text, end)
	switch {
	case isSep(after) || after == ')':
		return true
	case isSep(before) || before == '(' || before == ':' || isBullet(before):
		return true
	}
	return (before == '\n' || before == 0) && (after == '\n' || after == 0)
}

func isSep(r rune) bool { return r == ',' || r == ';' || r == '/' || r == '|' }

func isBullet(r rune) bool {
	return r == '•' || r == '·' || r == '▪' || r == '●' || r == '*' || r == '‣' || r == '◦'
}

// prevRune returns the last rune before i that is not a space or tab, or 0.
func prevRune(text string, i int) rune {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if r != '\n' && unicode.IsSpace(r) {
			i -= n
			continue
		}
		return r
	}
	return 0
}

// nextRune returns the first rune at or after i that is not a space or tab,
// or 0.
func nextRune(text string, i int) rune {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r != '\n' && unicode.IsSpace(r) {
			i += n
			continue
		}
		return r
	}
	return 0
}
