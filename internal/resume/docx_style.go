package resume

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
)

// valAttr is a WordprocessingML element whose value is in w:val.
type valAttr struct {
	Val string `xml:"val,attr"`
}

// colorAttr is a w:color element.
type colorAttr struct {
	Val   string `xml:"val,attr"`
	Theme string `xml:"themeColor,attr"`
}

// shdAttr is a w:shd shading element.
type shdAttr struct {
	Fill string `xml:"fill,attr"`
}

// rPr holds the run properties that decide whether text is visible.
type rPr struct {
	RStyle *valAttr   `xml:"rStyle"`
	Vanish *valAttr   `xml:"vanish"`
	Color  *colorAttr `xml:"color"`
	Size   *valAttr   `xml:"sz"`
	Shade  *shdAttr   `xml:"shd"`
}

// pPr holds the paragraph properties that matter here.
type pPr struct {
	PStyle *valAttr `xml:"pStyle"`
	Shade  *shdAttr `xml:"shd"`
}

// tcPr holds a table cell's shading.
type tcPr struct {
	Shade *shdAttr `xml:"shd"`
}

// style is one entry of word/styles.xml.
type style struct {
	ID      string   `xml:"styleId,attr"`
	BasedOn *valAttr `xml:"basedOn"`
	RPr     *rPr     `xml:"rPr"`
}

// stylesXML is word/styles.xml.
type stylesXML struct {
	Defaults *struct {
		RPr *struct {
			RPr *rPr `xml:"rPr"`
		} `xml:"rPrDefault"`
	} `xml:"docDefaults"`
	Styles []style `xml:"style"`
}

// styleSet resolves run properties through styles and their parents.
type styleSet struct {
	byID     map[string]style
	defaults *rPr
}

// parseStyles reads word/styles.xml; a missing part gives no styles.
func parseStyles(data []byte) (*styleSet, error) {
	set := &styleSet{byID: map[string]style{}}
	if len(data) == 0 {
		return set, nil
	}
	var sx stylesXML
	dec := xml.NewDecoder(bytes.NewReader(data))
	if err := refuseDirectives(dec, &sx); err != nil {
		return nil, err
	}
	for _, s := range sx.Styles {
		set.byID[s.ID] = s
	}
	if sx.Defaults != nil && sx.Defaults.RPr != nil {
		set.defaults = sx.Defaults.RPr.RPr
	}
	return set, nil
}

// refuseDirectives decodes the root element into v, refusing documents with
// a DOCTYPE or entity declaration.
func refuseDirectives(dec *xml.Decoder, v any) error {
	for {
		tok, err := dec.Token()
		if err != nil {
			return fmt.Errorf("decode xml: %w", ErrCorrupt)
		}
		switch t := tok.(type) {
		case xml.Directive:
			return fmt.Errorf("decode xml: declaration %.20q: %w", string(t), ErrUnsafe)
		case xml.StartElement:
			if err := dec.DecodeElement(v, &t); err != nil {
				return fmt.Errorf("decode xml: %w", ErrCorrupt)
			}
			return nil
		}
	}
}

// look is the visibility of a run once styles are applied.
type look struct {
	vanish bool
	color  string // hex RGB, or "" for automatic
	theme  string
	size   int // half-points; 0 when unknown
}

// apply overlays the properties set in p.
func (k look) apply(p *rPr) look {
	if p == nil {
		return k
	}
	if p.Vanish != nil {
		k.vanish = isOn(p.Vanish.Val)
	}
	if p.Color != nil {
		k.color, k.theme = p.Color.Val, p.Color.Theme
	}
	if p.Size != nil {
		if n, err := strconv.Atoi(p.Size.Val); err == nil {
			k.size = n
		}
	}
	return k
}

// isOn reads an OOXML boolean attribute, which is true when absent.
func isOn(v string) bool {
	return v == "" || v == "1" || v == "true" || v == "on"
}

// resolve applies a style and its ancestors to k, oldest ancestor first.
func (s *styleSet) resolve(k look, id string) look {
	var chain []*rPr
	for depth := 0; id != "" && depth < 16; depth++ {
		st, ok := s.byID[id]
		if !ok {
			break
		}
		chain = append(chain, st.RPr)
		id = ""
		if st.BasedOn != nil {
			id = st.BasedOn.Val
		}
	}
	for i := len(chain) - 1; i >= 0; i-- {
		k = k.apply(chain[i])
	}
	return k
}

// hiddenReason says why a run with look k on background fill is invisible,
// or "" when it is visible.
func (k look) hiddenReason(fill string) string {
	switch {
	case k.vanish:
		return ReasonVanish
	case k.size > 0 && k.size < 4:
		return ReasonTiny
	case k.isWhite() && !isDark(fill):
		return ReasonWhite
	}
	return ""
}

// isWhite reports a white or near-white text colour.
func (k look) isWhite() bool {
	if strings.EqualFold(k.theme, "background1") || strings.EqualFold(k.theme, "light1") {
		return true
	}
	r, g, b, ok := hexRGB(k.color)
	return ok && r >= 240 && g >= 240 && b >= 240
}

// isDark reports a shading fill dark enough for white text to show.
func isDark(fill string) bool {
	r, g, b, ok := hexRGB(fill)
	return ok && luminance(float64(r), float64(g), float64(b)) < 0.6
}

// hexRGB parses an RRGGBB colour.
func hexRGB(s string) (r, g, b uint8, ok bool) {
	if len(s) != 6 {
		return 0, 0, 0, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return 0, 0, 0, false
	}
	return uint8(v >> 16), uint8(v >> 8), uint8(v), true
}

// luminance returns the relative brightness of an 8-bit RGB colour, 0–1.
func luminance(r, g, b float64) float64 {
	return (0.299*r + 0.587*g + 0.114*b) / 255
}
