package resume

import "shortlist/internal/resume/pdftest"

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

// buildPDF writes a small PDF with pdftest. When encrypted is set, the
// trailer points to a standard security handler whose password is not
// empty.
func buildPDF(pages []pdfPage, encrypted bool) []byte {
	out := make([]pdftest.Page, len(pages))
	for i, p := range pages {
		out[i] = pdftest.Page{Boxes: p.boxes, Covers: p.covers}
		for _, t := range p.texts {
			out[i].Texts = append(out[i].Texts, pdftest.Text{X: t.x, Y: t.y, Size: t.size,
				Text: t.text, RGB: t.rgb, Mode: t.mode})
		}
	}
	if encrypted {
		return pdftest.BuildEncrypted(out)
	}
	return pdftest.Build(out)
}

// textPage returns a page with black 11 pt lines from the top.
func textPage(lines ...string) pdfPage {
	var p pdfPage
	for _, t := range pdftest.TextPage(lines...).Texts {
		p.texts = append(p.texts, pdfText{x: t.X, y: t.Y, size: t.Size, text: t.Text})
	}
	return p
}
