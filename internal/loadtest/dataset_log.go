package loadtest

import (
	"fmt"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/store"
)

// logAction is an action of the generated activity log, how often it comes
// up, and who may do it.
type logAction struct {
	action  activity.Action
	weight  int
	subject string
	roles   []string // nil: anyone
}

var logActions = []logAction{
	{"candidate.uploaded", 30, "candidate", nil},
	{"vetting.requested", 18, "candidate", nil},
	{"vetting.completed", 15, "candidate", nil},
	{"candidate.decided", 10, "candidate", nil},
	{"login", 9, "user", nil},
	{"logout", 4, "user", nil},
	{"candidate.updated", 6, "candidate", nil},
	{"candidate.deleted", 3, "candidate", nil},
	{"candidate.restored", 1, "candidate", []string{"admin"}},
	{"job.updated", 2, "job", []string{"manager", "admin"}},
	{"job.created", 1, "job", []string{"manager", "admin"}},
	{"login.failed", 1, "user", nil},
}

var logWeights = func() int {
	n := 0
	for _, a := range logActions {
		n += a.weight
	}
	return n
}()

// event makes the i-th of n activity rows. Rows are spread evenly over the
// last 90 days in id order, as an append-only log is.
func (d *dataset) event(i, n int) activity.Event {
	rng := d.rng(3, i)
	span := 90 * 24 * time.Hour
	at := d.plan.Now.Add(-span + time.Duration(int64(span)/int64(max(n, 1))*int64(i)))
	w := rng.IntN(logWeights)
	a := logActions[0]
	for _, x := range logActions {
		if w < x.weight {
			a = x
			break
		}
		w -= x.weight
	}
	u := d.userOf(rng, a.roles...)
	ev := activity.Event{At: at, Action: a.action, SubjectType: a.subject,
		Actor: activity.Actor{ID: d.userIDs[u], Email: d.users[u].Email, Role: d.users[u].Role}}
	switch a.subject {
	case "candidate":
		ev.SubjectID = 1 + rng.Int64N(int64(max(d.plan.Candidates, 1)))
	case "job":
		if len(d.jobIDs) > 0 {
			ev.SubjectID = d.jobIDs[rng.IntN(len(d.jobIDs))]
		}
	case "user":
		ev.SubjectID = ev.Actor.ID
	}
	return ev
}

// vettings makes one finished vetting per candidate given, requested by a
// recruiter or manager in the last 90 days.
func (d *dataset) vettings(refs []store.CandidateRef) []store.SeedVetting {
	out := make([]store.SeedVetting, len(refs))
	for i, r := range refs {
		rng := d.rng(4, i)
		asked := d.plan.Now.Add(-time.Duration(rng.Int64N(int64(90 * 24 * time.Hour))))
		out[i] = store.SeedVetting{CandidateID: r.ID, JobID: r.JobID, Score: r.Score,
			Verdict: verdict(r.Score), RequirementsHash: d.jobHash[r.JobID],
			Summary:     fmt.Sprintf("Scored %d against the job's requirements.", r.Score),
			RequestedBy: d.userIDs[d.userOf(rng, "recruiter", "manager")], RequestedAt: asked,
			FinishedAt: asked.Add(time.Duration(2+rng.IntN(30)) * time.Second)}
	}
	return out
}

func verdict(score int) string {
	switch {
	case score >= 80:
		return "strong match"
	case score >= 60:
		return "match"
	case score >= 40:
		return "weak match"
	}
	return "no match"
}
