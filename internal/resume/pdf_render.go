package resume

import (
	"image"
	"math"

	"github.com/klippa-app/go-pdfium/requests"
)

// Visibility is judged on a rendering of the page, so that text drawn in
// the colour of whatever lies under it (white on white, or covered by a
// white shape) is caught however it was made, while white text on a dark
// band stays visible.
const (
	renderDPI       = 36
	maxRenderPixels = 4_000_000
	// minContrast is the spread of any colour channel, out of 255, below
	// which the pixels under a character show nothing. Channels are judged
	// apart so that light coloured text (orange on white) still shows.
	minContrast = 40
)

// TODO: visibility is judged at 72 dpi with a fixed contrast threshold:
// text drawn over a busy image counts as visible, very pale but readable
// grey text counts as hidden, and a page that cannot be rendered is not
// checked at all (only off-page and tiny text are caught there). One or two
// unseen letters glued to letters that show are taken for faint thin
// glyphs, so hiding single letters goes unnoticed. On the shared data set
// about one file in thirty still gets false "covered text" or "white text"
// entries (thin light letters on coloured bands, lines of wkhtmltopdf
// output that may be clipped); those words are missing from Text.
// pageImage is a colour rendering of a page and the mapping from page
// space to its pixels.
type pageImage struct {
	img                    *image.RGBA
	ox, oy, xx, xy, yx, yy float64 // device = o + x*(xx,xy) + y*(yx,yy)
}

// render draws the page at up to renderDPI, fewer dots for huge
// pages. It returns nil when the page cannot be drawn.
func (p *pageReader) render() (*pageImage, func()) {
	w, errW := p.inst.FPDF_GetPageWidthF(&requests.FPDF_GetPageWidthF{Page: p.page})
	h, errH := p.inst.FPDF_GetPageHeightF(&requests.FPDF_GetPageHeightF{Page: p.page})
	if errW != nil || errH != nil || w.PageWidth <= 0 || h.PageHeight <= 0 {
		return nil, func() {}
	}
	area := float64(w.PageWidth) * float64(h.PageHeight)
	dpi := min(renderDPI, int(renderDPI*math.Sqrt(maxRenderPixels/area)))
	if dpi < 4 {
		return nil, func() {}
	}
	res, err := p.inst.RenderPageInDPI(&requests.RenderPageInDPI{
		Page: p.page, DPI: dpi, ImageFormat: requests.RenderImageFormatRGBA,
	})
	if err != nil {
		return nil, func() {}
	}
	img, ok := res.Result.RenderedImage.(*image.RGBA)
	if !ok {
		res.Cleanup()
		return nil, func() {}
	}
	pi := &pageImage{img: img}
	if !p.mapToDevice(pi, res.Result.Width, res.Result.Height) {
		res.Cleanup()
		return nil, func() {}
	}
	return pi, res.Cleanup
}

// mapToDevice finds the affine map from page space to pixels from three
// points, far apart so that rounding to whole pixels does not matter.
func (p *pageReader) mapToDevice(pi *pageImage, w, h int) bool {
	const far = 10000.0
	pt := func(x, y float64) (float64, float64, bool) {
		d, err := p.inst.FPDF_PageToDevice(&requests.FPDF_PageToDevice{
			Page: p.page, SizeX: w, SizeY: h, PageX: x, PageY: y,
		})
		if err != nil {
			return 0, 0, false
		}
		return float64(d.DeviceX), float64(d.DeviceY), true
	}
	ox, oy, ok1 := pt(0, 0)
	ax, ay, ok2 := pt(far, 0)
	bx, by, ok3 := pt(0, far)
	if !ok1 || !ok2 || !ok3 {
		return false
	}
	pi.ox, pi.oy = ox, oy
	pi.xx, pi.xy = (ax-ox)/far, (ay-oy)/far
	pi.yx, pi.yy = (bx-ox)/far, (by-oy)/far
	return true
}

// shows reports whether anything is visible in the pixels under box: the
// middle of the box, where glyphs are drawn, must hold both light and dark
// pixels.
func (pi *pageImage) shows(box rect) bool {
	inset := box.h() * 0.15
	x0, y0 := pi.toDevice(box.l, box.b+inset)
	x1, y1 := pi.toDevice(box.r, box.t-inset)
	r := image.Rect(int(math.Floor(min(x0, x1))), int(math.Floor(min(y0, y1))),
		int(math.Ceil(max(x0, x1))), int(math.Ceil(max(y0, y1)))).Intersect(pi.img.Rect)
	if r.Empty() {
		return false
	}
	lo, hi := [3]uint8{255, 255, 255}, [3]uint8{}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := pi.img.Pix[pi.img.PixOffset(r.Min.X, y):pi.img.PixOffset(r.Max.X, y)]
		for i := 0; i+3 < len(row); i += 4 {
			for c := range 3 {
				lo[c], hi[c] = min(lo[c], row[i+c]), max(hi[c], row[i+c])
			}
		}
	}
	for c := range 3 {
		if int(hi[c])-int(lo[c]) >= minContrast {
			return true
		}
	}
	return false
}

// toDevice maps a point of page space to pixels.
func (pi *pageImage) toDevice(x, y float64) (float64, float64) {
	return pi.ox + x*pi.xx + y*pi.yx, pi.oy + x*pi.xy + y*pi.yy
}
