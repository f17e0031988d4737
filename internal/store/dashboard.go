package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"shortlist/internal/candidate"
	"shortlist/internal/dashboard"
)

// DashboardFigures computes every figure of the activity dashboard for f. It
// runs a handful of grouped queries, each over one covering index range of
// the period (migration 00004); the results are put together in Go.
func (db *DB) DashboardFigures(ctx context.Context,
	f dashboard.Filter) (*dashboard.Figures, error) {
	if f.Days < 1 {
		return nil, fmt.Errorf("dashboard figures: period of %d days", f.Days)
	}
	figs := &dashboard.Figures{Days: f.Days, From: f.From(), JobID: f.JobID, UserID: f.UserID,
		ComputedAt: f.Now.UTC()}
	steps := []func(context.Context, dashboard.Filter, *dashboard.Figures) error{
		db.dashboardVettings, db.dashboardQueue, db.dashboardStages, db.dashboardDecisions,
		db.dashboardActors, db.dashboardPerformers, db.dashboardRecent,
	}
	// The steps are independent and each fills fields of its own, so they
	// run at once, on connections of their own.
	errs := make([]error, len(steps))
	var wg sync.WaitGroup
	for i, step := range steps {
		wg.Go(func() { errs[i] = step(ctx, f, figs) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("dashboard figures: %w", err)
	}
	return figs, nil
}

// scope adds the job and person filters to w for a table whose job and
// person columns are named jobCol and userCol.
func scope(w *where, f dashboard.Filter, jobCol, userCol string) {
	if f.JobID != 0 {
		w.add(jobCol+` = ?`, f.JobID)
	}
	if f.UserID != 0 {
		w.add(userCol+` = ?`, f.UserID)
	}
}

// dashboardVettings reads the vettings finished in the period (or in the
// last week, when that reaches further back) in one pass, grouped by day,
// verdict and score bucket, and derives the per-day series, the verdicts,
// the score histogram, the average score and the vetted counts from it.
func (db *DB) dashboardVettings(ctx context.Context, f dashboard.Filter,
	figs *dashboard.Figures) error {
	today := dashboard.Today(f.Now)
	week := today.AddDate(0, 0, -6)
	w := &where{}
	w.addPlain(`v.status = 'done'`)
	start := figs.From
	if week.Before(start) {
		start = week
	}
	w.add(`v.finished_at >= ?`, start)
	scope(w, f, `v.job_id`, `v.requested_by`)
	q := `
		SELECT ` + db.utcDay(`v.finished_at`) + `, v.verdict,
			CASE WHEN v.score >= 90 THEN 9 ELSE v.score / 10 END,
			COUNT(*), COALESCE(SUM(v.score), 0), COUNT(v.score)
		FROM vettings v
		` + w.String() + `
		GROUP BY 1, 2, 3`
	rows, err := db.read.QueryContext(ctx, q, w.args...)
	if err != nil {
		return fmt.Errorf("vettings by day: %w", err)
	}
	defer rows.Close()

	from, todayKey, weekKey := figs.From.Format(time.DateOnly), today.Format(time.DateOnly),
		week.Format(time.DateOnly)
	perDay, verdicts := map[string]int{}, map[string]int{}
	buckets := make([]int, 10)
	var sum, scored int64
	for rows.Next() {
		var day, verdict string
		var bucket *int64
		var n, s, c int64
		if err := rows.Scan(&day, &verdict, &bucket, &n, &s, &c); err != nil {
			return fmt.Errorf("vettings by day: %w", err)
		}
		if day == todayKey {
			figs.Headline.VettedToday += int(n)
		}
		if day >= weekKey {
			figs.Headline.VettedWeek += int(n)
		}
		if day < from {
			continue
		}
		perDay[day] += int(n)
		verdicts[verdict] += int(n)
		if bucket != nil && *bucket >= 0 && *bucket < 10 {
			buckets[*bucket] += int(c)
		}
		sum, scored = sum+s, scored+c
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("vettings by day: %w", err)
	}
	fillVettings(figs, perDay, verdicts, buckets, sum, scored)
	return nil
}

// fillVettings lays the grouped vetting counts out as the figures show them:
// every day of the period, every verdict, every bucket, zeros included.
func fillVettings(figs *dashboard.Figures, perDay, verdicts map[string]int, buckets []int,
	sum, scored int64) {
	for d := 0; d < figs.Days; d++ {
		day := figs.From.AddDate(0, 0, d).Format(time.DateOnly)
		figs.PerDay = append(figs.PerDay, dashboard.DayCount{Day: day, Count: perDay[day]})
	}
	for _, v := range dashboard.Verdicts {
		figs.Verdicts = append(figs.Verdicts, dashboard.Count{Label: v, Count: verdicts[v]})
	}
	for i, n := range buckets {
		label := fmt.Sprintf("%d-%d", i*10, i*10+9)
		if i == 9 {
			label = "90-100"
		}
		figs.Scores = append(figs.Scores, dashboard.Count{Label: label, Count: n})
	}
	if scored > 0 {
		avg := float64(sum) / float64(scored)
		figs.Headline.AverageScore = &avg
	}
}

// dashboardQueue counts the vettings waiting or running now.
func (db *DB) dashboardQueue(ctx context.Context, f dashboard.Filter,
	figs *dashboard.Figures) error {
	w := &where{}
	w.addPlain(`v.status IN ('queued', 'running')`)
	scope(w, f, `v.job_id`, `v.requested_by`)
	q := `
		SELECT COUNT(*)
		FROM vettings v
		` + w.String()
	if err := db.read.QueryRowContext(ctx, q, w.args...).Scan(&figs.Headline.Queue); err != nil {
		return fmt.Errorf("count queue: %w", err)
	}
	return nil
}

// dashboardStages counts the active candidates by stage; their sum is the
// number of active candidates. The person filter means who uploaded them.
func (db *DB) dashboardStages(ctx context.Context, f dashboard.Filter,
	figs *dashboard.Figures) error {
	w := &where{}
	w.add(`c.is_deleted = ?`, false)
	scope(w, f, `c.job_id`, `c.uploaded_by`)
	q := `
		SELECT c.stage, COUNT(*)
		FROM candidates c
		` + w.String() + `
		GROUP BY c.stage`
	rows, err := db.read.QueryContext(ctx, q, w.args...)
	if err != nil {
		return fmt.Errorf("count stages: %w", err)
	}
	counts, err := collectCounts(rows)
	if err != nil {
		return fmt.Errorf("count stages: %w", err)
	}
	for _, st := range candidate.Stages {
		n := counts[string(st)]
		delete(counts, string(st))
		figs.Stages = append(figs.Stages, dashboard.Count{Label: string(st), Count: n})
		figs.Headline.ActiveCandidates += n
	}
	for label, n := range counts {
		figs.Stages = append(figs.Stages, dashboard.Count{Label: label, Count: n})
		figs.Headline.ActiveCandidates += n
	}
	return nil
}

// dashboardDecisions counts the decisions people made in the period.
func (db *DB) dashboardDecisions(ctx context.Context, f dashboard.Filter,
	figs *dashboard.Figures) error {
	w := &where{}
	w.add(`d.decided_at >= ?`, figs.From)
	scope(w, f, `d.job_id`, `d.decided_by`)
	q := `
		SELECT COUNT(*)
		FROM decisions d
		` + w.String()
	err := db.read.QueryRowContext(ctx, q, w.args...).Scan(&figs.Headline.Decisions)
	if err != nil {
		return fmt.Errorf("count decisions: %w", err)
	}
	return nil
}
