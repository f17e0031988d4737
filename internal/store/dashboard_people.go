package store

import (
	"context"
	"database/sql"
	"fmt"

	"shortlist/internal/dashboard"
)

// activityScope adds the dashboard's filters to a query over activity a.
// The job filter keeps the rows about the job itself and about its
// candidates.
//
// TODO: the job filter places a candidate's rows by the job the candidate
// belongs to now, not the one it belonged to when the row was written, and
// rows about neither (logins, users) never match it; the activity table
// has no job column to do better.
func activityScope(w *where, f dashboard.Filter) {
	w.add(`a.at >= ?`, f.From())
	if f.UserID != 0 {
		w.add(`a.actor_id = ?`, f.UserID)
	}
	if f.JobID != 0 {
		job := w.next(f.JobID)
		w.addPlain(`((a.subject_type = 'job' AND a.subject_id = ` + job + `)
			OR (a.subject_type = 'candidate' AND a.subject_id IN (
				SELECT id FROM candidates WHERE job_id = ` + job + `)))`)
	}
}

// dashboardActors counts the activity rows of the busiest people in the
// period; the system's own rows count under user 0.
func (db *DB) dashboardActors(ctx context.Context, f dashboard.Filter,
	figs *dashboard.Figures) error {
	w := &where{}
	activityScope(w, f)
	q := `
		SELECT x.actor_id, COALESCE(u.email, 'system'), x.n
		FROM (
			SELECT COALESCE(a.actor_id, 0) AS actor_id, COUNT(*) AS n
			FROM activity a
			` + w.String() + `
			GROUP BY a.actor_id
		) x
		LEFT JOIN users u ON u.id = x.actor_id
		ORDER BY x.n DESC, x.actor_id
		LIMIT ` + w.next(dashboard.ActorLimit)
	rows, err := db.read.QueryContext(ctx, q, w.args...)
	if err != nil {
		return fmt.Errorf("activity per person: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p dashboard.PersonCount
		if err := rows.Scan(&p.UserID, &p.Email, &p.Count); err != nil {
			return fmt.Errorf("activity per person: %w", err)
		}
		figs.ActivityByUser = append(figs.ActivityByUser, p)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("activity per person: %w", err)
	}
	return nil
}

// dashboardPerformers ranks people by the vettings they asked for and the
// decisions they made in the period.
func (db *DB) dashboardPerformers(ctx context.Context, f dashboard.Filter,
	figs *dashboard.Figures) error {
	vw, dw := &where{}, &where{}
	vw.add(`v.requested_at >= ?`, figs.From)
	vw.addPlain(`v.requested_by IS NOT NULL`)
	scope(vw, f, `v.job_id`, `v.requested_by`)
	// The second subquery numbers its placeholders after the first's.
	dw.args = vw.args
	dw.add(`d.decided_at >= ?`, figs.From)
	dw.addPlain(`d.decided_by IS NOT NULL`)
	scope(dw, f, `d.job_id`, `d.decided_by`)
	q := `
		SELECT u.id, u.email, SUM(x.vettings), SUM(x.decisions)
		FROM (
			SELECT v.requested_by AS user_id, COUNT(*) AS vettings, 0 AS decisions
			FROM vettings v
			` + vw.String() + `
			GROUP BY v.requested_by
			UNION ALL
			SELECT d.decided_by, 0, COUNT(*)
			FROM decisions d
			` + dw.String() + `
			GROUP BY d.decided_by
		) x
		JOIN users u ON u.id = x.user_id
		GROUP BY u.id, u.email
		ORDER BY SUM(x.vettings) + SUM(x.decisions) DESC, u.id
		LIMIT ` + dw.next(dashboard.PerformerLimit)
	rows, err := db.read.QueryContext(ctx, q, dw.args...)
	if err != nil {
		return fmt.Errorf("top performers: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p dashboard.Performer
		if err := rows.Scan(&p.UserID, &p.Email, &p.Vettings, &p.Decisions); err != nil {
			return fmt.Errorf("top performers: %w", err)
		}
		figs.TopPerformers = append(figs.TopPerformers, p)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("top performers: %w", err)
	}
	return nil
}

// dashboardRecent returns the latest activity rows of the period.
func (db *DB) dashboardRecent(ctx context.Context, f dashboard.Filter,
	figs *dashboard.Figures) error {
	w := &where{}
	activityScope(w, f)
	q := `
		SELECT ` + activityColumns + `
		FROM activity a
		` + w.String() + `
		ORDER BY a.id DESC
		LIMIT ` + w.next(dashboard.RecentLimit)
	rows, err := db.read.QueryContext(ctx, q, w.args...)
	if err != nil {
		return fmt.Errorf("recent activity: %w", err)
	}
	evs, err := collectEvents(rows)
	if err != nil {
		return fmt.Errorf("recent activity: %w", err)
	}
	figs.Recent = make([]dashboard.Activity, 0, len(evs))
	for _, e := range evs {
		figs.Recent = append(figs.Recent, dashboard.ToActivity(e))
	}
	return nil
}

// activityColumns selects an activity row a in the order collectEvents
// scans.
const activityColumns = `a.id, a.at, COALESCE(a.actor_id, 0), a.actor_email, a.actor_role,
			a.action, a.subject_type, COALESCE(a.subject_id, 0), a.detail`

// collectCounts reads (label, count) rows into a map.
func collectCounts(rows *sql.Rows) (map[string]int, error) {
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var label string
		var n int
		if err := rows.Scan(&label, &n); err != nil {
			return nil, err
		}
		out[label] += n
	}
	return out, rows.Err()
}
