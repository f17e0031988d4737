package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
	"shortlist/internal/user"
	"shortlist/internal/web/browsertest"
	"shortlist/internal/web/webtest"
)

func TestBrowserNavbarPerRole(t *testing.T) {
	browser := browsertest.Start(t)
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		tests := []struct {
			role      user.Role
			wantItems []string
		}{
			{user.Recruiter, []string{"Home", "Dashboard", "Candidates", "Jobs"}},
			{user.Manager, []string{"Home", "Dashboard", "Candidates", "Jobs"}},
			{user.Admin, []string{"Home", "Dashboard", "Candidates", "Jobs", "Users",
				"Deleted Candidates"}},
		}
		for _, tc := range tests {
			t.Run(string(tc.role), func(t *testing.T) {
				email := string(tc.role) + "@example.com"
				env.CreateUser(email, tc.role)
				tab := browsertest.Session(t, browser)
				browsertest.Login(t, tab, env.URL, email, webtest.Password)

				nodes := browsertest.Run(t, tab, chromedp.Nodes(chromedp.CSSAll("#navbar [data-nav]")))
				var got []string
				for _, n := range nodes {
					got = append(got, n.AttributeValue("data-nav"))
				}
				if strings.Join(got, ",") != strings.Join(tc.wantItems, ",") {
					t.Errorf("navbar items = %v, want %v", got, tc.wantItems)
				}
				who := browsertest.Run(t, tab, chromedp.Text(chromedp.CSS("#whoami")))
				if !strings.Contains(who, email) || !strings.Contains(who, string(tc.role)) {
					t.Errorf("navbar says %q, want %s and %s", who, email, tc.role)
				}
			})
		}
	})
}

func TestBrowserRecruiterRefusedAdminPage(t *testing.T) {
	browser := browsertest.Start(t)
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		env.CreateUser("rec@example.com", user.Recruiter)
		tab := browsertest.Session(t, browser)
		browsertest.Login(t, tab, env.URL, "rec@example.com", webtest.Password)

		res := browsertest.Run(t, tab, chromedp.NavigateResponse(env.URL+"/users"))
		if res.Status != 403 {
			t.Errorf("GET /users as a recruiter = %d, want 403", res.Status)
		}
		msg := browsertest.Run(t, tab, chromedp.Text(chromedp.CSS("#error-message")))
		if !strings.Contains(msg, "role") {
			t.Errorf("refusal page says %q, want it to name the role", msg)
		}
	})
}

func TestBrowserLogoutEndsSession(t *testing.T) {
	browser := browsertest.Start(t)
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		env.CreateUser("mgr@example.com", user.Manager)
		tab := browsertest.Session(t, browser)
		browsertest.Login(t, tab, env.URL, "mgr@example.com", webtest.Password)

		browsertest.Do(t, tab,
			chromedp.Click(chromedp.CSS("#logout")),
			chromedp.WaitVisible(chromedp.CSS("#login-form")),
			// The toast confirms it, and going back to a page asks to sign in.
			chromedp.WaitVisible(chromedp.CSS("#toasts .toast.show")),
			chromedp.Navigate(env.URL+"/"),
			chromedp.WaitVisible(chromedp.CSS("#login-form")),
		)
		loc := browsertest.Run(t, tab, chromedp.Location())
		if !strings.Contains(loc, "/login") {
			t.Errorf("after logout, / leads to %s, want the login page", loc)
		}
	})
}

func TestBrowserAdminChangesRoleWithToast(t *testing.T) {
	browser := browsertest.Start(t)
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		env.CreateUser("admin@example.com", user.Admin)
		rec := env.CreateUser("rec@example.com", user.Recruiter)
		tab := browsertest.Session(t, browser)
		browsertest.Login(t, tab, env.URL, "admin@example.com", webtest.Password)

		row := "#user-" + itoa(rec.ID)
		browsertest.Do(t, tab,
			chromedp.Navigate(env.URL+"/users"),
			chromedp.WaitVisible(chromedp.CSS(row)),
			chromedp.SetValue(chromedp.CSS(row+" select[name=role]"), "manager"),
			chromedp.Evaluate[chromedp.Void](`document.querySelector('`+row+
				` select[name=role]').dispatchEvent(new Event('change', {bubbles: true}))`),
			chromedp.WaitVisible(chromedp.CSS("#toasts .toast.text-bg-success")),
		)
		text := browsertest.Run(t, tab, chromedp.Text(chromedp.CSS("#toasts .toast.text-bg-success")))
		if !strings.Contains(text, "rec@example.com is now manager") {
			t.Errorf("toast says %q, want the role change", text)
		}
		u, err := env.Users.Lookup(t.Context(), "rec@example.com")
		if err != nil || u.Role != user.Manager {
			t.Errorf("stored role = %v, %v; want manager", u, err)
		}
	})
}
