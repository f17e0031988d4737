package eval

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"shortlist/internal/resume"
	"shortlist/internal/vetting/local"
)

// sharedData is the development data set beside the repository.
const sharedData = "../../../shared/data"

// TestEvalSharedData ranks the development data with the local engine and
// the BM25 baseline and fails when the local engine does not beat BM25 on
// NDCG@10 and P@10 of the good-match jobs. Resumes are read by the
// product's own reader (PDF, DOCX and TXT).
func TestEvalSharedData(t *testing.T) {
	if testing.Short() {
		t.Skip("long test")
	}
	if _, err := os.Stat(filepath.Join(sharedData, "resumes", "labels.csv")); err != nil {
		t.Skip("development data set not present")
	}
	ctx := context.Background()
	cache := filepath.Join(os.TempDir(), "shortlist-resume-test-cache")
	ex, err := resume.NewExtractor(ctx, resume.Config{CacheDir: cache})
	if err != nil {
		t.Fatal(err)
	}
	defer ex.Close()
	evalWith(t, ExtractWith(ctx, ex))
}

func evalWith(t *testing.T, read func(string) (string, error)) {
	ds, err := LoadDataset(sharedData, read)
	if err != nil {
		t.Fatalf("LoadDataset = %v", err)
	}
	texts := make([]string, len(ds.Resumes))
	for i, r := range ds.Resumes {
		texts[i] = r.Text
	}
	ctx := context.Background()
	loc, err := Run(ctx, ds, local.New())
	if err != nil {
		t.Fatalf("Run(local) = %v", err)
	}
	base, err := Run(ctx, ds, NewBM25(texts))
	if err != nil {
		t.Fatalf("Run(bm25) = %v", err)
	}
	var buf bytes.Buffer
	if err := loc.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	if err := base.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d resumes, %d jobs\n%s", len(ds.Resumes), len(ds.Jobs), buf.String())
	if loc.Overall.NDCG10 <= base.Overall.NDCG10 || loc.Overall.P10 <= base.Overall.P10 {
		t.Errorf("local NDCG@10 %.3f P@10 %.3f, want above bm25 NDCG@10 %.3f P@10 %.3f",
			loc.Overall.NDCG10, loc.Overall.P10, base.Overall.NDCG10, base.Overall.P10)
	}
}
