package resume

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// docxWalker streams one WordprocessingML part into visible and hidden text.
type docxWalker struct {
	dec    *xml.Decoder
	styles *styleSet
	outs   []*strings.Builder // the body, then one per open table cell
	rows   [][]string         // cells of the innermost open table row
	paras  []docxPara
	fills  []string // shading of open table cells
	run    look
	runBg  string
	hidden []Hidden
	merge  bool // the next hidden text may extend the last entry
}

// docxPara is the state of an open paragraph.
type docxPara struct {
	base look
	fill string
}

// TODO: text boxes are read where they are anchored, footnotes, endnotes
// and comments are not read, the default paragraph style ("Normal") is not
// applied, and theme colours other than background1/light1 are not
// resolved, so white text set through such a theme colour is not caught.
// Shading set through a paragraph or table style is not read either, so
// white headings on a band shaded by a style are wrongly reported hidden.
// parseDOCXPart returns the text of one part and the text hidden in it.
func parseDOCXPart(data []byte, styles *styleSet) (string, []Hidden, error) {
	w := &docxWalker{
		dec:    xml.NewDecoder(bytes.NewReader(data)),
		styles: styles,
		outs:   []*strings.Builder{{}},
	}
	for {
		tok, err := w.dec.Token()
		if errors.Is(err, io.EOF) {
			return w.outs[0].String(), w.hidden, nil
		}
		if err != nil {
			return "", nil, fmt.Errorf("parse xml: %w", ErrCorrupt)
		}
		if err := w.handle(tok); err != nil {
			return "", nil, err
		}
	}
}

// handle processes one token.
func (w *docxWalker) handle(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.Directive:
		return fmt.Errorf("parse xml: declaration %.20q: %w", string(t), ErrUnsafe)
	case xml.StartElement:
		return w.start(t)
	case xml.EndElement:
		w.end(t.Name.Local)
	}
	return nil
}

// skipped lists elements whose content is not visible text: field codes,
// deleted text, fallbacks that repeat their alternative, symbol glyphs.
var skipped = map[string]bool{
	"instrText": true, "delText": true, "del": true, "moveFrom": true,
	"Fallback": true, "sym": true,
}

// start handles an opening tag.
func (w *docxWalker) start(t xml.StartElement) error {
	switch name := t.Name.Local; {
	case skipped[name]:
		return w.skip()
	case name == "p":
		w.paras = append(w.paras, docxPara{base: w.styles.resolve(w.defaults(), "")})
	case name == "pPr":
		return w.paraProps(t)
	case name == "r":
		w.run, w.runBg = w.paraBase(), ""
	case name == "rPr":
		return w.runProps(t)
	case name == "tcPr":
		return w.cellProps(t)
	case name == "t":
		return w.text(t)
	case name == "tab", name == "ptab":
		w.write(" ")
	case name == "br", name == "cr":
		w.write("\n")
	case name == "noBreakHyphen":
		w.write("-")
	case name == "tr":
		w.rows = append(w.rows, nil)
	case name == "tc":
		w.outs = append(w.outs, &strings.Builder{})
		w.fills = append(w.fills, "")
	}
	return nil
}

// end handles a closing tag.
func (w *docxWalker) end(name string) {
	switch name {
	case "p":
		w.write("\n")
		w.merge = false
		if len(w.paras) > 0 {
			w.paras = w.paras[:len(w.paras)-1]
		}
	case "tc":
		w.endCell()
	case "tr":
		w.endRow()
	}
}

// skip discards the element just opened.
func (w *docxWalker) skip() error {
	if err := w.dec.Skip(); err != nil {
		return fmt.Errorf("parse xml: %w", ErrCorrupt)
	}
	return nil
}

// defaults returns the document's default run look.
func (w *docxWalker) defaults() look {
	return look{}.apply(w.styles.defaults)
}

// paraBase returns the run look inherited from the open paragraph.
func (w *docxWalker) paraBase() look {
	if len(w.paras) == 0 {
		return w.defaults()
	}
	return w.paras[len(w.paras)-1].base
}

// paraProps reads w:pPr: the paragraph style and shading.
func (w *docxWalker) paraProps(t xml.StartElement) error {
	var p pPr
	if err := w.dec.DecodeElement(&p, &t); err != nil {
		return fmt.Errorf("parse paragraph properties: %w", ErrCorrupt)
	}
	if len(w.paras) == 0 {
		return nil
	}
	para := &w.paras[len(w.paras)-1]
	if p.PStyle != nil {
		para.base = w.styles.resolve(w.defaults(), p.PStyle.Val)
	}
	if p.Shade != nil {
		para.fill = p.Shade.Fill
	}
	return nil
}

// runProps reads w:rPr: character style, colour, size, vanish, shading.
func (w *docxWalker) runProps(t xml.StartElement) error {
	var p rPr
	if err := w.dec.DecodeElement(&p, &t); err != nil {
		return fmt.Errorf("parse run properties: %w", ErrCorrupt)
	}
	if p.RStyle != nil {
		w.run = w.styles.resolve(w.run, p.RStyle.Val)
	}
	w.run = w.run.apply(&p)
	if p.Shade != nil {
		w.runBg = p.Shade.Fill
	}
	return nil
}

// cellProps reads a table cell's shading.
func (w *docxWalker) cellProps(t xml.StartElement) error {
	var p tcPr
	if err := w.dec.DecodeElement(&p, &t); err != nil {
		return fmt.Errorf("parse cell properties: %w", ErrCorrupt)
	}
	if p.Shade != nil && len(w.fills) > 0 {
		w.fills[len(w.fills)-1] = p.Shade.Fill
	}
	return nil
}

// text reads a w:t element.
func (w *docxWalker) text(t xml.StartElement) error {
	var s string
	if err := w.dec.DecodeElement(&s, &t); err != nil {
		return fmt.Errorf("parse text: %w", ErrCorrupt)
	}
	w.write(s)
	return nil
}

// background returns the fill behind the current run.
func (w *docxWalker) background() string {
	if isDark(w.runBg) {
		return w.runBg
	}
	if n := len(w.paras); n > 0 && isDark(w.paras[n-1].fill) {
		return w.paras[n-1].fill
	}
	if n := len(w.fills); n > 0 {
		return w.fills[n-1]
	}
	return ""
}

// write adds s to the visible text, or to Hidden when the run is invisible.
func (w *docxWalker) write(s string) {
	reason := w.run.hiddenReason(w.background())
	if reason == "" || s == "\n" {
		w.outs[len(w.outs)-1].WriteString(s)
		if strings.TrimSpace(s) != "" {
			w.merge = false
		}
		return
	}
	if n := len(w.hidden); w.merge && n > 0 && w.hidden[n-1].Reason == reason {
		w.hidden[n-1].Text += s
		return
	}
	w.hidden = append(w.hidden, Hidden{Text: s, Reason: reason})
	w.merge = true
}

// endCell closes a table cell and files its text under the open row.
func (w *docxWalker) endCell() {
	if len(w.outs) < 2 {
		return
	}
	cell := strings.TrimSpace(w.outs[len(w.outs)-1].String())
	w.outs = w.outs[:len(w.outs)-1]
	w.fills = w.fills[:len(w.fills)-1]
	if n := len(w.rows); n > 0 {
		w.rows[n-1] = append(w.rows[n-1], cell)
	}
}

// endRow writes a table row: short cells side by side separated by " | ",
// cells holding several lines (layout tables) one after the other.
func (w *docxWalker) endRow() {
	if len(w.rows) == 0 {
		return
	}
	cells := w.rows[len(w.rows)-1]
	w.rows = w.rows[:len(w.rows)-1]
	var kept []string
	multi := false
	for _, c := range cells {
		if c != "" {
			kept = append(kept, c)
			multi = multi || strings.Contains(c, "\n")
		}
	}
	sep := " | "
	if multi {
		sep = "\n"
	}
	w.outs[len(w.outs)-1].WriteString(strings.Join(kept, sep) + "\n")
}
