package candidate_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"shortlist/internal/candidate"
	"shortlist/internal/job"
	"shortlist/internal/resume"
	"shortlist/internal/store"
	"shortlist/internal/user"
)

// extractor is shared by the tests; starting the PDF engine is slow.
var extractor *resume.Extractor

func TestMain(m *testing.M) {
	cache := filepath.Join(os.TempDir(), "shortlist-resume-test-cache")
	ex, err := resume.NewExtractor(context.Background(), resume.Config{CacheDir: cache, Workers: 2})
	if err != nil {
		fmt.Fprintln(os.Stderr, "start extractor:", err)
		os.Exit(1)
	}
	extractor = ex
	code := m.Run()
	ex.Close()
	os.Exit(code)
}

// fixture is a candidate service over a fresh database, with one user of
// each role and an open job.
type fixture struct {
	db                  *store.DB
	svc                 *candidate.Service
	rec, manager, admin *user.User
	job                 *job.Job
}

func newFixture(t *testing.T, db *store.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	users, err := user.NewService(db, user.Options{Secret: []byte("k")})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{db: db}
	for _, u := range []struct {
		dst  **user.User
		role user.Role
	}{{&f.rec, user.Recruiter}, {&f.manager, user.Manager}, {&f.admin, user.Admin}} {
		*u.dst, _, err = users.Create(ctx, nil, user.NewUser{Email: string(u.role) + "@example.com",
			Role: u.role, Password: "correct horse battery"})
		if err != nil {
			t.Fatal(err)
		}
	}
	f.job, err = job.NewService(db).Create(ctx, f.manager, job.Draft{Title: "Go developer",
		Description: "We need Go and PostgreSQL."})
	if err != nil {
		t.Fatal(err)
	}
	limits := resume.DefaultLimits()
	limits.MaxBatchFiles = 5
	f.svc = candidate.NewService(db, extractor, limits, slog.New(slog.NewTextHandler(io.Discard, nil)))
	return f
}

// resumeText is a small plain-text resume of a person.
func resumeText(name, email, phone, skills string) []byte {
	return []byte(fmt.Sprintf(`%s
%s | %s

SUMMARY
Software engineer with eight years of experience building web services.

EXPERIENCE
Senior Engineer, Example Corp, 2018 - 2024
Built payment services in %s.

EDUCATION
BSc Computer Science, 2016

SKILLS
%s
`, name, email, phone, skills, skills))
}

// importOne imports one file and fails unless it became a candidate.
func (f *fixture) importOne(t *testing.T, actor *user.User, name string, data []byte) int64 {
	t.Helper()
	res, err := f.svc.Import(context.Background(), actor, f.job.ID,
		[]candidate.Upload{{Name: name, Data: data}})
	if err != nil || len(res) != 1 || res[0].CandidateID == 0 {
		t.Fatalf("Import(%s) = %+v, %v; want one candidate", name, res, err)
	}
	return res[0].CandidateID
}
