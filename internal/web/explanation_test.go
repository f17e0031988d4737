package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"shortlist/internal/candidate"
	"shortlist/internal/screening"
	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
	"shortlist/internal/user"
	"shortlist/internal/web/webtest"
)

func TestExplanationPack(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		ctx := context.Background()
		rec, recUser, j := recruiterWithJob(t, env)
		res, _ := env.Candidates.Import(ctx, recUser, j.ID, []candidate.Upload{{Name: "a.txt",
			Data: sampleResume("Ada Lovelace", "ada@example.com")}})
		id := res[0].CandidateID
		ids, err := env.Screening.Request(ctx, recUser, j.ID, []int64{id}, false, false, "")
		if err != nil {
			t.Fatal(err)
		}
		waitDone(t, env, recUser, ids[0])
		if _, err := env.Screening.Decide(ctx, recUser, id, candidate.StageHold, "Waiting for references"); err != nil {
			t.Fatal(err)
		}

		ans := rec.do("GET", fmt.Sprintf("/api/v1/candidates/%d/explanation", id), "")
		if ans.StatusCode != 200 {
			t.Fatalf("explanation = %d %s", ans.StatusCode, ans.Body)
		}
		var e struct {
			Notice   string
			Vettings []struct {
				JobTitle     string `json:"job_title"`
				Engine       string
				InputHash    string `json:"input_hash"`
				RawOutput    string `json:"raw_output"`
				Requirements []struct {
					Requirement string
					Verdict     string
					Evidence    []struct{ Quote string }
				}
				Criteria []struct {
					Text   string
					Weight float64
				}
			}
			Decisions []struct {
				Stage     string
				Reason    string
				DecidedBy string `json:"decided_by"`
			}
		}
		if err := json.Unmarshal([]byte(ans.Body), &e); err != nil {
			t.Fatal(err)
		}
		if len(e.Vettings) != 1 || e.Vettings[0].JobTitle != "Platform engineer" ||
			e.Vettings[0].Engine != "local" || e.Vettings[0].InputHash == "" {
			t.Fatalf("vettings = %+v", e.Vettings)
		}
		v := e.Vettings[0]
		if len(v.Requirements) == 0 || v.Requirements[0].Requirement != "Kubernetes" ||
			v.Requirements[0].Verdict != "met" || len(v.Requirements[0].Evidence) == 0 {
			t.Errorf("requirements = %+v, want Kubernetes met with a quote", v.Requirements)
		}
		if len(v.Criteria) != 1 || v.Criteria[0].Weight != 2 || v.RawOutput != "" {
			t.Errorf("criteria = %+v, raw %q; want the weighted criterion and no raw output", v.Criteria, v.RawOutput)
		}
		if len(e.Decisions) != 1 || e.Decisions[0].Stage != "hold" ||
			e.Decisions[0].DecidedBy != "rec@example.com" || e.Notice == "" {
			t.Errorf("decisions = %+v", e.Decisions)
		}
		page := env.Login("rec@example.com", user.Recruiter).Get(fmt.Sprintf("/candidates/%d/explanation", id))
		if page.StatusCode != 200 || !strings.Contains(page.Body, "Waiting for references") {
			t.Errorf("printable page = %d, want the decision's reason", page.StatusCode)
		}
	})
}

// waitDone polls a vetting until it leaves the queue.
func waitDone(t *testing.T, env *webtest.Env, u *user.User, id int64) *screening.Record {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); {
		r, err := env.Screening.Get(context.Background(), u, id)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != screening.Queued && r.Status != screening.Running {
			return r
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("vetting %d did not finish", id)
	return nil
}
