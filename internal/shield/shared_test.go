package shield

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"shortlist/internal/resume"
)

// sharedResumes is the development data set; it is not part of the
// repository.
var sharedResumes = filepath.Join("..", "..", "..", "shared", "data", "resumes")

// TestSharedResumesNotFlagged reads every resume of the development data
// set with the product reader and fails if Scan flags any of them. None of
// them tries to steer a model, so every finding is a false positive.
// Run it with:
//
//	go test -run TestSharedResumesNotFlagged -v ./internal/shield
func TestSharedResumesNotFlagged(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: reads the whole shared data set")
	}
	f, err := os.Open(filepath.Join(sharedResumes, "labels.csv"))
	if err != nil {
		t.Skip("shared data set absent")
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("read labels.csv: %v", err)
	}
	ctx := context.Background()
	cache := filepath.Join(os.TempDir(), "shortlist-resume-test-cache")
	ex, err := resume.NewExtractor(ctx, resume.Config{CacheDir: cache})
	if err != nil {
		t.Fatalf("start extractor: %v", err)
	}
	defer ex.Close()

	read, flagged := 0, 0
	for _, row := range rows[1:] {
		data, err := os.ReadFile(filepath.Join(sharedResumes, row[0]))
		if err != nil {
			t.Fatalf("read %s: %v", row[0], err)
		}
		doc, err := ex.Extract(ctx, data)
		if err != nil {
			continue // unreadable files are the reader's tests' concern
		}
		read++
		if fs := Scan(doc.Text); len(fs) > 0 {
			flagged++
			t.Errorf("Scan(%s) = %s, want no findings", row[0], Flag(fs))
		}
	}
	t.Logf("flagged %d of %d readable resumes (%.1f%%)", flagged, read,
		100*float64(flagged)/float64(max(read, 1)))
}
