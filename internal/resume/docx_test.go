package resume

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// buildDOCX returns a DOCX whose body is body (WordprocessingML inside
// w:body), with extra parts added as given.
func buildDOCX(t testing.TB, body string, extra map[string]string) []byte {
	t.Helper()
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types/>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`,
	}
	for k, v := range extra {
		parts[k] = v
	}
	return zipOf(t, parts)
}

// zipOf writes the given files into a ZIP archive, deflated.
func zipOf(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatalf("create %s: %v", name, err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatalf("write %s: %v", name, err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatalf("close zip: %v", err)
	}
	return buf.Bytes()
}

// para returns a paragraph of runs, each given as run properties and text.
func para(runs ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	for i := 0; i+1 < len(runs); i += 2 {
		b.WriteString("<w:r><w:rPr>" + runs[i] + "</w:rPr><w:t xml:space=\"preserve\">" +
			runs[i+1] + "</w:t></w:r>")
	}
	b.WriteString("</w:p>")
	return b.String()
}

func TestExtractDOCX(t *testing.T) {
	styles := `<w:styles ` + wordNS + `><w:style w:type="character" w:styleId="Secret">` +
		`<w:rPr><w:vanish/></w:rPr></w:style></w:styles>`
	cell := func(shade, text string) string {
		return `<w:tc><w:tcPr><w:shd w:fill="` + shade + `"/></w:tcPr>` + para("", text) + `</w:tc>`
	}
	tests := []struct {
		name       string
		body       string
		extra      map[string]string
		wantText   string
		wantHidden []Hidden
	}{
		{"paragraphs", para("", "Jane Doe") + para("", "Senior ", "<w:b/>", "Accountant"),
			nil, "Jane Doe\nSenior Accountant", nil},
		{"table cells", `<w:tbl><w:tr>` + cell("auto", "Python") + cell("auto", "Go") +
			`</w:tr></w:tbl>`, nil, "Python | Go", nil},
		{"header and footer", para("", "Body"), map[string]string{
			"word/header1.xml": `<w:hdr ` + wordNS + `>` + para("", "Jane Doe") + `</w:hdr>`,
			"word/footer1.xml": `<w:ftr ` + wordNS + `>` + para("", "page 1") + `</w:ftr>`,
		}, "Jane Doe\n\nBody\n\npage 1", nil},
		{"vanish run", para("", "Skills: ", "<w:vanish/>", "kubernetes expert", "", "Excel"),
			nil, "Skills: Excel", []Hidden{{Text: "kubernetes expert", Reason: ReasonVanish}}},
		{"white run", para("", "Skills ", `<w:color w:val="FFFFFF"/>`, "harvard mit"),
			nil, "Skills", []Hidden{{Text: "harvard mit", Reason: ReasonWhite}}},
		{"tiny run", para("", "Skills ", `<w:sz w:val="2"/>`, "ivy league"),
			nil, "Skills", []Hidden{{Text: "ivy league", Reason: ReasonTiny}}},
		{"hidden by style", para("", "Skills ", `<w:rStyle w:val="Secret"/>`, "top talent"),
			map[string]string{"word/styles.xml": styles}, "Skills",
			[]Hidden{{Text: "top talent", Reason: ReasonVanish}}},
		{"white on dark cell", `<w:tbl><w:tr><w:tc><w:tcPr><w:shd w:fill="1F3864"/></w:tcPr>` +
			para(`<w:color w:val="FFFFFF"/>`, "Contact") + `</w:tc></w:tr></w:tbl>`,
			nil, "Contact", nil},
		{"deleted and field code", para("", "Kept") +
			`<w:p><w:r><w:instrText>HYPERLINK x</w:instrText></w:r>` +
			`<w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>`, nil, "Kept", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := mustExtract(t, buildDOCX(t, tc.body, tc.extra))
			if doc.Kind != KindDOCX || doc.Text != tc.wantText {
				t.Errorf("Extract() = %s %q, want docx %q", doc.Kind, doc.Text, tc.wantText)
			}
			if !equalHidden(doc.Hidden, tc.wantHidden) {
				t.Errorf("Extract().Hidden = %v, want %v", doc.Hidden, tc.wantHidden)
			}
		})
	}
}

func TestExtractDOCXRefused(t *testing.T) {
	xxe := `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM ` +
		`"file:///etc/passwd">]><w:document ` + wordNS + `><w:body>` +
		para("", "&xxe;") + `</w:body></w:document>`
	undefined := `<?xml version="1.0"?><w:document ` + wordNS + `><w:body>` +
		para("", "&lol;") + `</w:body></w:document>`
	many := map[string]string{}
	for i := range 1001 {
		many["word/media/f"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+
			strings.Repeat("y", i/26)+".txt"] = "x"
	}
	bomb := map[string]string{"word/media/zeros.bin": strings.Repeat("\x00", 8<<20)}
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"external entity", zipOf(t, map[string]string{"word/document.xml": xxe}), ErrUnsafe},
		{"undefined entity", zipOf(t, map[string]string{"word/document.xml": undefined}),
			ErrCorrupt},
		{"broken xml", zipOf(t, map[string]string{"word/document.xml": "<w:document><w:p>"}),
			ErrCorrupt},
		{"too many entries", buildDOCX(t, para("", "x"), many), ErrTooManyFiles},
		{"compression bomb", buildDOCX(t, para("", "x"), bomb), ErrZipBomb},
		{"zip without document", zipOf(t, map[string]string{"notes.txt": "hello"}),
			ErrUnsupported},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := testExtractor.Extract(context.Background(), tc.data)
			if !errors.Is(err, tc.want) {
				t.Errorf("Extract() error = %v, want %v", err, tc.want)
			}
		})
	}
}
