package web_test

import (
	"context"
	"strconv"
	"testing"

	"shortlist/internal/job"
	"shortlist/internal/user"
	"shortlist/internal/vetting"
	"shortlist/internal/web/webtest"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// recruiterWithJob adds a recruiter with an API token and a job, opened by a
// manager, that must have Kubernetes: the start of the vetting API tests.
func recruiterWithJob(t *testing.T, env *webtest.Env) (apiClient, *user.User, *job.Job) {
	t.Helper()
	ctx := context.Background()
	rec := newAPIClient(t, env, "rec@example.com", user.Recruiter)
	mgr := env.CreateUser("mgr@example.com", user.Manager)
	recUser, err := env.Users.Lookup(ctx, "rec@example.com")
	if err != nil {
		t.Fatal(err)
	}
	j, err := env.Jobs.Create(ctx, mgr, job.Draft{Title: "Platform engineer",
		Requirements: []vetting.Requirement{{Kind: vetting.KindMust, Text: "Kubernetes",
			Weight: 2}}})
	if err != nil {
		t.Fatal(err)
	}
	return rec, recUser, j
}
