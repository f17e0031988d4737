package resume

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
)

// sharedResumes is the development data set, relative to this package in
// the repository; it is not part of the repository.
var sharedResumes = filepath.Join("..", "..", "..", "shared", "data", "resumes")

// readableFloor is the share of readable files measured on the shared data
// set (330 of 333 files, 99.1%; see TestSharedDataReadable), less a margin.
const readableFloor = 0.97

// TestSharedDataReadable extracts every resume listed in labels.csv and
// fails if the share of readable results drops below readableFloor.
func TestSharedDataReadable(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: reads the whole shared data set")
	}
	files := sharedFiles(t)
	readable := 0
	for _, name := range files {
		data, err := os.ReadFile(filepath.Join(sharedResumes, name))
		if err != nil {
			t.Fatalf("read %s: %v", name, err)
		}
		doc, err := testExtractor.Extract(context.Background(), data)
		if err == nil && isReadable(doc.Text) {
			readable++
			continue
		}
		t.Logf("not readable: %s (err %v)", name, err)
	}
	share := float64(readable) / float64(len(files))
	t.Logf("readable: %d of %d files (%.1f%%)", readable, len(files), 100*share)
	if share < readableFloor {
		t.Errorf("readable share = %.3f, want at least %.3f", share, readableFloor)
	}
}

// sharedFiles lists the files of labels.csv, skipping when it is absent.
func sharedFiles(t testing.TB) []string {
	f, err := os.Open(filepath.Join(sharedResumes, "labels.csv"))
	if err != nil {
		t.Skip("shared data set absent")
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("read labels.csv: %v", err)
	}
	var files []string
	for _, row := range rows[1:] {
		files = append(files, row[0])
	}
	return files
}

// isReadable decides whether extracted text is fit for a person or a
// ranking model. Readable means: at least 200 letters; at least 90% of
// the words of two or more letters look like words (letters only, a vowel
// unless a short acronym, a usual case pattern, at most 25 letters); no
// run of 8 or more symbols that are neither letters, digits, spaces nor
// usual punctuation; and no leftover mojibake ("Ã", "â€") or replacement
// characters.
func isReadable(text string) bool {
	letters := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 200 || hasJunkRun(text, 8) || strings.ContainsAny(text, "\uFFFD") ||
		strings.Contains(text, "Ã") || strings.Contains(text, "â€") {
		return false
	}
	words, good := 0, 0
	for _, f := range strings.Fields(text) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
		if len([]rune(w)) < 2 || strings.ContainsFunc(w, unicode.IsDigit) {
			continue
		}
		words++
		if looksLikeWord(w) {
			good++
		}
	}
	return words > 0 && float64(good) >= 0.9*float64(words)
}

// looksLikeWord applies the word test of isReadable to one token.
func looksLikeWord(w string) bool {
	rs := []rune(w)
	if len(rs) > 25 {
		return false
	}
	upper, vowel := 0, false
	for _, r := range rs {
		switch {
		case unicode.IsUpper(r):
			upper++
		case !unicode.IsLetter(r) && !strings.ContainsRune("-'’./&", r):
			return false
		}
		if strings.ContainsRune("aeiouyàáâäèéêëìíîïòóôöùúûüAEIOUYÀÁÂÄÈÉÊËÌÍÎÏÒÓÔÖÙÚÛÜ", r) {
			vowel = true
		}
	}
	caseOK := upper == 0 || upper == len(rs) || upper <= 3 && unicode.IsUpper(rs[0])
	return caseOK && (vowel || upper == len(rs) && len(rs) <= 5)
}

// hasJunkRun reports n or more symbols in a row that no text would have.
func hasJunkRun(text string, n int) bool {
	run := 0
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r) ||
			strings.ContainsRune(".,;:!?-–—()[]/&'\"’“”%+@#*•·|_", r) {
			run = 0
			continue
		}
		if run++; run >= n {
			return true
		}
	}
	return false
}

// BenchmarkExtractPDF reads the PDFs of the shared data set and reports
// the time per page and the files read per second.
func BenchmarkExtractPDF(b *testing.B) {
	var pdfs [][]byte
	for _, name := range sharedFiles(b) {
		if strings.HasSuffix(name, ".pdf") {
			data, err := os.ReadFile(filepath.Join(sharedResumes, name))
			if err != nil {
				b.Fatalf("read %s: %v", name, err)
			}
			pdfs = append(pdfs, data)
		}
	}
	ctx := context.Background()
	pages, files := 0, 0
	start := time.Now()
	for b.Loop() {
		doc, err := testExtractor.Extract(ctx, pdfs[files%len(pdfs)])
		if err != nil {
			b.Fatalf("Extract(file %d) error: %v", files%len(pdfs), err)
		}
		pages += doc.Quality.Pages
		files++
	}
	elapsed := time.Since(start)
	b.ReportMetric(float64(elapsed.Milliseconds())/float64(max(pages, 1)), "ms/page")
	b.ReportMetric(float64(files)/elapsed.Seconds(), "files/s")
}
