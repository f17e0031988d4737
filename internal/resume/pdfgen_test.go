package resume

import (
	"bytes"
	"fmt"
	"strings"
)

// pdfText is one line of text in a generated test PDF.
type pdfText struct {
	x, y, size float64
	text       string
	rgb        [3]float64 // fill colour, 0–1; zero value is black
	mode       int        // text render mode; 3 is invisible
}

// pdfPage describes one page of a generated test PDF.
type pdfPage struct {
	texts []pdfText
	// boxes are filled rectangles drawn before the text: x, y, w, h, grey.
	boxes [][5]float64
	// covers are white rectangles drawn after the text.
	covers [][4]float64
}

// buildPDF writes a small PDF with Helvetica text, for tests. When
// encrypted is set, the trailer points to a standard security handler
// whose password is not empty.
func buildPDF(pages []pdfPage, encrypted bool) []byte {
	var objs []string
	n := len(pages)
	kids := make([]string, n)
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 4+2*i)
	}
	objs = append(objs, "<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	for i, p := range pages {
		content := pageContent(p)
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "+
				"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i),
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
	}
	trailer := ""
	if encrypted {
		objs = append(objs, "<< /Filter /Standard /V 1 /R 2 /P -4 "+
			"/O <"+strings.Repeat("a1", 32)+"> /U <"+strings.Repeat("b2", 32)+"> >>")
		trailer = fmt.Sprintf(" /Encrypt %d 0 R /ID [<%s> <%s>]", len(objs),
			strings.Repeat("c3", 16), strings.Repeat("c3", 16))
	}
	return writePDF(objs, trailer)
}

// pageContent writes the content stream of a page.
func pageContent(p pdfPage) string {
	var b strings.Builder
	for _, r := range p.boxes {
		fmt.Fprintf(&b, "%.2f g %.1f %.1f %.1f %.1f re f\n", r[4], r[0], r[1], r[2], r[3])
	}
	for _, t := range p.texts {
		fmt.Fprintf(&b, "BT /F1 %.1f Tf %.2f %.2f %.2f rg %d Tr 1 0 0 1 %.1f %.1f Tm (%s) Tj ET\n",
			t.size, t.rgb[0], t.rgb[1], t.rgb[2], t.mode, t.x, t.y, pdfEscape(t.text))
	}
	for _, r := range p.covers {
		fmt.Fprintf(&b, "1 g %.1f %.1f %.1f %.1f re f\n", r[0], r[1], r[2], r[3])
	}
	return b.String()
}

// pdfEscape escapes a PDF literal string.
func pdfEscape(s string) string {
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

// textPage returns a page with black 11 pt lines from the top.
func textPage(lines ...string) pdfPage {
	var p pdfPage
	for i, l := range lines {
		p.texts = append(p.texts, pdfText{x: 72, y: 720 - 16*float64(i), size: 11, text: l})
	}
	return p
}
