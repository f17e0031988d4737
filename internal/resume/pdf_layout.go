package resume

import (
	"cmp"
	"slices"
	"strings"
)

// layout returns the visible text of the page in reading order.
func (p *pageReader) layout() string {
	lines := orderRegion(segments(p.chars), 0)
	text := strings.Join(lines, "\n")
	// The engine marks a hyphen that ends a line with \x02: the word goes on.
	text = strings.ReplaceAll(text, "\x02\n", "")
	return strings.ReplaceAll(text, "\x02", "-")
}

// maxColumnDepth bounds the nesting of column splits.
const maxColumnDepth = 3

// orderRegion returns the lines of a region. When a gutter splits the
// region into columns, the text between two full-width lines is read
// column by column; otherwise segments are read row by row.
func orderRegion(segs []seg, depth int) []string {
	if len(segs) == 0 {
		return nil
	}
	if depth < maxColumnDepth {
		if left, right, span, ok := splitColumns(segs); ok {
			return readColumns(left, right, span, depth)
		}
	}
	return rowsOf(segs)
}

// readColumns reads the bands between full-width segments, left column
// first, then right column, then the full-width segment itself.
func readColumns(left, right, span []seg, depth int) []string {
	slices.SortFunc(span, func(a, b seg) int { return cmp.Compare(b.box.cy(), a.box.cy()) })
	band := func(s seg) int {
		n := 0
		for _, sp := range span {
			if sp.box.cy() > s.box.cy() {
				n++
			}
		}
		return n
	}
	bands := make([][2][]seg, len(span)+1)
	for _, s := range left {
		bands[band(s)][0] = append(bands[band(s)][0], s)
	}
	for _, s := range right {
		bands[band(s)][1] = append(bands[band(s)][1], s)
	}
	var lines []string
	for i, b := range bands {
		lines = append(lines, orderRegion(b[0], depth+1)...)
		lines = append(lines, orderRegion(b[1], depth+1)...)
		if i < len(span) {
			lines = append(lines, span[i].text)
		}
	}
	return lines
}

// rowsOf groups segments into rows from top to bottom and joins each row
// from left to right.
func rowsOf(segs []seg) []string {
	sorted := slices.Clone(segs)
	slices.SortStableFunc(sorted, func(a, b seg) int { return cmp.Compare(b.box.t, a.box.t) })
	var rows [][]seg
	for _, s := range sorted {
		if n := len(rows); n > 0 && sameRow(rows[n-1], s) {
			rows[n-1] = append(rows[n-1], s)
			continue
		}
		rows = append(rows, []seg{s})
	}
	lines := make([]string, 0, len(rows))
	for _, row := range rows {
		slices.SortStableFunc(row, func(a, b seg) int { return cmp.Compare(a.box.l, b.box.l) })
		parts := make([]string, len(row))
		for i, s := range row {
			parts[i] = s.text
		}
		lines = append(lines, strings.Join(parts, " "))
	}
	return lines
}

// sameRow reports whether s overlaps the row vertically by half its height.
func sameRow(row []seg, s seg) bool {
	first := row[0].box
	overlap := min(first.t, s.box.t) - max(first.b, s.box.b)
	return overlap >= 0.5*min(first.h(), s.box.h())
}

// hiddenText groups consecutive hidden characters that share a reason.
func (p *pageReader) hiddenText() []Hidden {
	var out []Hidden
	var cur strings.Builder
	reason := ""
	flush := func() {
		if t := strings.TrimSpace(cur.String()); t != "" {
			out = append(out, Hidden{Text: t, Reason: reason, Page: p.number})
		}
		cur.Reset()
	}
	for _, c := range p.chars {
		switch {
		case c.r == glyphOnly:
		case c.r == ' ':
			if reason != "" {
				cur.WriteByte(' ')
			}
		case c.hidden != reason:
			flush()
			reason = c.hidden
			if reason != "" {
				cur.WriteRune(c.r)
			}
		case reason != "":
			cur.WriteRune(c.r)
		}
	}
	flush()
	return out
}
