// Package pdftest writes small PDFs for tests: Helvetica text with a chosen
// position, size, colour and render mode, filled boxes under the text and
// white covers over it. It is enough to build resumes with visible and
// hidden text without any PDF library.
package pdftest

import (
	"bytes"
	"fmt"
	"strings"
)

// Text is one line of text on a page, in PDF points from the bottom left
// of a 612 × 792 page.
type Text struct {
	X, Y, Size float64
	Text       string
	// RGB is the fill colour, each part from 0 to 1; the zero value is black.
	RGB [3]float64
	// Mode is the text render mode; 3 draws nothing (invisible).
	Mode int
}

// Page describes one page.
type Page struct {
	Texts []Text
	// Boxes are filled rectangles drawn before the text: x, y, w, h, grey.
	Boxes [][5]float64
	// Covers are white rectangles drawn after the text: x, y, w, h.
	Covers [][4]float64
}

// Build writes a PDF with the given pages.
func Build(pages []Page) []byte {
	return writePDF(objects(pages), "")
}

// BuildEncrypted writes a PDF whose trailer points to a standard security
// handler with a password that is not empty, so that readers refuse it.
func BuildEncrypted(pages []Page) []byte {
	objs := append(objects(pages), "<< /Filter /Standard /V 1 /R 2 /P -4 "+
		"/O <"+strings.Repeat("a1", 32)+"> /U <"+strings.Repeat("b2", 32)+"> >>")
	trailer := fmt.Sprintf(" /Encrypt %d 0 R /ID [<%s> <%s>]", len(objs),
		strings.Repeat("c3", 16), strings.Repeat("c3", 16))
	return writePDF(objs, trailer)
}

// TextPage returns a page with black 11 pt lines laid out from the top.
func TextPage(lines ...string) Page {
	var p Page
	for i, l := range lines {
		p.Texts = append(p.Texts, Text{X: 72, Y: 720 - 16*float64(i), Size: 11, Text: l})
	}
	return p
}

// objects returns the catalog, the page tree, the font and, for each page,
// its page object and content stream, numbered from 1 in this order.
func objects(pages []Page) []string {
	n := len(pages)
	kids := make([]string, n)
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 4+2*i)
	}
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"}
	for i, p := range pages {
		content := pageContent(p)
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "+
				"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i),
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
	}
	return objs
}

// pageContent writes the content stream of a page.
func pageContent(p Page) string {
	var b strings.Builder
	for _, r := range p.Boxes {
		fmt.Fprintf(&b, "%.2f g %.1f %.1f %.1f %.1f re f\n", r[4], r[0], r[1], r[2], r[3])
	}
	for _, t := range p.Texts {
		fmt.Fprintf(&b, "BT /F1 %.1f Tf %.2f %.2f %.2f rg %d Tr 1 0 0 1 %.1f %.1f Tm (%s) Tj ET\n",
			t.Size, t.RGB[0], t.RGB[1], t.RGB[2], t.Mode, t.X, t.Y, escape(t.Text))
	}
	for _, r := range p.Covers {
		fmt.Fprintf(&b, "1 g %.1f %.1f %.1f %.1f re f\n", r[0], r[1], r[2], r[3])
	}
	return b.String()
}

// escape escapes a PDF literal string.
func escape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s)
}

// writePDF lays out numbered objects, the cross-reference table and the
// trailer.
func writePDF(objs []string, trailerExtra string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n",
		len(objs)+1, trailerExtra, xref)
	return b.Bytes()
}
