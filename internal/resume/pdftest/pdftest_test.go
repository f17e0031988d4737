package pdftest

import (
	"bytes"
	"strings"
	"testing"
)

func TestBuild(t *testing.T) {
	hidden := TextPage("Jane Doe")
	hidden.Texts = append(hidden.Texts, Text{X: 72, Y: 500, Size: 1, Text: "tiny (x)",
		RGB: [3]float64{1, 1, 1}, Mode: 3})
	hidden.Covers = [][4]float64{{70, 495, 200, 10}}
	hidden.Boxes = [][5]float64{{0, 0, 10, 10, 0.3}}
	tests := []struct {
		name  string
		pdf   []byte
		wants []string
	}{
		{"one page", Build([]Page{TextPage("Jane Doe", "Accountant")}),
			[]string{"%PDF-1.4", "/Count 1", "(Jane Doe) Tj", "72.0 704.0 Tm (Accountant)"}},
		{"two pages", Build([]Page{TextPage("a"), TextPage("b")}),
			[]string{"/Kids [4 0 R 6 0 R] /Count 2", "(b) Tj"}},
		{"hidden text", Build([]Page{hidden}),
			[]string{"1.00 1.00 1.00 rg 3 Tr", `(tiny \(x\)) Tj`, "1 g 70.0 495.0",
				"0.30 g 0.0 0.0"}},
		{"encrypted", BuildEncrypted([]Page{TextPage("x")}), []string{"/Encrypt 6 0 R"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, w := range tc.wants {
				if !bytes.Contains(tc.pdf, []byte(w)) {
					t.Errorf("Build(%s) lacks %q", tc.name, w)
				}
			}
			if !strings.HasSuffix(string(tc.pdf), "%%EOF\n") {
				t.Errorf("Build(%s) ends with %q, want %%%%EOF", tc.name, tc.pdf[len(tc.pdf)-8:])
			}
		})
	}
}
