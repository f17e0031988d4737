package screening_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"shortlist/internal/candidate"
	"shortlist/internal/fault"
	"shortlist/internal/job"
	"shortlist/internal/queue/queuetest"
	"shortlist/internal/resume"
	"shortlist/internal/screening"
	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
	"shortlist/internal/user"
	"shortlist/internal/vetting"
	"shortlist/internal/vetting/local"
)

// failing is an engine that always fails, counting its calls.
type failing struct{ calls atomic.Int32 }

func (*failing) Name() string { return "failing" }
func (f *failing) Vet(context.Context, vetting.Input) (vetting.Result, error) {
	f.calls.Add(1)
	return vetting.Result{}, errors.New("the model is down")
}

// blocking is an engine that waits until released.
type blocking struct{ release chan struct{} }

func (*blocking) Name() string { return "blocking" }
func (b *blocking) Vet(ctx context.Context, in vetting.Input) (vetting.Result, error) {
	select {
	case <-b.release:
	case <-ctx.Done():
		return vetting.Result{}, ctx.Err()
	}
	return local.New().Vet(ctx, in)
}

type fixture struct {
	db      *store.DB
	svc     *screening.Service
	cands   *candidate.Service
	jobs    *job.Service
	rec     *user.User
	manager *user.User
	job     *job.Job
	fail    *failing
	block   *blocking
}

func newFixture(t *testing.T, db *store.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	users, _ := user.NewService(db, user.Options{Secret: []byte("k")})
	f := &fixture{db: db, jobs: job.NewService(db), fail: &failing{},
		block: &blocking{release: make(chan struct{})}}
	var err error
	for _, u := range []struct {
		dst  **user.User
		role user.Role
	}{{&f.rec, user.Recruiter}, {&f.manager, user.Manager}} {
		if *u.dst, _, err = users.Create(ctx, nil, user.NewUser{Email: string(u.role) + "@example.com",
			Role: u.role, Password: "correct horse battery"}); err != nil {
			t.Fatal(err)
		}
	}
	f.job, err = f.jobs.Create(ctx, f.manager, job.Draft{Title: "Backend engineer",
		Description: "We build services in Go on PostgreSQL.",
		Requirements: []vetting.Requirement{{Kind: vetting.KindMust, Text: "PostgreSQL"},
			{Kind: vetting.KindMust, Text: "Kubernetes"}}})
	if err != nil {
		t.Fatal(err)
	}
	f.cands = candidate.NewService(db, extractor(t), resume.DefaultLimits(), log)
	engines := map[string]vetting.Engine{"local": local.New(), "failing": f.fail, "blocking": f.block}
	if f.svc, err = screening.NewService(db, db, db, engines, "local", log); err != nil {
		t.Fatal(err)
	}
	queuetest.Start(t, db, f.svc)
	return f
}

var shared *resume.Extractor

func extractor(t *testing.T) *resume.Extractor {
	if shared == nil {
		var err error
		cache := filepath.Join(os.TempDir(), "shortlist-resume-test-cache")
		if shared, err = resume.NewExtractor(context.Background(), resume.Config{CacheDir: cache}); err != nil {
			t.Fatal(err)
		}
	}
	return shared
}

func (f *fixture) add(t *testing.T, text string) int64 {
	t.Helper()
	res, err := f.cands.Import(context.Background(), f.rec, f.job.ID,
		[]candidate.Upload{{Name: "r.txt", Data: []byte(text)}})
	if err != nil || res[0].CandidateID == 0 {
		t.Fatalf("import: %+v, %v", res, err)
	}
	return res[0].CandidateID
}

// waitFor polls a vetting until it leaves the queue.
func (f *fixture) waitFor(t *testing.T, id int64) *screening.Record {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		r, err := f.svc.Get(context.Background(), f.manager, id)
		if err != nil {
			t.Fatalf("Get(%d): %v", id, err)
		}
		if r.Status != screening.Queued && r.Status != screening.Running {
			return r
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("vetting %d did not finish in 20s", id)
	return nil
}

const strong = `Jane Roe
SKILLS
PostgreSQL, Kubernetes, Go
EXPERIENCE
Platform engineer, 2015 - 2024: ran PostgreSQL clusters on Kubernetes.`

const weak = `John Poe
SKILLS
Watercolour painting, calligraphy
EXPERIENCE
Illustrator, 2018 - 2024.`

func TestVetAllRanksWithEvidence(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		a, b := f.add(t, strong), f.add(t, weak)

		ids, err := f.svc.Request(ctx, f.rec, f.job.ID, nil, true, false, "")
		if err != nil || len(ids) != 2 {
			t.Fatalf("Request(all) = %v, %v; want two vettings", ids, err)
		}
		for _, id := range ids {
			r := f.waitFor(t, id)
			if r.Status != screening.Done || r.Engine != "local" || r.InputHash == "" ||
				r.RubricVersion == "" || r.RequestedByEmail != "recruiter@example.com" {
				t.Errorf("vetting %d = %+v; want done with its provenance", id, r)
			}
		}
		rk, err := f.svc.Rank(ctx, f.rec, f.job.ID, screening.RankQuery{})
		if err != nil || len(rk.Records) != 2 {
			t.Fatalf("Rank = %+v, %v", rk, err)
		}
		if rk.Records[0].CandidateID != a || rk.Records[1].CandidateID != b {
			t.Errorf("ranking = [%d, %d], want the strong resume (%d) first",
				rk.Records[0].CandidateID, rk.Records[1].CandidateID, a)
		}
		top := rk.Records[0]
		text := strong
		for _, req := range top.Requirements {
			for _, e := range req.Evidence {
				if text[e.Start:e.End] != e.Quote {
					t.Errorf("evidence %q at %d:%d does not match the resume", e.Quote, e.Start, e.End)
				}
			}
		}
		c, _ := f.cands.Get(ctx, f.rec, a)
		if c.Score == nil || *c.Score != *top.Score {
			t.Errorf("candidate score = %v, want the vetting's %d", c.Score, *top.Score)
		}
		if c.Stage != candidate.StageNew {
			t.Errorf("stage after vetting = %s; the engine must not move candidates", c.Stage)
		}
	})
}

func TestStaleAfterRequirementsChange(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		f.add(t, strong)
		ids, _ := f.svc.Request(ctx, f.rec, f.job.ID, nil, true, false, "")
		f.waitFor(t, ids[0])

		if again, _ := f.svc.Request(ctx, f.rec, f.job.ID, nil, true, true, ""); len(again) != 0 {
			t.Errorf("stale-only re-run with nothing stale queued %d", len(again))
		}
		_, changed, err := f.jobs.Update(ctx, f.manager, f.job.ID, job.Draft{Title: f.job.Title,
			Description: f.job.Description, Requirements: []vetting.Requirement{
				{Kind: vetting.KindMust, Text: "Rust"}}})
		if err != nil || !changed {
			t.Fatalf("Update = %v, %v", changed, err)
		}
		rk, _ := f.svc.Rank(ctx, f.rec, f.job.ID, screening.RankQuery{})
		if len(rk.Records) != 1 || !rk.Records[0].Stale {
			t.Errorf("after the change the result is stale = %v, want true", rk.Records)
		}
		again, err := f.svc.Request(ctx, f.rec, f.job.ID, nil, true, true, "")
		if err != nil || len(again) != 1 {
			t.Fatalf("stale-only re-run = %v, %v; want one", again, err)
		}
		if r := f.waitFor(t, again[0]); r.Stale {
			t.Error("the re-run result is stale")
		}
	})
}

func TestFailureRecordedOnLastAttempt(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		id := f.add(t, strong)
		ids, _ := f.svc.Request(ctx, f.rec, f.job.ID, []int64{id}, false, false, "failing")
		// The queue retries with backoff; run the last attempt directly.
		if err := f.svc.RunVetting(ctx, ids[0], true); err == nil {
			t.Fatal("RunVetting with a failing engine returned nil")
		}
		r, _ := f.svc.Get(ctx, f.manager, ids[0])
		if r.Status != screening.Failed || r.Error == "" {
			t.Errorf("vetting = %s %q, want failed with the reason", r.Status, r.Error)
		}
	})
}

func TestDeletingCancelsQueuedVettings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		id := f.add(t, strong)
		ids, _ := f.svc.Request(ctx, f.rec, f.job.ID, []int64{id}, false, false, "blocking")
		if _, err := f.cands.Delete(ctx, f.rec, id, "Withdrew from the process"); err != nil {
			t.Fatal(err)
		}
		close(f.block.release)
		time.Sleep(300 * time.Millisecond)
		r, err := f.db.Vetting(ctx, ids[0])
		if err != nil || r.Status != screening.Cancelled || r.Score != nil {
			t.Errorf("vetting after delete = %+v, %v; want cancelled with no score", r, err)
		}
	})
}

func TestDecisions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		id := f.add(t, strong)
		ids, _ := f.svc.Request(ctx, f.rec, f.job.ID, []int64{id}, false, false, "")
		r := f.waitFor(t, ids[0])
		overruling := candidate.StageRejected
		if r.Verdict == vetting.WeakMatch || r.Verdict == vetting.NoMatch {
			overruling = candidate.StageAdvanced
		}
		tests := []struct {
			name   string
			stage  candidate.Stage
			reason string
			want   fault.Kind
			ok     bool
		}{
			{"overrule without reason", overruling, "", fault.Invalid, false},
			{"overrule with reason", overruling, "Met them; not a team fit", 0, true},
			{"hold needs no reason", candidate.StageHold, "", 0, true},
			{"unknown stage", "hired", "", fault.Invalid, false},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				d, err := f.svc.Decide(ctx, f.rec, id, tc.stage, tc.reason)
				if tc.ok != (err == nil) || (!tc.ok && fault.KindOf(err) != tc.want) {
					t.Fatalf("Decide = %+v, %v", d, err)
				}
				if tc.ok {
					c, _ := f.cands.Get(ctx, f.rec, id)
					if c.Stage != tc.stage {
						t.Errorf("stage = %s, want %s", c.Stage, tc.stage)
					}
				}
			})
		}
	})
}

func TestRequestRefusals(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		id := f.add(t, strong)
		tests := []struct {
			name   string
			ids    []int64
			engine string
			want   fault.Kind
		}{
			{"no candidates", nil, "", fault.Invalid},
			{"unknown candidate", []int64{9999}, "", fault.Invalid},
			{"twice the same", []int64{id, id}, "", fault.Invalid},
			{"unknown engine", []int64{id}, "oracle", fault.Invalid},
		}
		for _, tc := range tests {
			_, err := f.svc.Request(ctx, f.rec, f.job.ID, tc.ids, false, false, tc.engine)
			if fault.KindOf(err) != tc.want {
				t.Errorf("%s: error = %v, want kind %v", tc.name, err, tc.want)
			}
		}
		if _, err := f.svc.Request(ctx, f.rec, 9999, []int64{id}, false, false, ""); fault.KindOf(err) != fault.NotFound {
			t.Errorf("unknown job: %v, want NotFound", err)
		}
	})
}

// TestUnknownEngineFailsClearly covers a vetting queued for an engine this
// process does not have (another replica's configuration, or a model that
// was switched off): it fails with a reason instead of crashing the worker.
func TestUnknownEngineFailsClearly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		id := f.add(t, strong)
		ids, err := f.svc.Request(ctx, f.rec, f.job.ID, []int64{id}, false, false, "local")
		if err != nil {
			t.Fatal(err)
		}
		f.waitFor(t, ids[0])
		if _, err := f.db.Writer().Exec(`UPDATE vettings SET status = 'queued', engine = 'gone'
			WHERE id = $1`, ids[0]); err != nil {
			t.Fatal(err)
		}
		if err := f.svc.RunVetting(ctx, ids[0], false); err != nil {
			t.Fatalf("RunVetting with an unknown engine = %v, want nil (nothing to retry)", err)
		}
		r, _ := f.svc.Get(ctx, f.manager, ids[0])
		if r.Status != screening.Failed || !strings.Contains(r.Error, "not configured") {
			t.Errorf("vetting = %s %q, want failed naming the missing engine", r.Status, r.Error)
		}
	})
}

func TestCancel(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		id := f.add(t, strong)
		ids, err := f.svc.Request(ctx, f.rec, f.job.ID, []int64{id}, false, false, "blocking")
		if err != nil {
			t.Fatal(err)
		}
		if err := f.svc.Cancel(ctx, f.rec, ids[0]); err != nil {
			t.Fatalf("Cancel by the requester: %v", err)
		}
		close(f.block.release)
		time.Sleep(300 * time.Millisecond)
		r, _ := f.svc.Get(ctx, f.manager, ids[0])
		if r.Status != screening.Cancelled || r.Score != nil {
			t.Errorf("vetting after cancel = %s, score %v; want cancelled without a score", r.Status, r.Score)
		}
		if err := f.svc.Cancel(ctx, f.rec, ids[0]); fault.KindOf(err) != fault.Conflict {
			t.Errorf("second Cancel = %v, want Conflict", err)
		}
	})
}

const middling = `Max Moe
SKILLS
PostgreSQL
EXPERIENCE
Database administrator, 2019 - 2024.`

// TestRankingNarrows vets three candidates twice and checks that the
// shortlist holds each candidate once, with its newest result, and that a
// verdict and a limit narrow it while the totals still count everything.
func TestRankingNarrows(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		a, b, c := f.add(t, strong), f.add(t, middling), f.add(t, weak)
		var newest []int64
		for range 2 {
			ids, err := f.svc.Request(ctx, f.rec, f.job.ID, nil, true, false, "")
			if err != nil || len(ids) != 3 {
				t.Fatalf("Request(all) = %v, %v; want three vettings", ids, err)
			}
			for _, id := range ids {
				f.waitFor(t, id)
			}
			newest = ids
		}
		full, err := f.svc.Rank(ctx, f.rec, f.job.ID, screening.RankQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if len(full.Records) != 3 || full.Total != 3 {
			t.Fatalf("full ranking: %d rows, total %d; want each of 3 candidates once",
				len(full.Records), full.Total)
		}
		order := []int64{full.Records[0].CandidateID, full.Records[1].CandidateID,
			full.Records[2].CandidateID}
		if !slices.Equal(order, []int64{a, b, c}) {
			t.Errorf("ranking order = %v, want %v (strong, middling, weak)", order, []int64{a, b, c})
		}
		for _, r := range full.Records {
			if !slices.Contains(newest, r.ID) {
				t.Errorf("candidate %d ranked by vetting %d, not by its newest of %v",
					r.CandidateID, r.ID, newest)
			}
		}
		weakest := full.Records[2].Verdict
		tests := []struct {
			name      string
			q         screening.RankQuery
			wantIDs   []int64
			wantTotal int
		}{
			{"best two", screening.RankQuery{Limit: 2}, []int64{a, b}, 3},
			{"the weakest verdict", screening.RankQuery{Verdict: string(weakest)}, nil,
				full.Verdicts[string(weakest)]},
			{"a verdict nobody has", screening.RankQuery{Verdict: "nothing like it"}, []int64{}, 0},
		}
		for _, tt := range tests {
			rk, err := f.svc.Rank(ctx, f.rec, f.job.ID, tt.q)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			var got []int64
			for _, r := range rk.Records {
				got = append(got, r.CandidateID)
				if tt.q.Verdict != "" && string(r.Verdict) != tt.q.Verdict {
					t.Errorf("%s: row with verdict %q", tt.name, r.Verdict)
				}
			}
			if tt.wantIDs != nil && !slices.Equal(got, tt.wantIDs) && len(got)+len(tt.wantIDs) > 0 {
				t.Errorf("%s: candidates %v, want %v", tt.name, got, tt.wantIDs)
			}
			if rk.Total != tt.wantTotal || len(rk.Records) > rk.Total {
				t.Errorf("%s: %d rows of total %d, want total %d", tt.name, len(rk.Records),
					rk.Total, tt.wantTotal)
			}
		}
	})
}
