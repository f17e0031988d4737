package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"shortlist/internal/config"
	"shortlist/internal/dashboard"
	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
)

// The size of the benchmark's database.
const (
	benchUsers      = 20
	benchJobs       = 50
	benchCandidates = 100_000
	benchActivity   = 1_000_000
	benchDecisions  = 20_000
)

// BenchmarkDashboard measures how long the dashboard's figures take on a
// large database (100,000 candidates, as many vettings, 1,000,000 activity
// rows over a year) on SQLite and, when its test URL is set, PostgreSQL,
// while a writer appends activity and finishes vettings every few
// milliseconds. "direct" computes the figures from the database on every
// call; "cached" goes through dashboard.Cache as the server does, with the
// log growing all the time. Run it with:
//
//	go test ./internal/store/ -run '^$' -bench Dashboard -benchtime 200x -timeout 30m
//
// Building the data takes a minute or two per database.
func BenchmarkDashboard(b *testing.B) {
	dialects := []config.Dialect{config.SQLite}
	if os.Getenv(storetest.EnvURL) != "" {
		dialects = append(dialects, config.Postgres)
	}
	for _, d := range dialects {
		db := storetest.Open(b, d)
		// Built by the first sub-benchmark that runs, so that
		// -bench Dashboard/postgres builds nothing on SQLite.
		seed := sync.OnceFunc(func() {
			start := time.Now()
			seedBench(b, db)
			b.Logf("%s: built the data in %s", d, time.Since(start).Round(time.Second))
		})
		filters := []dashboard.Filter{
			{Days: 30}, {Days: 30, JobID: 7}, {Days: 30, UserID: 3}, {Days: 7}, {Days: 365},
		}
		b.Run(string(d)+"/direct", func(b *testing.B) {
			seed()
			benchFigures(b, db, db, filters)
		})
		b.Run(string(d)+"/direct-365d", func(b *testing.B) {
			seed()
			benchFigures(b, db, db, []dashboard.Filter{{Days: 365}})
		})
		b.Run(string(d)+"/cached", func(b *testing.B) {
			seed()
			var version atomic.Int64
			cache := dashboard.NewCache(db, version.Load)
			benchFigures(b, db, cache, filters, &version)
		})
	}
}

// benchFigures computes figures b.N times, cycling through filters, while
// writes go on, and reports the median and 95th percentile in ms.
func benchFigures(b *testing.B, db *store.DB, src dashboard.Source, filters []dashboard.Filter,
	version ...*atomic.Int64) {
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		benchWriter(ctx, db, version...)
	}()
	defer func() {
		cancel()
		<-stopped
	}()
	// One warm-up call per filter, so that "cached" measures a dashboard
	// in use rather than the first visit after a restart.
	for _, f := range filters {
		f.Now = time.Now()
		if _, err := src.DashboardFigures(ctx, f); err != nil {
			b.Fatal(err)
		}
	}
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f := filters[i%len(filters)]
		f.Now = time.Now()
		t0 := time.Now()
		if _, err := src.DashboardFigures(ctx, f); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(t0))
	}
	b.StopTimer()
	slices.Sort(times)
	ms := func(q float64) float64 {
		return float64(times[int(q*float64(len(times)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.95), "p95-ms")
	b.ReportMetric(0, "ns/op")
}

// benchWriter plays vetting at work: every 5 ms it finishes a vetting and
// appends its activity row in one transaction, until ctx ends.
func benchWriter(ctx context.Context, db *store.DB, version ...*atomic.Int64) {
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for n := int64(1); ; n++ {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		tx, err := db.Writer().BeginTx(ctx, nil)
		if err != nil {
			return
		}
		now := time.Now().UTC()
		_, err = tx.ExecContext(ctx, `
			UPDATE vettings
			SET status = 'done', score = 77, verdict = 'match', finished_at = $1
			WHERE id = $2`, now, 1+n%benchCandidates)
		if err == nil {
			_, err = tx.ExecContext(ctx, `
				INSERT INTO activity (at, actor_email, actor_role, action, subject_type,
					subject_id, detail)
				VALUES ($1, 'system', 'system', 'vetting.completed', 'job', 1, 'bench')`, now)
		}
		if err != nil {
			_ = tx.Rollback()
			return
		}
		if tx.Commit() != nil {
			return
		}
		for _, v := range version {
			v.Add(1)
		}
	}
}

// seedBench fills db with the benchmark's data, in big transactions of
// multi-row INSERTs.
func seedBench(b *testing.B, db *store.DB) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	now := time.Now().UTC()
	year := func() time.Time {
		return now.Add(-time.Duration(rng.Int64N(int64(365 * 24 * time.Hour))))
	}
	bulk(b, ctx, db, "users (email, role, password_hash, created_at, updated_at)", benchUsers,
		func(i int) []any {
			return []any{fmt.Sprintf("user%d@example.com", i+1), "recruiter", "x", now, now}
		})
	bulk(b, ctx, db, "jobs (title, created_at, updated_at)", benchJobs, func(i int) []any {
		return []any{fmt.Sprintf("Job %d", i+1), now, now}
	})
	stages := []string{"new", "new", "new", "advanced", "hold", "rejected"}
	bulk(b, ctx, db, "candidates (job_id, stage, content_hash, file_name, file_kind, file_size,"+
		" uploaded_by, created_at, updated_at, is_deleted)", benchCandidates, func(i int) []any {
		at := year()
		return []any{1 + rng.IntN(benchJobs), stages[rng.IntN(len(stages))],
			fmt.Sprintf("bench%d", i), "cv.pdf", "pdf", 1000, 1 + rng.IntN(benchUsers), at, at,
			rng.IntN(20) == 0}
	})
	verdicts := []string{"strong match", "match", "weak match", "no match"}
	bulk(b, ctx, db, "vettings (candidate_id, job_id, status, engine, score, verdict,"+
		" requested_by, requested_at, finished_at)", benchCandidates, func(i int) []any {
		at := year()
		status, score, verdict, finished := "done", any(rng.IntN(101)), verdicts[rng.IntN(4)],
			any(at.Add(time.Minute))
		if rng.IntN(100) == 0 {
			status, score, verdict, finished = "queued", nil, "", nil
		}
		return []any{i + 1, 1 + rng.IntN(benchJobs), status, "local", score, verdict,
			1 + rng.IntN(benchUsers), at, finished}
	})
	bulk(b, ctx, db, "decisions (candidate_id, job_id, stage, decided_by, decided_at)",
		benchDecisions, func(i int) []any {
			return []any{1 + rng.IntN(benchCandidates), 1 + rng.IntN(benchJobs), "advanced",
				1 + rng.IntN(benchUsers), year()}
		})
	actions := []string{"candidate.uploaded", "vetting.requested", "vetting.completed", "login",
		"candidate.decided", "job.updated"}
	bulk(b, ctx, db, "activity (at, actor_id, actor_email, actor_role, action, subject_type,"+
		" subject_id, detail)", benchActivity, func(i int) []any {
		actor := rng.IntN(benchUsers + 1)
		email, id := "system", any(nil)
		if actor > 0 {
			email, id = fmt.Sprintf("user%d@example.com", actor), actor
		}
		return []any{year(), id, email, "recruiter", actions[rng.IntN(len(actions))],
			"candidate", 1 + rng.IntN(benchCandidates), "bench row"}
	})
	if db.Dialect == config.Postgres {
		// As autovacuum would have by now on a database grown over a year;
		// without it, index-only scans still visit the table.
		if _, err := db.Writer().ExecContext(ctx, `VACUUM ANALYZE`); err != nil {
			b.Fatal(err)
		}
	} else if _, err := db.Writer().ExecContext(ctx, `PRAGMA optimize`); err != nil {
		b.Fatal(err)
	}
}

// bulk inserts n rows into table (with its column list) from row, 500 rows
// a statement and 20,000 a transaction.
func bulk(b *testing.B, ctx context.Context, db *store.DB, table string, n int,
	row func(i int) []any) {
	const perStmt, perTx = 500, 20_000
	var tx *sql.Tx
	for i := 0; i < n; i += perStmt {
		if i%perTx == 0 {
			var err error
			if tx, err = db.Writer().BeginTx(ctx, nil); err != nil {
				b.Fatal(err)
			}
		}
		var args []any
		var values []string
		for j := i; j < min(i+perStmt, n); j++ {
			r := row(j)
			marks := make([]string, len(r))
			for k := range r {
				args = append(args, r[k])
				marks[k] = fmt.Sprintf("$%d", len(args))
			}
			values = append(values, "("+strings.Join(marks, ", ")+")")
		}
		q := "INSERT INTO " + table + " VALUES " + strings.Join(values, ", ")
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			b.Fatalf("insert into %s: %v", table, err)
		}
		if (i+perStmt)%perTx == 0 || i+perStmt >= n {
			if err := tx.Commit(); err != nil {
				b.Fatal(err)
			}
		}
	}
}
