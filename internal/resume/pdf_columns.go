package resume

import (
	"math"
	"slices"
)

// Column detection. A gutter is a vertical strip crossed by few segments,
// with enough rows of text on each side. Right-aligned dates beside a
// single column do not count: each side needs three rows and the shorter
// side at least 30% of the rows of the longer one.
const (
	minColumnRows  = 3
	minColumnShare = 0.3
	maxGridCells   = 4096
)

// TODO: gutters are looked for across the whole region, so a two-column
// block inside an otherwise single-column page (a skills table between
// full-width paragraphs) is read row by row, interleaving its columns.
// Rotated and vertical text is laid out as if it were horizontal.
// splitColumns finds the widest valid gutter and sorts segments into those
// left of it, right of it, and spanning it.
func splitColumns(segs []seg) (left, right, span []seg, ok bool) {
	lo, hi, h := extent(segs)
	if hi-lo < 4*h {
		return nil, nil, nil, false
	}
	allow := max(2, len(segs)/5)
	best := 0.0
	for _, g := range gutters(segs, lo, hi, allow, max(h, 6)) {
		l, r, s := sides(segs, g[0], g[1])
		if len(s) > allow || !balanced(rowsOf(l), rowsOf(r)) {
			continue
		}
		if w := g[1] - g[0]; w > best {
			best, left, right, span, ok = w, l, r, s, true
		}
	}
	return left, right, span, ok
}

// extent returns the horizontal extent of segs and their median height.
func extent(segs []seg) (lo, hi, h float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	hs := make([]float64, len(segs))
	for i, s := range segs {
		lo, hi = min(lo, s.box.l), max(hi, s.box.r)
		hs[i] = s.box.h()
	}
	return lo, hi, max(median(hs), 1)
}

// gutters returns candidate gutters strictly inside [lo, hi]: in each
// stretch crossed by at most allow segments, the longest part crossed by
// the fewest, when it is at least minWidth wide.
func gutters(segs []seg, lo, hi float64, allow int, minWidth float64) [][2]float64 {
	cells := min(int(hi-lo)+1, maxGridCells)
	step := (hi - lo) / float64(cells)
	cover := coverage(segs, lo, step, cells)
	var out [][2]float64
	start := -1
	for i := 0; i <= cells; i++ {
		low := i < cells && cover[i] <= allow
		switch {
		case low && start < 0:
			start = i
		case !low && start >= 0:
			a, b := leastCovered(cover[start:i])
			if start > 0 && i < cells && float64(b-a)*step >= minWidth {
				out = append(out, [2]float64{lo + float64(start+a)*step, lo + float64(start+b)*step})
			}
			start = -1
		}
	}
	return out
}

// coverage counts, for each cell of width step from lo, the segments
// crossing it.
func coverage(segs []seg, lo, step float64, cells int) []int {
	diff := make([]int, cells+1)
	for _, s := range segs {
		a := max(int((s.box.l-lo)/step), 0)
		b := min(int((s.box.r-lo)/step), cells-1)
		if a <= b {
			diff[a]++
			diff[b+1]--
		}
	}
	cover := make([]int, cells)
	n := 0
	for i := range cells {
		n += diff[i]
		cover[i] = n
	}
	return cover
}

// leastCovered returns the longest run [a, b) of cells with the lowest count.
func leastCovered(cover []int) (a, b int) {
	least := slices.Min(cover)
	for i := 0; i < len(cover); {
		if cover[i] != least {
			i++
			continue
		}
		j := i
		for j < len(cover) && cover[j] == least {
			j++
		}
		if j-i > b-a {
			a, b = i, j
		}
		i = j
	}
	return a, b
}

// sides sorts segments by their position relative to the strip [a, b].
func sides(segs []seg, a, b float64) (left, right, span []seg) {
	const tol = 1.0
	for _, s := range segs {
		switch {
		case s.box.r <= a+tol:
			left = append(left, s)
		case s.box.l >= b-tol:
			right = append(right, s)
		default:
			span = append(span, s)
		}
	}
	return left, right, span
}

// balanced reports whether two columns both hold enough rows.
func balanced(left, right []string) bool {
	small, large := min(len(left), len(right)), max(len(left), len(right))
	return small >= minColumnRows && float64(small) >= minColumnShare*float64(large)
}
