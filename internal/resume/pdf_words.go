package resume

import (
	"slices"
	"strings"
)

// seg is a run of characters on one line, without a wide gap inside.
type seg struct {
	text string
	box  rect
}

// segGap is the gap, in line heights, that ends a segment: wider than any
// word space, narrower than a column gutter.
const segGap = 0.8

// segments groups the visible characters, in content order, into
// segments, rebuilding word spaces from the gaps between glyphs.
func segments(chars []pchar) []seg {
	var out []seg
	var cur []pchar
	spaceBefore := map[int]spaceKind{}
	for _, c := range chars {
		if c.hidden != "" {
			continue
		}
		if c.r == ' ' {
			if len(cur) > 0 && spaceBefore[len(cur)] != realSpace {
				spaceBefore[len(cur)] = c.space
			}
			continue
		}
		if len(cur) > 0 && breaksSegment(cur[len(cur)-1], c) {
			out = append(out, buildSeg(cur, spaceBefore))
			cur, spaceBefore = cur[:0], map[int]spaceKind{}
		}
		cur = append(cur, c)
	}
	if len(cur) > 0 {
		out = append(out, buildSeg(cur, spaceBefore))
	}
	return out
}

// breaksSegment reports whether c cannot continue the segment ending in
// prev: another line, a step backwards or a wide gap.
func breaksSegment(prev, c pchar) bool {
	h := max(prev.box.h(), c.box.h(), 0.1)
	overlap := min(prev.box.t, c.box.t) - max(prev.box.b, c.box.b)
	if overlap < 0.5*min(prev.box.h(), c.box.h()) {
		return true
	}
	gap := c.box.l - prev.box.r
	return gap < -0.5*h || gap > segGap*h
}

// TODO: in letter-spaced text a word break survives only where its gap is
// clearly wider than the letter spacing; otherwise words run together.
// buildSeg turns characters into text. A space goes where the content had
// one, where the engine guessed one, or where the gap is wider than the
// usual gap between letters by 0.15 line heights (some producers write no
// spaces at all and boxes of neighbouring letters may overlap). In
// letter-spaced text (wide gaps between most letters) the engine's guesses
// are ignored and only gaps clearly wider than the letter spacing count,
// which keeps headings such as "J A R E D" whole.
func buildSeg(cs []pchar, spaceBefore map[int]spaceKind) seg {
	box := cs[0].box
	gaps := make([]float64, 0, len(cs))
	for i, c := range cs {
		box = rect{min(box.l, c.box.l), min(box.b, c.box.b),
			max(box.r, c.box.r), max(box.t, c.box.t)}
		if i > 0 && spaceBefore[i] != realSpace {
			gaps = append(gaps, gapAfter(cs[i-1], c))
		}
	}
	h := medianHeight(cs)
	m := median(gaps)
	spaced := m > 0.1*h
	threshold := m + 0.15*h
	if spaced {
		threshold = max(0.2*h, 1.8*m)
	}
	var b strings.Builder
	for i, c := range cs {
		if i > 0 && (spaceBefore[i] == realSpace || !spaced && spaceBefore[i] == guessedSpace ||
			gapAfter(cs[i-1], c) > threshold) {
			b.WriteByte(' ')
		}
		if c.r != glyphOnly {
			b.WriteRune(c.r)
		}
	}
	return seg{text: strings.TrimSpace(b.String()), box: box}
}

// gapAfter returns the horizontal gap between prev and c. The box of an
// "f" can reach over the next letter by a third of its width, which would
// hide the space in "of course"; its right edge is estimated instead.
func gapAfter(prev, c pchar) float64 {
	right := prev.box.r
	if prev.r == 'f' {
		right = prev.box.l + 0.7*(prev.box.r-prev.box.l)
	}
	return c.box.l - right
}

// medianHeight returns the median box height of cs.
func medianHeight(cs []pchar) float64 {
	hs := make([]float64, len(cs))
	for i, c := range cs {
		hs[i] = c.box.h()
	}
	return median(hs)
}

// median returns the median of xs, or 0 for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
