package web_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"shortlist/internal/candidate"
	"shortlist/internal/fault"
	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
	"shortlist/internal/user"
	"shortlist/internal/web/browsertest"
	"shortlist/internal/web/webtest"
)

// importCandidate brings a resume in as the given user, without the browser.
func importCandidate(t *testing.T, env *webtest.Env, u *user.User, name string) int64 {
	t.Helper()
	res, err := env.Candidates.Import(context.Background(), u, 0, []candidate.Upload{
		{Name: name + ".txt", Data: sampleResume(name, strings.ToLower(strings.Fields(name)[0])+"@example.com")}})
	if err != nil || res[0].CandidateID == 0 {
		t.Fatalf("import %s: %+v, %v", name, res, err)
	}
	return res[0].CandidateID
}

// TestBrowserDeletionFlow walks the release check of deletion: a recruiter
// deletes, the admin sees who did it in the trash, restores with a toast and
// no reload, then deletes forever through the confirm modal.
func TestBrowserDeletionFlow(t *testing.T) {
	browser := browsertest.Start(t)
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		rec := env.CreateUser("recruiter@example.com", user.Recruiter)
		env.CreateUser("admin@example.com", user.Admin)
		id := importCandidate(t, env, rec, "Ada Lovelace")
		sid := itoa(id)

		recTab := browsertest.Session(t, browser)
		browsertest.Login(t, recTab, env.URL, "recruiter@example.com", webtest.Password)
		browsertest.Do(t, recTab,
			chromedp.Navigate(env.URL+"/candidates/"+sid),
			chromedp.Click(chromedp.CSS("#delete-open")),
			chromedp.WaitVisible(chromedp.CSS("#reason")),
			chromedp.SetValue(chromedp.CSS("#reason"), candidate.CommonReasons[1]),
			chromedp.Click(chromedp.CSS("#delete-submit")),
			chromedp.WaitVisible(chromedp.CSS("#candidates-table")),
			chromedp.WaitVisible(chromedp.CSS("#toasts .toast.text-bg-success")),
		)

		adminTab := browsertest.Session(t, browser)
		browsertest.Login(t, adminTab, env.URL, "admin@example.com", webtest.Password)
		row := "#trash-" + sid
		browsertest.Do(t, adminTab,
			chromedp.Navigate(env.URL+"/trash"),
			chromedp.WaitVisible(chromedp.CSS(row)),
		)
		by := browsertest.Run(t, adminTab, chromedp.Text(chromedp.CSS(row+" .deleted-by")))
		if by != "recruiter@example.com (recruiter)" {
			t.Errorf("trash says deleted by %q, want the recruiter with role", by)
		}

		// A marker on the window survives only if the page is not reloaded.
		browsertest.Do(t, adminTab,
			chromedp.Evaluate[chromedp.Void](`window.noReload = true`),
			chromedp.Click(chromedp.CSS(row+" [data-action=restore]")),
			chromedp.WaitVisible(chromedp.CSS("#toasts .toast.text-bg-success")),
			chromedp.WaitNotPresent(chromedp.CSS(row)),
		)
		if !browsertest.Run(t, adminTab, chromedp.Evaluate[bool](`window.noReload === true`)) {
			t.Error("the page reloaded on restore")
		}
		toastText := browsertest.Run(t, adminTab, chromedp.Text(chromedp.CSS("#toasts .toast.text-bg-success")))
		if !strings.Contains(toastText, "restored") {
			t.Errorf("toast says %q, want restored", toastText)
		}
		browsertest.Do(t, adminTab,
			chromedp.Navigate(env.URL+"/candidates"),
			chromedp.WaitVisible(chromedp.CSS("#candidate-"+sid)),
		)

		if _, err := env.Candidates.Delete(context.Background(), rec, id, "Uploaded by mistake"); err != nil {
			t.Fatal(err)
		}
		browsertest.Do(t, adminTab,
			chromedp.Navigate(env.URL+"/trash"),
			chromedp.WaitVisible(chromedp.CSS(row)),
			chromedp.Evaluate[chromedp.Void](`window.noReload = true`),
			chromedp.Click(chromedp.CSS(row+" [data-action=purge]")),
			chromedp.WaitVisible(chromedp.CSS("#confirm-modal-ok")),
			chromedp.Click(chromedp.CSS("#confirm-modal-ok")),
			chromedp.WaitNotPresent(chromedp.CSS(row)),
			chromedp.WaitVisible(chromedp.CSS("#toasts .toast.text-bg-success")),
		)
		all := browsertest.Run(t, adminTab, chromedp.Text(chromedp.CSS("#toasts")))
		if !strings.Contains(all, "permanently deleted") {
			t.Errorf("toasts say %q, want permanently deleted", all)
		}
		if !browsertest.Run(t, adminTab, chromedp.Evaluate[bool](`window.noReload === true`)) {
			t.Error("the page reloaded on delete forever")
		}
		admin, _ := env.Users.Lookup(context.Background(), "admin@example.com")
		if _, err := env.Candidates.Get(context.Background(), admin, id); fault.KindOf(err) != fault.NotFound {
			t.Errorf("candidate after delete forever: %v, want NotFound", err)
		}
	})
}

func TestBrowserUploadShowsResultPerFile(t *testing.T) {
	browser := browsertest.Start(t)
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		env.CreateUser("rec@example.com", user.Recruiter)
		dir := t.TempDir()
		good := filepath.Join(dir, "grace.txt")
		empty := filepath.Join(dir, "empty.pdf")
		os.WriteFile(good, sampleResume("Grace Hopper", "grace@example.com"), 0o600)
		os.WriteFile(empty, nil, 0o600)

		tab := browsertest.Session(t, browser)
		browsertest.Login(t, tab, env.URL, "rec@example.com", webtest.Password)
		browsertest.Do(t, tab,
			chromedp.Navigate(env.URL+"/candidates/upload"),
			chromedp.WaitVisible(chromedp.CSS("#drop-zone")),
			chromedp.SetUploadFiles(chromedp.CSS("#files"), []string{good, empty}),
			chromedp.WaitVisible(chromedp.CSS(".upload-ok a")),
			chromedp.WaitVisible(chromedp.CSS(".upload-error")),
		)
		ok := browsertest.Run(t, tab, chromedp.Text(chromedp.CSS(".upload-ok")))
		bad := browsertest.Run(t, tab, chromedp.Text(chromedp.CSS(".upload-error")))
		if !strings.Contains(ok, "grace.txt") || !strings.Contains(bad, "empty") {
			t.Errorf("results say %q and %q, want grace.txt stored and empty.pdf refused", ok, bad)
		}
	})
}
