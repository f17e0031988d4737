package web_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"shortlist/internal/candidate"
	"shortlist/internal/job"
	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
	"shortlist/internal/user"
	"shortlist/internal/web/webtest"
)

func TestBlindReviewPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		ctx := context.Background()
		mgr := env.CreateUser("mgr@example.com", user.Manager)
		j, err := env.Jobs.Create(ctx, mgr, job.Draft{Title: "Blind role", Blind: true})
		if err != nil {
			t.Fatal(err)
		}
		res, _ := env.Candidates.Import(ctx, mgr, j.ID, []candidate.Upload{{Name: "z.txt",
			Data: sampleResume("Zora Quintero", "zora.q@example.com")}})
		id := res[0].CandidateID
		rec := env.Login("rec@example.com", user.Recruiter)
		admin := env.Login("admin@example.com", user.Admin)
		page := fmt.Sprintf("/candidates/%d", id)

		tests := []struct {
			name      string
			client    *webtest.Client
			path      string
			wantCode  int
			wantShown bool
		}{
			{"recruiter's candidate page", rec, page, 200, false},
			{"recruiter's list", rec, "/candidates", 200, false},
			{"recruiter's download", rec, page + "/resume", 403, false},
			{"admin's candidate page", admin, page, 200, true},
		}
		for _, tc := range tests {
			res := tc.client.Get(tc.path)
			shown := strings.Contains(res.Body, "Zora") || strings.Contains(res.Body, "zora.q@")
			if res.StatusCode != tc.wantCode || shown != tc.wantShown {
				t.Errorf("%s: %d, identity shown %v; want %d, %v", tc.name, res.StatusCode, shown,
					tc.wantCode, tc.wantShown)
			}
		}
		rec.Get(page)
		if res := rec.PostForm(page+"/decide", url.Values{"stage": {"hold"}}); res.StatusCode != 303 {
			t.Fatalf("decide = %d %s", res.StatusCode, res.Body)
		}
		if res := rec.Get(page); !strings.Contains(res.Body, "Zora") {
			t.Error("after a decision the recruiter still sees the redacted page")
		}
	})
}
