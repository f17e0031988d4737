package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
	"shortlist/internal/user"
	"shortlist/internal/web"
	"shortlist/internal/web/webtest"
)

func TestNavbarFollowsRole(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		tests := []struct {
			role      user.Role
			wantUsers bool
		}{
			{user.Recruiter, false},
			{user.Manager, false},
			{user.Admin, true},
		}
		for _, tc := range tests {
			t.Run(string(tc.role), func(t *testing.T) {
				c := env.Login(string(tc.role)+"@example.com", tc.role)
				res := c.Get("/")
				if res.StatusCode != http.StatusOK {
					t.Fatalf("GET / = %d, want 200", res.StatusCode)
				}
				if got := strings.Contains(res.Body, `data-nav="Users"`); got != tc.wantUsers {
					t.Errorf("navbar shows Users = %v, want %v", got, tc.wantUsers)
				}
				if !strings.Contains(res.Body, string(tc.role)+"@example.com") {
					t.Error("navbar does not name the signed-in user")
				}
			})
		}
	})
}

func TestAdminPagesRefuseOthers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		tests := []struct {
			role user.Role
			want int
		}{
			{user.Recruiter, http.StatusForbidden},
			{user.Manager, http.StatusForbidden},
			{user.Admin, http.StatusOK},
		}
		for _, tc := range tests {
			t.Run(string(tc.role), func(t *testing.T) {
				email := string(tc.role) + "@example.com"
				c := env.Login(email, tc.role)
				if res := c.Get("/users"); res.StatusCode != tc.want {
					t.Errorf("GET /users = %d, want %d", res.StatusCode, tc.want)
				}
				token, err := env.Users.CreateToken(context.Background(), nil, email, "test")
				if err != nil {
					t.Fatalf("CreateToken: %v", err)
				}
				res := env.API("GET", "/api/v1/users", token, "")
				if res.StatusCode != tc.want {
					t.Errorf("GET /api/v1/users = %d, want %d", res.StatusCode, tc.want)
				}
				if tc.want == http.StatusForbidden && !strings.Contains(res.Body, `"error"`) {
					t.Errorf("API refusal body = %s, want a JSON error", res.Body)
				}
			})
		}
	})
}

func TestSignedOutIsSentToLogin(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		res := env.NewClient().Get("/users")
		if res.StatusCode != http.StatusSeeOther ||
			res.Header.Get("Location") != "/login?next=%2Fusers" {
			t.Errorf("GET /users signed out = %d to %q, want 303 to the login page",
				res.StatusCode, res.Header.Get("Location"))
		}
		api := env.API("GET", "/api/v1/me", "", "")
		if api.StatusCode != http.StatusUnauthorized {
			t.Errorf("GET /api/v1/me without token = %d, want 401", api.StatusCode)
		}
		if bad := env.API("GET", "/api/v1/me", "sl_nonsense", ""); bad.StatusCode != 401 {
			t.Errorf("GET /api/v1/me with a bad token = %d, want 401", bad.StatusCode)
		}
	})
}

func TestLoginAnswers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		env.CreateUser("rita@example.com", user.Recruiter)
		tests := []struct {
			name, email, password string
			want                  int
		}{
			{"right password", "rita@example.com", webtest.Password, http.StatusSeeOther},
			{"wrong password", "rita@example.com", "nope nope nope", http.StatusUnauthorized},
			{"unknown email", "ghost@example.com", webtest.Password, http.StatusUnauthorized},
		}
		var bodies []string
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				res := env.NewClient().PostForm("/login",
					url.Values{"email": {tc.email}, "password": {tc.password}})
				if res.StatusCode != tc.want {
					t.Fatalf("POST /login = %d, want %d", res.StatusCode, tc.want)
				}
				if tc.want != http.StatusSeeOther {
					bodies = append(bodies, strings.ReplaceAll(res.Body, tc.email, "EMAIL"))
				}
			})
		}
		if len(bodies) == 2 && bodies[0] != bodies[1] {
			t.Error("wrong password and unknown email get different pages")
		}
	})
}

func TestLoginRateLimitSparesTheOwner(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db, func(d *web.Deps) { d.TrustProxy = true })
		env.CreateUser("rita@example.com", user.Recruiter)
		login := func(from, password string) int {
			req, _ := http.NewRequest("POST", env.URL+"/login", strings.NewReader(url.Values{
				"email": {"rita@example.com"}, "password": {password}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("X-Forwarded-For", from)
			return env.NewClient().Do(req).StatusCode
		}
		var last int
		for i := 0; i < 6; i++ {
			last = login("203.0.113.9", "wrong wrong wrong")
		}
		if last != http.StatusTooManyRequests {
			t.Errorf("6th wrong attempt from one address = %d, want 429", last)
		}
		if got := login("203.0.113.9", webtest.Password); got != http.StatusTooManyRequests {
			t.Errorf("right password from the throttled address = %d, want 429", got)
		}
		if got := login("198.51.100.7", webtest.Password); got != http.StatusSeeOther {
			t.Errorf("the owner from another address = %d, want 303", got)
		}
	})
}

func TestLogoutEndsSessionOnServer(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		c := env.Login("rita@example.com", user.Recruiter)
		u, _ := url.Parse(env.URL)
		cookies := c.Jar.Cookies(u)
		if res := c.PostForm("/logout", url.Values{}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("POST /logout = %d, want 303", res.StatusCode)
		}
		// Replaying the old cookie must not work: the session is gone.
		replay := env.NewClient()
		replay.Jar.SetCookies(u, cookies)
		if res := replay.Get("/"); res.StatusCode != http.StatusSeeOther {
			t.Errorf("GET / with the old cookie = %d, want 303 to login", res.StatusCode)
		}
	})
}

func TestCSRFRequired(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		c := env.Login("admin@example.com", user.Admin)
		form := url.Values{"email": {"new@example.com"}, "role": {"recruiter"},
			"csrf_token": {"forged"}}
		if res := c.PostForm("/users", form); res.StatusCode != http.StatusForbidden {
			t.Errorf("POST /users with a forged token = %d, want 403", res.StatusCode)
		}
		if _, err := env.Users.Lookup(context.Background(), "new@example.com"); err == nil {
			t.Error("the forged request created the user")
		}
		// A cross-site browser request is refused before anything else.
		req, _ := http.NewRequest("POST", env.URL+"/login", strings.NewReader("email=a"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		if res := c.Do(req); res.StatusCode != http.StatusForbidden {
			t.Errorf("cross-site POST /login = %d, want 403", res.StatusCode)
		}
	})
}

func TestSecurityHeaders(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		res := env.Login("rita@example.com", user.Recruiter).Get("/")
		want := map[string]string{
			"X-Content-Type-Options": "nosniff",
			"Cache-Control":          "no-store",
			"Referrer-Policy":        "same-origin",
		}
		for h, v := range want {
			if got := res.Header.Get(h); got != v {
				t.Errorf("header %s = %q, want %q", h, got, v)
			}
		}
		csp := res.Header.Get("Content-Security-Policy")
		for _, part := range []string{"script-src 'self'", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, part) {
				t.Errorf("CSP %q lacks %q", csp, part)
			}
		}
		if strings.Contains(res.Body, "<script>") {
			t.Error("page has an inline script")
		}
	})
}

func TestSessionCookieFlags(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		env.CreateUser("rita@example.com", user.Recruiter)
		res := env.NewClient().PostForm("/login",
			url.Values{"email": {"rita@example.com"}, "password": {webtest.Password}})
		var found bool
		for _, c := range res.Cookies() {
			if c.Name != "shortlist_session" {
				continue
			}
			found = true
			if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || len(c.Value) < 20 {
				t.Errorf("session cookie = %+v, want HttpOnly, SameSite=Lax and a long token", c)
			}
		}
		if !found {
			t.Fatal("login set no session cookie")
		}
	})
}
