package store

import (
	"context"
	"database/sql"
	"fmt"

	"shortlist/internal/activity"
)

// execer is what both *sql.DB and *sql.Tx offer for statements.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// appendEvent writes ev to the activity log, in whatever transaction ex is.
func appendEvent(ctx context.Context, ex execer, ev activity.Event) error {
	const q = `
		INSERT INTO activity (at, actor_id, actor_email, actor_role, action,
			subject_type, subject_id, detail)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`
	_, err := ex.ExecContext(ctx, q, ev.At, nullID(ev.Actor.ID), ev.Actor.Email, ev.Actor.Role,
		string(ev.Action), ev.SubjectType, nullID(ev.SubjectID), ev.Detail)
	if err != nil {
		return fmt.Errorf("append %s event: %w", ev.Action, err)
	}
	return nil
}

// LogActivity appends an event that goes with no other change.
func (db *DB) LogActivity(ctx context.Context, ev activity.Event) error {
	return appendEvent(ctx, db.write, ev)
}

// RecentActivity returns the latest n events, newest first: everyone's when
// actorID is 0, else only those of that actor.
func (db *DB) RecentActivity(ctx context.Context, actorID int64, n int) ([]activity.Event, error) {
	const q = `
		SELECT id, at, COALESCE(actor_id, 0), actor_email, actor_role, action,
			subject_type, COALESCE(subject_id, 0), detail
		FROM activity
		WHERE $1 = 0 OR actor_id = $1
		ORDER BY id DESC
		LIMIT $2`
	rows, err := db.read.QueryContext(ctx, q, actorID, n)
	if err != nil {
		return nil, fmt.Errorf("recent activity: %w", err)
	}
	return collectEvents(rows)
}

// collectEvents scans activity rows selected in the usual column order.
func collectEvents(rows *sql.Rows) ([]activity.Event, error) {
	defer rows.Close()
	var out []activity.Event
	for rows.Next() {
		var e activity.Event
		var action string
		err := rows.Scan(&e.ID, &e.At, &e.Actor.ID, &e.Actor.Email, &e.Actor.Role, &action,
			&e.SubjectType, &e.SubjectID, &e.Detail)
		if err != nil {
			return nil, fmt.Errorf("scan activity: %w", err)
		}
		e.Action = activity.Action(action)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("scan activity: %w", err)
	}
	return out, nil
}

// nullID stores 0 as NULL.
func nullID(id int64) sql.NullInt64 {
	return sql.NullInt64{Int64: id, Valid: id != 0}
}
