package web_test

import (
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"shortlist/internal/config"
	"shortlist/internal/store/storetest"
	"shortlist/internal/user"
	"shortlist/internal/web/webtest"
)

// BenchmarkUpload100Resumes uploads 100 real resumes from the development
// data set (skipped when it is absent) the way the upload page does: one
// file per request, two requests at a time. Run it with:
//
//	go test -run XXX -bench Upload100Resumes -benchtime 1x ./internal/web/
func BenchmarkUpload100Resumes(b *testing.B) {
	paths, _ := filepath.Glob("../../../shared/data/resumes/*/*")
	var files []upFile
	sort.Strings(paths)
	for _, p := range paths {
		switch filepath.Ext(p) {
		case ".pdf", ".docx", ".txt":
			data, err := os.ReadFile(p)
			if err == nil && len(files) < 100 {
				files = append(files, upFile{filepath.Base(p), data})
			}
		}
	}
	if len(files) < 100 {
		b.Skip("the development data set is not present")
	}
	for b.Loop() {
		env := webtest.Start(b, storetest.Open(b, config.SQLite))
		rec := newAPIClient(b, env, "rec@example.com", user.Recruiter)
		start := time.Now()
		work := make(chan upFile)
		var wg sync.WaitGroup
		for range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for f := range work {
					if res := rec.upload(b, 0, f); res.StatusCode != 200 {
						b.Errorf("upload %s = %d", f.name, res.StatusCode)
					}
				}
			}()
		}
		for _, f := range files {
			work <- f
		}
		close(work)
		wg.Wait()
		b.ReportMetric(time.Since(start).Seconds(), "s_per_100_resumes")
	}
}
