package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"shortlist/internal/candidate"
	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
	"shortlist/internal/user"
	"shortlist/internal/web/webtest"
)

func TestRankingAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		ctx := context.Background()
		rec, recUser, j := recruiterWithJob(t, env)
		for i, name := range []string{"Ada Lovelace", "Grace Hopper", "Edsger Dijkstra"} {
			if _, err := env.Candidates.Import(ctx, recUser, j.ID, []candidate.Upload{{Name: "r.txt",
				Data: sampleResume(name, fmt.Sprintf("p%d@example.com", i))}}); err != nil {
				t.Fatal(err)
			}
		}
		ids, err := env.Screening.Request(ctx, recUser, j.ID, nil, true, false, "")
		if err != nil || len(ids) != 3 {
			t.Fatalf("Request = %v, %v", ids, err)
		}
		for _, id := range ids {
			waitDone(t, env, recUser, id)
		}
		type answer struct {
			Ranking  []struct{ Verdict string }
			Total    int
			Verdicts map[string]int
		}
		get := func(query string) (int, answer) {
			t.Helper()
			res := rec.do("GET", fmt.Sprintf("/api/v1/jobs/%d/ranking?%s", j.ID, query), "")
			var a answer
			if res.StatusCode == 200 {
				if err := json.Unmarshal([]byte(res.Body), &a); err != nil {
					t.Fatal(err)
				}
			}
			return res.StatusCode, a
		}
		_, all := get("")
		if len(all.Ranking) != 3 || all.Total != 3 {
			t.Fatalf("whole ranking: %d rows, total %d; want 3 and 3", len(all.Ranking), all.Total)
		}
		verdict := all.Ranking[0].Verdict
		tests := []struct {
			name      string
			query     string
			wantCode  int
			wantRows  int
			wantTotal int
		}{
			{"limit", "limit=1", 200, 1, 3},
			{"verdict", "verdict=" + url.QueryEscape(verdict), 200, all.Verdicts[verdict],
				all.Verdicts[verdict]},
			{"unknown verdict", "verdict=splendid", 422, 0, 0},
			{"limit of zero", "limit=0", 422, 0, 0},
			{"limit not a number", "limit=ten", 422, 0, 0},
		}
		for _, tt := range tests {
			code, a := get(tt.query)
			if code != tt.wantCode || len(a.Ranking) != tt.wantRows || a.Total != tt.wantTotal {
				t.Errorf("%s: %d with %d rows of %d; want %d with %d of %d", tt.name, code,
					len(a.Ranking), a.Total, tt.wantCode, tt.wantRows, tt.wantTotal)
			}
		}

		// The page narrows the same way and counts each verdict beside its link.
		page := env.Login("rec@example.com", user.Recruiter)
		res := page.Get(fmt.Sprintf("/jobs/%d/ranking?verdict=splendid", j.ID))
		if res.StatusCode != 422 {
			t.Errorf("page for an unknown verdict = %d, want 422", res.StatusCode)
		}
		other := "no match"
		if verdict == other {
			other = "strong match"
		}
		for _, v := range []string{verdict, other} {
			res := page.Get(fmt.Sprintf("/jobs/%d/ranking?verdict=%s", j.ID, url.QueryEscape(v)))
			rows := strings.Count(res.Body, `class="ranking-row"`)
			if res.StatusCode != 200 || rows != all.Verdicts[v] {
				t.Errorf("page for %q: %d with %d rows, want 200 with %d", v, res.StatusCode, rows,
					all.Verdicts[v])
			}
			link := fmt.Sprintf(`>%s</a> <span class="text-body-secondary">%d</span>`, v,
				all.Verdicts[v])
			if !strings.Contains(res.Body, link) {
				t.Errorf("page for %q does not count %d beside its verdict link", v, all.Verdicts[v])
			}
		}
	})
}
