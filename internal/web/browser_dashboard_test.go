package web_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
	"shortlist/internal/user"
	"shortlist/internal/web/browsertest"
	"shortlist/internal/web/webtest"
)

// stageCounts reads the data points of the candidates-per-stage chart.
const stageCounts = `(() => {
	const c = window.Chart && Chart.getChart('chart-stages');
	return c ? c.data.datasets[0].data.join(',') : 'no chart';
})()`

func TestBrowserDashboardShowsOthersLive(t *testing.T) {
	browser := browsertest.Start(t)
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		env.CreateUser("admin@example.com", user.Admin)
		rec := newAPIClient(t, env, "rec@example.com", user.Recruiter)
		rec.upload(t, 0, upFile{"a.txt", sampleResume("Ann Able", "ann@example.com")})

		tab := browsertest.Session(t, browser)
		browsertest.Login(t, tab, env.URL, "admin@example.com", webtest.Password)
		browsertest.Do(t, tab,
			chromedp.Navigate(env.URL+"/dashboard"),
			chromedp.WaitVisible(chromedp.CSS("#live-status.text-bg-success")),
			// A mark that a reload would wipe out.
			chromedp.Evaluate[chromedp.Void](`window.notReloaded = true`),
		)
		// Stages are new, advanced, hold, rejected: one new candidate.
		if got := browsertest.Run(t, tab, chromedp.Evaluate[string](stageCounts)); got != "1,0,0,0" {
			t.Errorf("stage chart data = %s, want 1,0,0,0", got)
		}

		start := time.Now()
		rec.upload(t, 0, upFile{"b.txt", sampleResume("Ben Best", "ben@example.com")})
		browsertest.Do(t, tab, chromedp.Poll[chromedp.Void](`(() => {
			const first = document.querySelector('#recent-activity li');
			return first && first.textContent.includes('rec@example.com') &&
				first.textContent.includes('candidate.uploaded') &&
				document.querySelectorAll('#recent-activity li').length >= 2;
		})()`, chromedp.WithPollingTimeout(5*time.Second)))
		t.Logf("feed showed the upload after %s", time.Since(start).Round(time.Millisecond))

		browsertest.Do(t, tab, chromedp.Poll[chromedp.Void](
			stageCounts+` === '2,0,0,0'`, chromedp.WithPollingTimeout(5*time.Second)))
		active := browsertest.Run(t, tab, chromedp.Text(chromedp.CSS("#stat-active")))
		if strings.TrimSpace(active) != "2" {
			t.Errorf("active candidates card = %q, want 2", active)
		}
		if !browsertest.Run(t, tab, chromedp.Evaluate[bool](`window.notReloaded === true`)) {
			t.Error("the page reloaded, want it updated in place")
		}
	})
}
