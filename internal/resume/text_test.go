package resume

import (
	"testing"
	"unicode/utf16"
)

func TestCleanText(t *testing.T) {
	tests := []struct {
		name         string
		in           string
		want         string
		wantRepaired bool
		wantHidden   int
	}{
		{"plain", "Jane Doe\n\n\n\nAccountant  ", "Jane Doe\n\nAccountant", false, 0},
		{"mojibake letter", "NaÃ¯ve Bayes, rÃ©sumÃ©", "Naïve Bayes, résumé", true, 0},
		{"mojibake dash", "2019 â€“ 2021 â€¢ Lead", "2019 – 2021 • Lead", true, 0},
		{"closing quote missing its last byte", "â€œHello Worldâ€", "“Hello World”", true, 0},
		{"mojibake c1 bullet", "â\u0080¢ Python", "• Python", true, 0},
		{"no-break space", "Skills:Â\u00a0Excel", "Skills: Excel", true, 0},
		{"lost no-break space", "Â rÃ©sumÃ©:Â Excel", " résumé: Excel", true, 0},
		{"lone Â kept without other damage", "Â Excel", "Â Excel", false, 0},
		{"full-width colon", "Skills ï¼ Excel", "Skills : Excel", true, 0},
		{"genuine accents kept", "Café Müller, Zürich — señor", "Café Müller, Zürich — señor",
			false, 0},
		{"mixed genuine and broken", "Jürgen rÃ©sumÃ©", "Jürgen résumé", true, 0},
		{"nfc", "Cafe\u0301", "Café", false, 0},
		{"ligature", "ofﬁce", "office", false, 0},
		{"zero width between words", "Excel\u200b Word", "Excel Word", false, 0},
		{"zero width inside a word", "Ku\u200bber\u200bne\u200btes", "Kubernetes", false, 1},
		{"no-break space", "Jane\u00a0Doe", "Jane Doe", false, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, hidden, repaired := cleanText(tc.in)
			if got != tc.want || repaired != tc.wantRepaired || len(hidden) != tc.wantHidden {
				t.Errorf("cleanText(%q) = %q, %v, repaired %v; want %q, %d hidden, repaired %v",
					tc.in, got, hidden, repaired, tc.want, tc.wantHidden, tc.wantRepaired)
			}
		})
	}
}

func TestDecodeText(t *testing.T) {
	utf16le := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune("Zoë ✓")) {
		utf16le = append(utf16le, byte(u), byte(u>>8))
	}
	utf16be := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune("Zoë ✓")) {
		utf16be = append(utf16be, byte(u>>8), byte(u))
	}
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"utf-8", []byte("Zoë ✓"), "Zoë ✓"},
		{"utf-8 bom", []byte("\xef\xbb\xbfZoë"), "Zoë"},
		{"utf-16 le", utf16le, "Zoë ✓"},
		{"utf-16 be", utf16be, "Zoë ✓"},
		{"latin-1", []byte("Zo\xeb \x93quoted\x94"), "Zoë “quoted”"},
	}
	for _, tc := range tests {
		if got := decodeText(tc.in); got != tc.want {
			t.Errorf("decodeText(%s) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestExtractTXT(t *testing.T) {
	doc := mustExtract(t, []byte("Jane Doe\nEmail: jane@example.com\nSkills\nNaÃ¯ve Bayes"))
	if doc.Kind != KindTXT || doc.Text != "Jane Doe\nEmail: jane@example.com\nSkills\nNaïve Bayes" ||
		!doc.Quality.Repaired || doc.Contact.Email != "jane@example.com" {
		t.Errorf("Extract() = %+v, want repaired text with contact", doc)
	}
}
