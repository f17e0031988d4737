package store

import (
	"context"
	"fmt"

	"shortlist/internal/activity"
)

// LastActivityID returns the id of the newest activity row, 0 when there is
// none.
func (db *DB) LastActivityID(ctx context.Context) (int64, error) {
	const q = `SELECT COALESCE(MAX(id), 0) FROM activity`
	var id int64
	if err := db.read.QueryRowContext(ctx, q).Scan(&id); err != nil {
		return 0, fmt.Errorf("last activity id: %w", err)
	}
	return id, nil
}

// ActivityAfter returns up to limit activity rows with an id above after,
// oldest first.
func (db *DB) ActivityAfter(ctx context.Context, after int64,
	limit int) ([]activity.Event, error) {
	q := `
		SELECT ` + activityColumns + `
		FROM activity a
		WHERE a.id > $1
		ORDER BY a.id
		LIMIT $2`
	rows, err := db.read.QueryContext(ctx, q, after, limit)
	if err != nil {
		return nil, fmt.Errorf("activity after %d: %w", after, err)
	}
	return collectEvents(rows)
}

// ActivityByID returns the activity rows among ids that exist, oldest first.
func (db *DB) ActivityByID(ctx context.Context, ids []int64) ([]activity.Event, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	w := &where{}
	q := `
		SELECT ` + activityColumns + `
		FROM activity a
		WHERE a.id IN (` + w.list(ids) + `)
		ORDER BY a.id`
	rows, err := db.read.QueryContext(ctx, q, w.args...)
	if err != nil {
		return nil, fmt.Errorf("activity by id: %w", err)
	}
	return collectEvents(rows)
}
