package resume

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkDocument asserts what every extracted document must satisfy.
func checkDocument(t *testing.T, doc *Document) {
	t.Helper()
	if !utf8.ValidString(doc.Text) {
		t.Fatalf("Extract().Text is not valid UTF-8: %q", doc.Text)
	}
	if strings.ContainsFunc(doc.Text, isZeroWidth) {
		t.Fatalf("Extract().Text = %q, holds zero-width characters", doc.Text)
	}
	if doc.Quality.Chars != utf8.RuneCountInString(doc.Text) {
		t.Fatalf("Extract().Quality.Chars = %d, want %d", doc.Quality.Chars,
			utf8.RuneCountInString(doc.Text))
	}
	last := 0
	for _, s := range doc.Sections {
		if s.Start < last || s.End < s.Start || s.End > len(doc.Text) {
			t.Fatalf("Extract().Sections = %+v, want ordered offsets within %d", doc.Sections,
				len(doc.Text))
		}
		last = s.End
	}
	for _, h := range doc.Hidden {
		if h.Text == "" || h.Reason == "" {
			t.Fatalf("Extract().Hidden holds an empty entry: %+v", h)
		}
	}
}

// knownError reports whether err wraps one of the package's sentinels.
func knownError(err error) bool {
	for _, s := range []error{ErrEmpty, ErrUnsupported, ErrTooLarge, ErrEncrypted, ErrCorrupt,
		ErrTooManyFiles, ErrZipBomb, ErrTimeout, ErrUnsafe} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// fuzzExtract extracts data and checks the result or the error.
func fuzzExtract(t *testing.T, data []byte) {
	doc, err := testExtractor.Extract(context.Background(), data)
	if err != nil {
		if !knownError(err) {
			t.Fatalf("Extract() error = %v, want one of the package's errors", err)
		}
		return
	}
	checkDocument(t, doc)
}

func FuzzSniff(f *testing.F) {
	f.Add([]byte("%PDF-1.4"))
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("Jane Doe"))
	f.Add([]byte{0xff, 0xfe, 'a', 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		kind, err := Sniff(data)
		if len(bytes.TrimSpace(data)) == 0 && !errors.Is(err, ErrEmpty) {
			t.Fatalf("Sniff(blank) = %q, %v; want %v", kind, err, ErrEmpty)
		}
		if err == nil && kind != KindPDF && kind != KindDOCX && kind != KindTXT {
			t.Fatalf("Sniff() = %q, want a known kind", kind)
		}
		if err != nil && !knownError(err) {
			t.Fatalf("Sniff() error = %v, want one of the package's errors", err)
		}
	})
}

func FuzzExtractTXT(f *testing.F) {
	f.Add([]byte("Jane Doe\nSkills\nNaÃ¯ve â€“ Bayes\u200b"))
	f.Add([]byte("Zo\xeb \x93x\x94"))
	f.Add([]byte{0xfe, 0xff, 0, 'J', 0xd8, 0x00})
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := Sniff(data); err != nil {
			return
		}
		fuzzExtract(t, data)
	})
}

func FuzzExtractDOCX(f *testing.F) {
	f.Add(para("", "Jane", "<w:vanish/>", "hidden"))
	f.Add(`<w:tbl><w:tr><w:tc>` + para("", "a") + `</w:tc></w:tr></w:tbl>`)
	f.Add(`<w:p><w:r><w:t>&amp;&#x41;</w:t></w:r>`)
	f.Fuzz(func(t *testing.T, body string) {
		fuzzExtract(t, buildDOCX(t, body, nil))
	})
}

func FuzzUnzip(f *testing.F) {
	f.Add(zipOf(f, map[string]string{"a.txt": "a", "__MACOSX/b": "b"}))
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	limits := Limits{MaxFileBytes: 1 << 16, MaxBatchFiles: 4, MaxUnpackedBytes: 1 << 18}
	f.Fuzz(func(t *testing.T, data []byte) {
		files, err := Unzip(data, limits)
		if err != nil {
			if !knownError(err) {
				t.Fatalf("Unzip() error = %v, want one of the package's errors", err)
			}
			return
		}
		if len(files) > limits.MaxBatchFiles {
			t.Fatalf("Unzip() = %d files, want at most %d", len(files), limits.MaxBatchFiles)
		}
		for _, file := range files {
			if int64(len(file.Data)) > limits.MaxFileBytes || SafeName(file.Name) != file.Name {
				t.Fatalf("Unzip() file %q of %d bytes breaks the limits", file.Name, len(file.Data))
			}
		}
	})
}

func FuzzExtractPDF(f *testing.F) {
	f.Add(buildPDF([]pdfPage{textPage("Jane Doe", "Skills")}, false))
	f.Add(buildPDF([]pdfPage{textPage("x")}, true))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.HasPrefix(data, []byte("%PDF")) {
			return
		}
		fuzzExtract(t, data)
	})
}
