package screening_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"shortlist/internal/candidate"
	"shortlist/internal/job"
	"shortlist/internal/queue/queuetest"
	"shortlist/internal/resume"
	"shortlist/internal/screening"
	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
	"shortlist/internal/user"
	"shortlist/internal/vetting"
	"shortlist/internal/vetting/llm"
	"shortlist/internal/vetting/llm/llmtest"
)

const personal = `Maria Gonzalez Ortega
maria.gonzalez@example.org | +34 612 345 678 | linkedin.com/in/mariagonzalez
Calle Mayor 12, 28013 Madrid
Date of birth: 14/03/1988 | Age: 36 | Gender: Female | Nationality: Spanish
Marital status: Married
Photo

SUMMARY
She is a platform engineer with ten years of experience; her focus is reliability.

SKILLS
PostgreSQL, Kubernetes, Go

EXPERIENCE
Site reliability engineer, 2014 - 2024: ran PostgreSQL on Kubernetes.`

// secrets are the personal details a blind review must never send a model.
var secrets = []string{"Maria", "Gonzalez", "Ortega", "maria.gonzalez@example.org", "612 345 678",
	"linkedin.com/in/mariagonzalez", "Calle Mayor", "28013", "14/03/1988", "Age: 36", "Female",
	"Spanish", "Married", "She is", "her focus"}

func TestBlindReviewSendsNoPersonalDetails(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		log := slog.New(slog.NewTextHandler(io.Discard, nil))
		model := llmtest.Start(0)
		defer model.Close()
		eng, err := llm.New(llm.Config{BaseURL: model.URL(), APIKey: "k", Timeout: 5 * time.Second}, log)
		if err != nil {
			t.Fatal(err)
		}
		users, _ := user.NewService(db, user.Options{Secret: []byte("k")})
		mgr, _, _ := users.Create(ctx, nil, user.NewUser{Email: "m@example.com", Role: user.Manager,
			Password: "correct horse battery"})
		jobs := job.NewService(db)
		reqs := []vetting.Requirement{{Kind: vetting.KindMust, Text: "Kubernetes"}}
		blind, _ := jobs.Create(ctx, mgr, job.Draft{Title: "SRE", Blind: true, Requirements: reqs})
		open, _ := jobs.Create(ctx, mgr, job.Draft{Title: "SRE (open)", Requirements: reqs})
		cands := candidate.NewService(db, extractor(t), resume.DefaultLimits(), log)
		svc, err := screening.NewService(db, db, db, map[string]vetting.Engine{"llm": eng}, "llm", log)
		if err != nil {
			t.Fatal(err)
		}
		queuetest.Start(t, db, svc)
		res, _ := cands.Import(ctx, mgr, blind.ID, []candidate.Upload{{Name: "m.txt", Data: []byte(personal)}})
		id := res[0].CandidateID
		c, _ := cands.Get(ctx, mgr, id)
		if c.Name == "" || c.Email == "" {
			t.Fatalf("the reader found no contact details (%q, %q); the test needs them", c.Name, c.Email)
		}

		for _, jobID := range []int64{blind.ID, open.ID} {
			ids, err := svc.Request(ctx, mgr, jobID, []int64{id}, false, false, "")
			if err != nil {
				t.Fatal(err)
			}
			waitDone(t, svc, mgr, ids[0])
		}
		seen := model.Seen()
		if len(seen) != 2 {
			t.Fatalf("the model received %d requests, want 2", len(seen))
		}
		for _, secret := range secrets {
			if strings.Contains(strings.ToLower(seen[0].User), strings.ToLower(secret)) {
				t.Errorf("the blind request contains %q", secret)
			}
		}
		if !strings.Contains(seen[1].User, "Maria") {
			t.Error("the request of the open job lacks the name; the check above proves nothing")
		}
	})
}

func waitDone(t *testing.T, svc *screening.Service, u *user.User, id int64) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); {
		r, err := svc.Get(context.Background(), u, id)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status == screening.Done {
			return
		}
		if r.Status == screening.Failed {
			t.Fatalf("vetting failed: %s", r.Error)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("vetting %d did not finish", id)
}
