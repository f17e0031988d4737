package store

import (
	"context"
	"fmt"

	"shortlist/internal/activity"
	"shortlist/internal/dashboard"
)

// logWhere builds the conditions of a query over the activity log.
func logWhere(f dashboard.LogFilter) *where {
	w := &where{}
	if f.UserID != 0 {
		w.add(`a.actor_id = ?`, f.UserID)
	}
	if f.Action != "" {
		w.add(`a.action = ?`, f.Action)
	}
	if !f.From.IsZero() {
		w.add(`a.at >= ?`, f.From.UTC())
	}
	if !f.To.IsZero() {
		w.add(`a.at < ?`, f.To.UTC())
	}
	return w
}

// ActivityLog returns one page of the filtered activity log, newest first,
// and the number of matching rows.
func (db *DB) ActivityLog(ctx context.Context, f dashboard.LogFilter) (dashboard.LogPage, error) {
	page := dashboard.LogPage{Page: f.Page, PerPage: f.PerPage}
	w := logWhere(f)
	count := `SELECT COUNT(*) FROM activity a ` + w.String()
	if err := db.read.QueryRowContext(ctx, count, w.args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("count activity: %w", err)
	}
	q := `
		SELECT ` + activityColumns + `
		FROM activity a
		` + w.String() + `
		ORDER BY a.id DESC
		LIMIT ` + w.next(f.PerPage) + ` OFFSET ` + w.next((f.Page-1)*f.PerPage)
	rows, err := db.read.QueryContext(ctx, q, w.args...)
	if err != nil {
		return page, fmt.Errorf("list activity: %w", err)
	}
	if page.Events, err = collectEvents(rows); err != nil {
		return page, fmt.Errorf("list activity: %w", err)
	}
	return page, nil
}

// EachActivity calls fn for every row of the filtered activity log, oldest
// first, reading the rows as a stream rather than all at once. It stops at
// fn's first error.
func (db *DB) EachActivity(ctx context.Context, f dashboard.LogFilter,
	fn func(activity.Event) error) error {
	w := logWhere(f)
	q := `
		SELECT ` + activityColumns + `
		FROM activity a
		` + w.String() + `
		ORDER BY a.id`
	rows, err := db.read.QueryContext(ctx, q, w.args...)
	if err != nil {
		return fmt.Errorf("export activity: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e activity.Event
		var action string
		err := rows.Scan(&e.ID, &e.At, &e.Actor.ID, &e.Actor.Email, &e.Actor.Role, &action,
			&e.SubjectType, &e.SubjectID, &e.Detail)
		if err != nil {
			return fmt.Errorf("export activity: %w", err)
		}
		e.Action = activity.Action(action)
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export activity: %w", err)
	}
	return nil
}

// DashboardPeople lists the accounts the dashboard's person filter offers.
func (db *DB) DashboardPeople(ctx context.Context) ([]dashboard.Person, error) {
	const q = `
		SELECT id, email
		FROM users
		ORDER BY email`
	rows, err := db.read.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	defer rows.Close()
	var out []dashboard.Person
	for rows.Next() {
		var p dashboard.Person
		if err := rows.Scan(&p.ID, &p.Email); err != nil {
			return nil, fmt.Errorf("list people: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	return out, nil
}
