package resume

import (
	"unicode"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// rect is a box in page space, y growing upwards.
type rect struct{ l, b, r, t float64 }

func (a rect) cx() float64 { return (a.l + a.r) / 2 }
func (a rect) cy() float64 { return (a.b + a.t) / 2 }
func (a rect) h() float64  { return a.t - a.b }

// contains reports whether the point lies in a, with a tolerance.
func (a rect) contains(x, y, tol float64) bool {
	return x >= a.l-tol && x <= a.r+tol && y >= a.b-tol && y <= a.t+tol
}

// pchar is one character of a page, in content order.
type pchar struct {
	r      rune
	box    rect
	space  spaceKind
	index  int    // the engine's index of the character
	hidden string // why it is invisible, or ""
}

// spaceKind tells a space written in the content, a sure word break, from
// one the engine guessed from a gap.
type spaceKind int

const (
	noSpace spaceKind = iota
	guessedSpace
	realSpace
)

// TODO: glyphs without a Unicode mapping are lost, so a ligature that the
// font does not map reads "Scienti c"; icon fonts that map their icons to
// ordinary letters (FontAwesome in LaTeX templates) come out as stray
// letters such as "½" or "Æ", since only private-use icons are dropped.
// glyphOnly marks a glyph with no usable character, such as an icon or an
// unmapped ligature: it takes room on the line but adds no text.
const glyphOnly = -1

// pageReader gathers the characters of one page and sorts visible from
// hidden ones.
type pageReader struct {
	inst   pdfium.Pdfium
	page   requests.Page
	text   references.FPDF_TEXTPAGE
	number int
	bounds rect
	chars  []pchar
}

// tinyHeight is the character box height, in points, under which text is
// too small to read (about a 2 pt font).
const tinyHeight = 2.0

// collect reads every character with its box and visibility.
func (p *pageReader) collect() error {
	bb, err := p.inst.FPDF_GetPageBoundingBox(&requests.FPDF_GetPageBoundingBox{Page: p.page})
	if err != nil {
		return err
	}
	p.bounds = rect{float64(bb.Rect.Left), float64(bb.Rect.Bottom),
		float64(bb.Rect.Right), float64(bb.Rect.Top)}
	if p.bounds.b > p.bounds.t {
		p.bounds.b, p.bounds.t = p.bounds.t, p.bounds.b
	}
	n, err := p.inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: p.text})
	if err != nil {
		return err
	}
	p.chars = make([]pchar, 0, n.Count)
	runes := p.allRunes(n.Count)
	for i := range n.Count {
		if c, ok := p.char(i, runes); ok {
			p.chars = append(p.chars, c)
		}
	}
	p.checkRendering()
	return nil
}

// allRunes reads the characters of the page in one call, which is much
// cheaper than one call per character. It returns nil when the text does
// not map one to one onto character indices (characters outside the Basic
// Multilingual Plane).
func (p *pageReader) allRunes(count int) []rune {
	t, err := p.inst.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: p.text, Count: count})
	if err != nil {
		return nil
	}
	runes := []rune(t.Text)
	if len(runes) != count {
		return nil
	}
	return runes
}

// char reads character i, from runes when given; ok is false for
// characters to drop.
func (p *pageReader) char(i int, runes []rune) (pchar, bool) {
	var r rune
	if runes != nil {
		r = runes[i]
	} else {
		u, err := p.inst.FPDFText_GetUnicode(
			&requests.FPDFText_GetUnicode{TextPage: p.text, Index: i})
		if err != nil {
			return pchar{}, false
		}
		r = rune(u.Unicode)
	}
	switch {
	case r == ' ' || r == '\u00a0':
		kind := realSpace
		if p.generated(i) {
			kind = guessedSpace
		}
		return pchar{r: ' ', space: kind}, true
	case r == 2: // the engine's mark for a hyphen at the end of a line
		r = '\x02'
	case unicode.IsControl(r):
		return pchar{}, false // line breaks the engine added
	case r == 0, unicode.Is(unicode.Co, r), r == '\ufffd':
		r = glyphOnly // unmapped glyphs and icon fonts: keep the box only
	}
	lb, err := p.inst.FPDFText_GetLooseCharBox(
		&requests.FPDFText_GetLooseCharBox{TextPage: p.text, Index: i})
	if err != nil {
		return pchar{}, false
	}
	box := rect{float64(lb.Rect.Left), float64(lb.Rect.Bottom),
		float64(lb.Rect.Right), float64(lb.Rect.Top)}
	if box.b > box.t {
		box.b, box.t = box.t, box.b
	}
	c := pchar{r: r, box: box, index: i}
	switch {
	case !p.bounds.contains(box.cx(), box.cy(), 1):
		c.hidden = ReasonOffPage
	case box.h() > 0 && box.h() < tinyHeight:
		c.hidden = ReasonTiny
	}
	return c, true
}

// generated reports a character the engine added, such as a space it
// guessed from a gap.
func (p *pageReader) generated(i int) bool {
	g, err := p.inst.FPDFText_IsGenerated(&requests.FPDFText_IsGenerated{TextPage: p.text, Index: i})
	return err == nil && g.IsGenerated
}

// checkRendering marks as hidden the characters that leave no mark on a
// rendering of the page.
func (p *pageReader) checkRendering() {
	img, cleanup := p.render()
	defer cleanup()
	if img == nil {
		return
	}
	unseen := make([]bool, len(p.chars))
	for i, c := range p.chars {
		if c.hidden == "" && c.r != ' ' && c.r != glyphOnly && c.box.h() > 0 {
			unseen[i] = !img.shows(c.box)
		}
	}
	for i := 0; i < len(p.chars); {
		j := i
		for j < len(p.chars) && unseen[j] {
			j++
		}
		if j > i && p.hasWord(i, j) && !p.thinGlyphs(unseen, i, j) {
			for k := i; k < j; k++ {
				p.chars[k].hidden = p.unseenReason(p.chars[k].index)
			}
		}
		i = max(j, i+1)
	}
}

// hasWord reports whether chars [i, j) hold a letter or digit: unseen
// punctuation carries nothing and is often just too faint to show.
func (p *pageReader) hasWord(i, j int) bool {
	for _, c := range p.chars[i:j] {
		if unicode.IsLetter(c.r) || unicode.IsDigit(c.r) {
			return true
		}
	}
	return false
}

// thinGlyphs reports whether the unseen run [i, j) is one or two letters
// glued to a letter that shows, such as the "l" of "Excel": thin glyphs
// can leave too faint a mark at the rendering resolution.
func (p *pageReader) thinGlyphs(unseen []bool, i, j int) bool {
	if j-i > 2 {
		return false
	}
	shows := func(k int) bool {
		return k >= 0 && k < len(p.chars) && !unseen[k] && p.chars[k].hidden == "" &&
			p.chars[k].r != ' '
	}
	return shows(i-1) || shows(j)
}

// unseenReason explains why character i does not show: its colour or its
// render mode, else something drawn over it.
func (p *pageReader) unseenReason(i int) string {
	fc, err := p.inst.FPDFText_GetFillColor(
		&requests.FPDFText_GetFillColor{TextPage: p.text, Index: i})
	switch {
	case err != nil:
		return ReasonCovered
	case fc.A == 0:
		return ReasonTransparent
	case fc.R >= 200 && fc.G >= 200 && fc.B >= 200:
		return ReasonWhite
	}
	obj, err := p.inst.FPDFText_GetTextObject(
		&requests.FPDFText_GetTextObject{TextPage: p.text, Index: i})
	if err != nil {
		return ReasonCovered
	}
	m, err := p.inst.FPDFTextObj_GetTextRenderMode(
		&requests.FPDFTextObj_GetTextRenderMode{PageObject: obj.TextObject})
	if err == nil && (m.TextRenderMode == enums.FPDF_TEXTRENDERMODE_INVISIBLE ||
		m.TextRenderMode == enums.FPDF_TEXTRENDERMODE_CLIP) {
		return ReasonInvisible
	}
	return ReasonCovered
}
