package store_test

import (
	"context"
	"fmt"
	"math"
	"testing"
	"time"

	"shortlist/internal/dashboard"
	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
)

// dashNow is the moment the dashboard tests look from.
var dashNow = time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)

// ago returns dashNow moved back by days and hours.
func ago(days, hours int) time.Time {
	return dashNow.AddDate(0, 0, -days).Add(-time.Duration(hours) * time.Hour)
}

// seedDashboard writes a small team's work: a recruiter (id 1) and a
// manager (id 2), two jobs, four candidates (one deleted), six vettings,
// three decisions and seven activity rows, at known times.
func seedDashboard(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Writer().ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("seed %q: %v", q, err)
		}
	}
	// A fresh database numbers rows from 1 in the order they are written.
	for _, email := range []string{"rec@example.com", "mgr@example.com"} {
		exec(`INSERT INTO users (email, role, password_hash, created_at, updated_at)
			VALUES ($1, 'recruiter', 'x', $2, $2)`, email, ago(90, 0))
	}
	for _, id := range []int{1, 2} {
		exec(`INSERT INTO jobs (title, created_at, updated_at) VALUES ($1, $2, $2)`,
			fmt.Sprintf("Job %d", id), ago(90, 0))
	}
	cands := []struct {
		id, job, by int
		stage       string
		deleted     bool
	}{{1, 1, 1, "new", false}, {2, 1, 1, "advanced", false}, {3, 2, 2, "new", false},
		{4, 1, 1, "new", true}}
	for _, c := range cands {
		exec(`INSERT INTO candidates (job_id, stage, content_hash, file_name, file_kind,
				file_size, uploaded_by, created_at, updated_at, is_deleted)
			VALUES ($1, $2, $3, 'cv.txt', 'txt', 10, $4, $5, $5, $6)`,
			c.job, c.stage, fmt.Sprintf("hash%d", c.id), c.by, ago(60, 0), c.deleted)
	}
	vets := []struct {
		cand, job, by int
		status        string
		score         any
		verdict       string
		finished      time.Time
	}{
		{1, 1, 1, "done", 85, "match", ago(0, 1)},
		{2, 1, 1, "done", 95, "strong match", ago(3, 0)},
		{3, 2, 2, "done", 40, "no match", ago(10, 0)},
		{1, 1, 1, "queued", nil, "", time.Time{}},
		{3, 2, 2, "running", nil, "", time.Time{}},
		{2, 1, 1, "done", 70, "match", ago(40, 0)},
	}
	for _, v := range vets {
		requested, finished := ago(0, 0).Add(-5*time.Minute), any(nil)
		if !v.finished.IsZero() {
			requested, finished = v.finished.Add(-time.Minute), v.finished
		}
		exec(`INSERT INTO vettings (candidate_id, job_id, status, engine, score, verdict,
				requested_by, requested_at, finished_at)
			VALUES ($1, $2, $3, 'local', $4, $5, $6, $7, $8)`,
			v.cand, v.job, v.status, v.score, v.verdict, v.by, requested, finished)
	}
	decs := []struct {
		cand, job, by int
		at            time.Time
	}{{2, 1, 2, ago(2, 0)}, {3, 2, 2, ago(20, 0)}, {1, 1, 1, ago(50, 0)}}
	for _, d := range decs {
		exec(`INSERT INTO decisions (candidate_id, job_id, stage, decided_by, decided_at)
			VALUES ($1, $2, 'advanced', $3, $4)`, d.cand, d.job, d.by, d.at)
	}
	acts := []struct {
		actor       any
		email, verb string
		subject     string
		subjectID   int
		at          time.Time
	}{
		{1, "rec@example.com", "candidate.uploaded", "candidate", 1, ago(5, 0)},
		{1, "rec@example.com", "vetting.requested", "job", 1, ago(3, 1)},
		{1, "rec@example.com", "login", "user", 1, ago(1, 0)},
		{2, "mgr@example.com", "candidate.uploaded", "candidate", 3, ago(12, 0)},
		{nil, "system", "vetting.completed", "job", 1, ago(3, 0)},
		{nil, "system", "vetting.completed", "job", 2, ago(0, 1)},
		{1, "rec@example.com", "login", "user", 1, ago(40, 0)},
	}
	for _, a := range acts {
		exec(`INSERT INTO activity (at, actor_id, actor_email, actor_role, action,
				subject_type, subject_id)
			VALUES ($1, $2, $3, 'recruiter', $4, $5, $6)`,
			a.at, a.actor, a.email, a.verb, a.subject, a.subjectID)
	}
}

// summary flattens the figures a test checks into one comparable string.
func summary(f *dashboard.Figures) string {
	h := f.Headline
	avg := "none"
	if h.AverageScore != nil {
		avg = fmt.Sprintf("%.2f", math.Round(*h.AverageScore*100)/100)
	}
	s := fmt.Sprintf("active=%d today=%d week=%d queue=%d avg=%s decisions=%d",
		h.ActiveCandidates, h.VettedToday, h.VettedWeek, h.Queue, avg, h.Decisions)
	s += " stages="
	for _, c := range f.Stages {
		s += fmt.Sprintf("%s:%d,", c.Label, c.Count)
	}
	s += " verdicts="
	for _, c := range f.Verdicts {
		s += fmt.Sprintf("%s:%d,", c.Label, c.Count)
	}
	s += " scores="
	for _, c := range f.Scores {
		if c.Count > 0 {
			s += fmt.Sprintf("%s:%d,", c.Label, c.Count)
		}
	}
	s += " days="
	for _, d := range f.PerDay {
		if d.Count > 0 {
			s += fmt.Sprintf("%s:%d,", d.Day, d.Count)
		}
	}
	s += " actors="
	for _, p := range f.ActivityByUser {
		s += fmt.Sprintf("%s:%d,", p.Email, p.Count)
	}
	s += " top="
	for _, p := range f.TopPerformers {
		s += fmt.Sprintf("%s:%d/%d,", p.Email, p.Vettings, p.Decisions)
	}
	s += fmt.Sprintf(" recent=%d", len(f.Recent))
	return s
}

func TestDashboardFigures(t *testing.T) {
	tests := []struct {
		name   string
		filter dashboard.Filter
		want   string
	}{
		{"everyone, 30 days", dashboard.Filter{Days: 30},
			"active=3 today=1 week=2 queue=2 avg=73.33 decisions=2" +
				" stages=new:2,advanced:1,hold:0,rejected:0," +
				" verdicts=strong match:1,match:1,weak match:0,no match:1," +
				" scores=40-49:1,80-89:1,90-100:1," +
				" days=2026-03-05:1,2026-03-12:1,2026-03-15:1," +
				" actors=rec@example.com:3,system:2,mgr@example.com:1," +
				" top=mgr@example.com:2/2,rec@example.com:3/0, recent=6"},
		{"one job", dashboard.Filter{Days: 30, JobID: 1},
			"active=2 today=1 week=2 queue=1 avg=90.00 decisions=1" +
				" stages=new:1,advanced:1,hold:0,rejected:0," +
				" verdicts=strong match:1,match:1,weak match:0,no match:0," +
				" scores=80-89:1,90-100:1, days=2026-03-12:1,2026-03-15:1," +
				" actors=rec@example.com:2,system:1, top=rec@example.com:3/0,mgr@example.com:0/1," +
				" recent=3"},
		{"one person", dashboard.Filter{Days: 30, UserID: 1},
			"active=2 today=1 week=2 queue=1 avg=90.00 decisions=0" +
				" stages=new:1,advanced:1,hold:0,rejected:0," +
				" verdicts=strong match:1,match:1,weak match:0,no match:0," +
				" scores=80-89:1,90-100:1, days=2026-03-12:1,2026-03-15:1," +
				" actors=rec@example.com:3, top=rec@example.com:3/0, recent=3"},
		{"today only", dashboard.Filter{Days: 1},
			"active=3 today=1 week=2 queue=2 avg=85.00 decisions=0" +
				" stages=new:2,advanced:1,hold:0,rejected:0," +
				" verdicts=strong match:0,match:1,weak match:0,no match:0," +
				" scores=80-89:1, days=2026-03-15:1, actors=system:1," +
				" top=rec@example.com:2/0,mgr@example.com:1/0, recent=1"},
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		seedDashboard(t, db)
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				tc.filter.Now = dashNow
				f, err := db.DashboardFigures(context.Background(), tc.filter)
				if err != nil {
					t.Fatalf("DashboardFigures(%+v): %v", tc.filter, err)
				}
				if got := summary(f); got != tc.want {
					t.Errorf("DashboardFigures(%+v) =\n%s\nwant\n%s", tc.filter, got, tc.want)
				}
				if len(f.PerDay) != tc.filter.Days {
					t.Errorf("DashboardFigures(%+v) has %d days, want %d", tc.filter,
						len(f.PerDay), tc.filter.Days)
				}
			})
		}
	})
}
