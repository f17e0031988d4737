package resume

import (
	"errors"
	"testing"
)

func TestSniff(t *testing.T) {
	pdf := buildPDF([]pdfPage{textPage("x")}, false)
	docx := buildDOCX(t, para("", "x"), nil)
	tests := []struct {
		name    string
		data    []byte
		want    Kind
		wantErr error
	}{
		{"pdf", pdf, KindPDF, nil},
		{"pdf after junk bytes", append([]byte("\r\n"), pdf...), KindPDF, nil},
		{"docx", docx, KindDOCX, nil},
		{"docx content named resume.pdf", docx, KindDOCX, nil},
		{"plain zip named resume.docx", zipOf(t, map[string]string{"a.txt": "a"}), "",
			ErrUnsupported},
		{"utf-8 text", []byte("Jane Doe\nAccountant"), KindTXT, nil},
		{"latin-1 text", []byte("Zo\xeb Durand, ing\xe9nieur"), KindTXT, nil},
		{"utf-16 text", []byte{0xff, 0xfe, 'J', 0, 'o', 0}, KindTXT, nil},
		{"empty", nil, "", ErrEmpty},
		{"only spaces", []byte(" \n\t "), "", ErrEmpty},
		{"png named resume.pdf", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "", ErrUnsupported},
		{"jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), "", ErrUnsupported},
		{"old word document", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), "", ErrUnsupported},
		{"rtf", []byte(`{\rtf1\ansi Jane}`), "", ErrUnsupported},
		{"binary with nul", []byte("abc\x00def"), "", ErrUnsupported},
		{"mostly high bytes", []byte("\xa9\xb8\xc7\xd6\xe5\xf4abc"), "", ErrUnsupported},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Sniff(tc.data)
			if got != tc.want || !errors.Is(err, tc.wantErr) {
				t.Errorf("Sniff() = %q, %v; want %q, %v", got, err, tc.want, tc.wantErr)
			}
		})
	}
}
