package web_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"shortlist/internal/candidate"
	"shortlist/internal/job"
	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
	"shortlist/internal/user"
	"shortlist/internal/vetting"
	"shortlist/internal/web/browsertest"
	"shortlist/internal/web/webtest"
)

// adminPages are the pages the admin moves between while others vet.
var adminPages = []string{"/", "/candidates", "/jobs", "/dashboard"}

// TestBrowserVettingDoesNotBlockAdmin is the release check of concurrent
// vetting: a recruiter and a manager press "Vet all" at the same moment in
// their own browsers while the admin moves between pages; every page the
// admin opens loads at once and every vetting completes.
func TestBrowserVettingDoesNotBlockAdmin(t *testing.T) {
	browser := browsertest.Start(t)
	webtest.UseFakeModel(t, 400*time.Millisecond, 4)
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		env.CreateUser("rec@example.com", user.Recruiter)
		env.CreateUser("mgr@example.com", user.Manager)
		env.CreateUser("admin@example.com", user.Admin)
		jobs := seedJobs(t, env, 2, 12)

		tabs := map[string]context.Context{}
		for _, email := range []string{"rec@example.com", "mgr@example.com", "admin@example.com"} {
			tabs[email] = browsertest.Session(t, browser)
			browsertest.Login(t, tabs[email], env.URL, email, webtest.Password)
		}
		for i, email := range []string{"rec@example.com", "mgr@example.com"} {
			browsertest.Do(t, tabs[email], chromedp.Navigate(fmt.Sprintf("%s/jobs/%d/ranking", env.URL, jobs[i])),
				chromedp.WaitVisible(chromedp.CSS("#vet-all")))
		}

		var wg sync.WaitGroup
		for _, email := range []string{"rec@example.com", "mgr@example.com"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				browsertest.Do(t, tabs[email], chromedp.Click(chromedp.CSS("#vet-all")),
					chromedp.WaitVisible(chromedp.CSS("#toasts .toast.text-bg-success")))
			}()
		}
		admin := tabs["admin@example.com"]
		var slowest time.Duration
		for i := range 12 {
			page := adminPages[i%len(adminPages)]
			start := time.Now()
			browsertest.Do(t, admin, chromedp.Navigate(env.URL+page), chromedp.WaitVisible(chromedp.CSS("#main")))
			slowest = max(slowest, time.Since(start))
		}
		wg.Wait()
		if slowest > 1500*time.Millisecond {
			t.Errorf("the slowest admin page took %s while vetting ran, want under 1.5s", slowest)
		}
		t.Logf("slowest admin page while vetting: %s", slowest)

		for i, email := range []string{"rec@example.com", "mgr@example.com"} {
			tab := tabs[email]
			browsertest.Do(t, tab, chromedp.WaitVisible(chromedp.CSS("#progress")))
			deadline := time.Now().Add(60 * time.Second)
			for {
				// Read it in one step: htmx replaces the element every 2 s.
				done := browsertest.Run(t, tab, chromedp.Evaluate[string](
					`(document.querySelector('#progress-done') || {}).textContent || ''`))
				if done == "12" {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("job %d: %s of 12 vettings done after 60s", jobs[i], done)
				}
				time.Sleep(300 * time.Millisecond)
			}
			rows := browsertest.Run(t, tab, chromedp.Evaluate[int](
				`document.querySelectorAll('#ranking-table .ranking-row').length`))
			if rows != 12 {
				t.Errorf("job %d ranking shows %d rows, want 12", jobs[i], rows)
			}
		}
	})
}

// seedJobs makes n open jobs with per candidates each.
func seedJobs(t *testing.T, env *webtest.Env, n, per int) []int64 {
	t.Helper()
	ctx := context.Background()
	mgr, _ := env.Users.Lookup(ctx, "mgr@example.com")
	var ids []int64
	for j := range n {
		jb, err := env.Jobs.Create(ctx, mgr, job.Draft{Title: fmt.Sprint("Role ", j),
			Requirements: []vetting.Requirement{{Kind: vetting.KindMust, Text: "Go"}}})
		if err != nil {
			t.Fatal(err)
		}
		var files []candidate.Upload
		for i := range per {
			files = append(files, candidate.Upload{Name: fmt.Sprintf("%d-%d.txt", j, i),
				Data: sampleResume(fmt.Sprintf("Person %d %d", j, i), strings.ToLower(fmt.Sprintf("p%d%d@example.com", j, i)))})
		}
		for k := 0; k < len(files); k += 5 {
			if _, err := env.Candidates.Import(ctx, mgr, jb.ID, files[k:min(k+5, len(files))]); err != nil {
				t.Fatal(err)
			}
		}
		ids = append(ids, jb.ID)
	}
	return ids
}
