package web_test

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"

	"shortlist/internal/candidate"
	"shortlist/internal/config"
	"shortlist/internal/job"
	"shortlist/internal/store/storetest"
	"shortlist/internal/user"
	"shortlist/internal/vetting"
	"shortlist/internal/web/webtest"
)

// BenchmarkAdminPagesWhileVetting measures what an admin waits for pages
// (home, candidate list, a job's shortlist) first on an idle server, then
// while 20 recruiters vet at once against a model that takes 2 s per answer.
// Run it with:
//
//	go test -run XXX -bench AdminPagesWhileVetting -benchtime 300x ./internal/web/
//
// It reports p95_idle_ms and p95_vetting_ms; each iteration is one page
// on the idle server, and the admin keeps browsing for at least ten seconds
// under load.
func BenchmarkAdminPagesWhileVetting(b *testing.B) {
	model := webtest.UseFakeModel(b, 2*time.Second, 8)
	env := webtest.Start(b, storetest.Open(b, config.SQLite))
	jobs, recruiters := seedVettingBench(b, env)
	admin := env.Login("admin@example.com", user.Admin)
	pages := []string{"/", "/candidates", fmt.Sprintf("/jobs/%d/ranking", jobs[0])}

	idle := timePages(b, admin, pages, b.N)

	// Twenty recruiters press "Vet all" at the same moment.
	var wg sync.WaitGroup
	for i, c := range recruiters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Get(fmt.Sprintf("/jobs/%d/ranking", jobs[i%len(jobs)]))
			c.HTMX(fmt.Sprintf("/jobs/%d/vet", jobs[i%len(jobs)]), url.Values{"only": {"all"}})
		}()
	}
	wg.Wait()
	// Keep browsing for at least ten seconds, so that model answers (2 s
	// each) arrive and are saved while the admin works.
	var busy []float64
	for start := time.Now(); len(busy) < b.N || time.Since(start) < 10*time.Second; {
		busy = append(busy, timePages(b, admin, pages, len(pages))...)
		time.Sleep(20 * time.Millisecond)
	}

	b.ReportMetric(p95(idle), "p95_idle_ms")
	b.ReportMetric(p95(busy), "p95_vetting_ms")
	b.ReportMetric(float64(model.Calls()), "model_answers")
	b.ReportMetric(float64(len(busy)), "pages_while_vetting")
}

// seedVettingBench makes 4 jobs with 50 candidates each and 20 signed-in
// recruiters.
func seedVettingBench(b *testing.B, env *webtest.Env) ([]int64, []*webtest.Client) {
	ctx := context.Background()
	mgr := env.CreateUser("manager@example.com", user.Manager)
	var jobs []int64
	for j := range 4 {
		jb, err := env.Jobs.Create(ctx, mgr, job.Draft{Title: fmt.Sprint("Job ", j),
			Requirements: []vetting.Requirement{{Kind: vetting.KindMust, Text: "Go"}}})
		if err != nil {
			b.Fatal(err)
		}
		jobs = append(jobs, jb.ID)
		var files []candidate.Upload
		for i := range 50 {
			files = append(files, candidate.Upload{Name: fmt.Sprintf("%d-%d.txt", j, i),
				Data: sampleResume(fmt.Sprintf("Person %d %d", j, i), fmt.Sprintf("p%d.%d@example.com", j, i))})
		}
		for k := 0; k < len(files); k += 10 {
			if _, err := env.Candidates.Import(ctx, mgr, jb.ID, files[k:k+10]); err != nil {
				b.Fatal(err)
			}
		}
	}
	var recs []*webtest.Client
	for i := range 20 {
		recs = append(recs, env.Login(fmt.Sprintf("rec%d@example.com", i), user.Recruiter))
	}
	return jobs, recs
}

// timePages fetches the pages in turn n times and returns each latency in ms.
func timePages(b *testing.B, c *webtest.Client, pages []string, n int) []float64 {
	out := make([]float64, 0, n)
	for i := range n {
		start := time.Now()
		res := c.Get(pages[i%len(pages)])
		out = append(out, float64(time.Since(start).Microseconds())/1000)
		if res.StatusCode != 200 {
			b.Fatalf("GET %s = %d", pages[i%len(pages)], res.StatusCode)
		}
	}
	return out
}

func p95(ms []float64) float64 {
	if len(ms) == 0 {
		return 0
	}
	s := slices.Clone(ms)
	slices.Sort(s)
	return s[int(float64(len(s)-1)*0.95)]
}
