package web_test

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
	"shortlist/internal/user"
	"shortlist/internal/web/webtest"
)

// dashboardAnswer is the part of GET /api/v1/dashboard the tests read.
type dashboardAnswer struct {
	UserID   int64 `json:"user_id"`
	Headline struct {
		ActiveCandidates int `json:"active_candidates"`
	} `json:"headline"`
	ActivityPerUser []struct {
		Email string `json:"email"`
	} `json:"activity_per_user"`
	Recent []struct {
		ActorEmail string `json:"actor_email"`
	} `json:"recent_activity"`
}

func TestDashboardRoleRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		alice := newAPIClient(t, env, "alice@example.com", user.Recruiter)
		bob := newAPIClient(t, env, "bob@example.com", user.Recruiter)
		mgr := newAPIClient(t, env, "mgr@example.com", user.Manager)
		alice.upload(t, 0, upFile{"a.txt", sampleResume("Ann Able", "ann@example.com")})
		bob.upload(t, 0, upFile{"b.txt", sampleResume("Ben Best", "ben@example.com")},
			upFile{"c.txt", sampleResume("Cy Cole", "cy@example.com")})
		bobUser, _ := env.Users.Lookup(context.Background(), "bob@example.com")

		tests := []struct {
			name       string
			client     apiClient
			query      string
			wantActive int
			wantOnly   string // the only actor shown, "" for anyone
		}{
			{"recruiter sees own", alice, "", 1, "alice@example.com"},
			{"recruiter cannot look at another", alice, "?user_id=" + itoa(bobUser.ID), 1,
				"alice@example.com"},
			{"manager sees everyone", mgr, "", 3, ""},
			{"manager looks at one", mgr, "?user_id=" + itoa(bobUser.ID), 2, "bob@example.com"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				res := tc.client.do("GET", "/api/v1/dashboard"+tc.query, "")
				if res.StatusCode != http.StatusOK {
					t.Fatalf("GET /api/v1/dashboard%s = %d, want 200: %s", tc.query,
						res.StatusCode, res.Body)
				}
				var got dashboardAnswer
				if err := json.Unmarshal([]byte(res.Body), &got); err != nil {
					t.Fatal(err)
				}
				if got.Headline.ActiveCandidates != tc.wantActive {
					t.Errorf("dashboard%s active candidates = %d, want %d", tc.query,
						got.Headline.ActiveCandidates, tc.wantActive)
				}
				if tc.wantOnly == "" {
					return
				}
				for _, a := range got.ActivityPerUser {
					if a.Email != tc.wantOnly {
						t.Errorf("dashboard%s activity per user shows %s, want only %s",
							tc.query, a.Email, tc.wantOnly)
					}
				}
				for _, a := range got.Recent {
					if a.ActorEmail != tc.wantOnly {
						t.Errorf("dashboard%s recent activity shows %s, want only %s",
							tc.query, a.ActorEmail, tc.wantOnly)
					}
				}
			})
		}
	})
}

func TestDashboardPageForEveryRole(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		for _, role := range []user.Role{user.Recruiter, user.Manager, user.Admin} {
			t.Run(string(role), func(t *testing.T) {
				c := env.Login(string(role)+"@example.com", role)
				res := c.Get("/dashboard?days=7")
				if res.StatusCode != http.StatusOK {
					t.Fatalf("GET /dashboard as %s = %d, want 200", role, res.StatusCode)
				}
				for _, want := range []string{`id="chart-per-day"`, `id="dashboard-data"`,
					`data-nav="Dashboard"`} {
					if !strings.Contains(res.Body, want) {
						t.Errorf("GET /dashboard as %s lacks %s", role, want)
					}
				}
				if hasPerson := strings.Contains(res.Body, `id="filter-user"`); hasPerson !=
					role.AtLeast(user.Manager) {
					t.Errorf("GET /dashboard as %s shows the person filter: %v", role, hasPerson)
				}
			})
		}
	})
}

func TestActivityAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		admin := newAPIClient(t, env, "admin@example.com", user.Admin)
		mgr := newAPIClient(t, env, "mgr@example.com", user.Manager)
		rec := newAPIClient(t, env, "rec@example.com", user.Recruiter)
		rec.upload(t, 0, upFile{"a.txt", sampleResume("Ann Able", "ann@example.com")})
		admin.upload(t, 0, upFile{"b.txt", sampleResume("Ben Best", "ben@example.com")})

		tests := []struct {
			name       string
			client     apiClient
			path       string
			wantStatus int
			wantBody   string
		}{
			{"csv for admins", admin, "/api/v1/activity.csv", 200, "id,at,actor_id,actor_email"},
			{"csv refused to managers", mgr, "/api/v1/activity.csv", 403, ""},
			{"csv refused to recruiters", rec, "/api/v1/activity.csv", 403, ""},
			{"page filtered by action", mgr, "/api/v1/activity?action=candidate.uploaded", 200,
				`"total": 2`},
			{"recruiter sees own rows", rec, "/api/v1/activity?action=candidate.uploaded", 200,
				`"total": 1`},
			{"per_page capped", mgr, "/api/v1/activity?per_page=201", 422, ""},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				res := tc.client.do("GET", tc.path, "")
				if res.StatusCode != tc.wantStatus {
					t.Fatalf("GET %s = %d, want %d: %s", tc.path, res.StatusCode, tc.wantStatus,
						res.Body)
				}
				if !strings.Contains(res.Body, tc.wantBody) {
					t.Errorf("GET %s = %s, want it to contain %s", tc.path, res.Body, tc.wantBody)
				}
			})
		}
		csv := admin.do("GET", "/api/v1/activity.csv", "").Body
		if n := strings.Count(csv, "candidate.uploaded"); n != 2 {
			t.Errorf("CSV export has %d candidate.uploaded rows, want 2:\n%s", n, csv)
		}
	})
}

func TestEventsStreamDeliversActivity(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		mgr := newAPIClient(t, env, "mgr@example.com", user.Manager)
		rec := newAPIClient(t, env, "rec@example.com", user.Recruiter)

		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, "GET", env.URL+"/api/v1/events", nil)
		req.Header.Set("Authorization", "Bearer "+mgr.token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
			t.Fatalf("GET /api/v1/events Content-Type = %q, want text/event-stream", ct)
		}
		lines := bufio.NewScanner(res.Body)
		readUntil := func(prefix string) string {
			for lines.Scan() {
				if strings.HasPrefix(lines.Text(), prefix) {
					return lines.Text()
				}
			}
			t.Fatalf("stream ended before %q: %v", prefix, lines.Err())
			return ""
		}
		readUntil("event: ready")

		start := time.Now()
		rec.upload(t, 0, upFile{"a.txt", sampleResume("Ann Able", "ann@example.com")})
		for {
			readUntil("event: activity")
			data := readUntil("data: ")
			if strings.Contains(data, `"action":"candidate.uploaded"`) {
				if !strings.Contains(data, `"actor_email":"rec@example.com"`) {
					t.Errorf("event data = %s, want the recruiter as actor", data)
				}
				break
			}
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("event arrived after %s, want within a second or so", d)
		}
	})
}
