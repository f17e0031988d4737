package resume

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestExtractPDFHidden(t *testing.T) {
	white := [3]float64{1, 1, 1}
	base := textPage("Jane Doe", "Experience", "Accountant at Example Corp")
	tests := []struct {
		name   string
		extra  pdfText
		boxes  [][5]float64
		covers [][4]float64
		reason string // "" when the extra text must be visible
	}{
		{"white text", pdfText{x: 72, y: 500, size: 11, text: "python kubernetes", rgb: white},
			nil, nil, ReasonWhite},
		{"tiny text", pdfText{x: 72, y: 500, size: 1, text: "python kubernetes"},
			nil, nil, ReasonTiny},
		{"off-page text", pdfText{x: 700, y: 500, size: 11, text: "python kubernetes"},
			nil, nil, ReasonOffPage},
		{"invisible render mode", pdfText{x: 72, y: 500, size: 11, text: "python kubernetes",
			mode: 3}, nil, nil, ReasonInvisible},
		{"covered by a white box", pdfText{x: 72, y: 500, size: 11, text: "python kubernetes"},
			nil, [][4]float64{{60, 490, 300, 30}}, ReasonCovered},
		{"white on a dark band is visible", pdfText{x: 72, y: 500, size: 11,
			text: "python kubernetes", rgb: white}, [][5]float64{{60, 490, 300, 30, 0.1}}, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := base
			page.texts = append(append([]pdfText(nil), base.texts...), tc.extra)
			page.boxes, page.covers = tc.boxes, tc.covers
			doc := mustExtract(t, buildPDF([]pdfPage{page}, false))
			inText := strings.Contains(doc.Text, "python kubernetes")
			if !strings.Contains(doc.Text, "Accountant at Example Corp") {
				t.Errorf("Extract().Text = %q, want the visible lines", doc.Text)
			}
			if tc.reason == "" {
				if !inText || len(doc.Hidden) != 0 {
					t.Errorf("Extract() = text %q hidden %v, want the text visible", doc.Text, doc.Hidden)
				}
				return
			}
			want := []Hidden{{Text: "python kubernetes", Reason: tc.reason, Page: 1}}
			if inText || !equalHidden(doc.Hidden, want) {
				t.Errorf("Extract() = text %q hidden %v, want hidden %v", doc.Text, doc.Hidden, want)
			}
		})
	}
}

func TestExtractPDFLayout(t *testing.T) {
	// The content stream interleaves the two columns line by line; the text
	// must come out column by column.
	var cols pdfPage
	cols.texts = append(cols.texts, pdfText{x: 72, y: 740, size: 16, text: "Jane Doe"})
	for i := range 6 {
		y := 700 - 14*float64(i)
		cols.texts = append(cols.texts,
			pdfText{x: 72, y: y, size: 10, text: "left column line " + string(rune('a'+i))},
			pdfText{x: 340, y: y, size: 10, text: "right column line " + string(rune('a'+i))})
	}
	tests := []struct {
		name  string
		pages []pdfPage
		want  string
	}{
		{"single column", []pdfPage{textPage("Jane Doe", "Summary", "Careful accountant.")},
			"Jane Doe\nSummary\nCareful accountant."},
		{"two pages", []pdfPage{textPage("page one"), textPage("page two")},
			"page one\n\npage two"},
		{"two columns", []pdfPage{cols}, "Jane Doe\n" +
			"left column line a\nleft column line b\nleft column line c\n" +
			"left column line d\nleft column line e\nleft column line f\n" +
			"right column line a\nright column line b\nright column line c\n" +
			"right column line d\nright column line e\nright column line f"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := mustExtract(t, buildPDF(tc.pages, false))
			if doc.Text != tc.want {
				t.Errorf("Extract().Text = %q, want %q", doc.Text, tc.want)
			}
		})
	}
}

func TestExtractPDFErrors(t *testing.T) {
	good := buildPDF([]pdfPage{textPage("Jane Doe")}, false)
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"encrypted", buildPDF([]pdfPage{textPage("Jane Doe")}, true), ErrEncrypted},
		{"truncated", good[:len(good)/3], ErrCorrupt},
		{"header only", []byte("%PDF-1.7\n"), ErrCorrupt},
		{"garbage after header", append([]byte("%PDF-1.4\n"), make([]byte, 64)...), ErrCorrupt},
		{"empty", nil, ErrEmpty},
		{"image under a pdf name", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrUnsupported},
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

func TestExtractPDFNoText(t *testing.T) {
	page := pdfPage{boxes: [][5]float64{{100, 100, 300, 300, 0.3}}}
	doc := mustExtract(t, buildPDF([]pdfPage{page}, false))
	if doc.Quality.HasText || !doc.Quality.NeedsReview || doc.Quality.Pages != 1 {
		t.Errorf("Extract().Quality = %+v, want no text, needs review, 1 page", doc.Quality)
	}
}

func TestExtractLimits(t *testing.T) {
	ctx := context.Background()
	ex, err := NewExtractor(ctx, Config{CacheDir: testCacheDir(),
		Limits: Limits{MaxPages: 2, MaxFileBytes: 4000, Timeout: 0}, Workers: 1})
	if err != nil {
		t.Fatalf("NewExtractor() error = %v", err)
	}
	defer ex.Close()

	three := buildPDF([]pdfPage{textPage("one"), textPage("two"), textPage("three")}, false)
	doc, err := ex.Extract(ctx, three)
	if err != nil {
		t.Fatalf("Extract(3 pages) error = %v", err)
	}
	if doc.Text != "one\n\ntwo" || doc.Quality.Pages != 3 || len(doc.Quality.Warnings) == 0 {
		t.Errorf("Extract(3 pages) = %q %+v, want two pages read and a warning", doc.Text, doc.Quality)
	}
	big := []byte(strings.Repeat("word ", 1000))
	if _, err := ex.Extract(ctx, big); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Extract(5000 bytes) error = %v, want %v", err, ErrTooLarge)
	}
	expired, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := ex.Extract(expired, three); !errors.Is(err, ErrTimeout) {
		t.Errorf("Extract(cancelled) error = %v, want %v", err, ErrTimeout)
	}
	if doc, err := ex.Extract(ctx, three); err != nil || doc.Quality.Pages != 3 {
		t.Errorf("Extract() after a cancelled one = %v, %v; want it to work", doc, err)
	}
}

// mustExtract extracts data with the shared extractor.
func mustExtract(t *testing.T, data []byte) *Document {
	t.Helper()
	doc, err := testExtractor.Extract(context.Background(), data)
	if err != nil {
		t.Fatalf("Extract() error = %v", err)
	}
	return doc
}

// equalHidden compares hidden lists.
func equalHidden(got, want []Hidden) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i] != want[i] {
			return false
		}
	}
	return true
}
