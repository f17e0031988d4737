package resume

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// testExtractor is shared by the tests: starting the PDF engine is the
// slow part, and the compilation cache in the temp directory makes later
// runs start fast.
var testExtractor *Extractor

func TestMain(m *testing.M) {
	ctx := context.Background()
	ex, err := NewExtractor(ctx, Config{CacheDir: testCacheDir(), Workers: 2})
	if err != nil {
		fmt.Fprintln(os.Stderr, "start extractor:", err)
		os.Exit(1)
	}
	testExtractor = ex
	code := m.Run()
	if err := ex.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "close extractor:", err)
	}
	os.Exit(code)
}

// testCacheDir is where tests keep the compiled PDF engine between runs.
func testCacheDir() string {
	return filepath.Join(os.TempDir(), "shortlist-resume-test-cache")
}
