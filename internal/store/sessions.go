package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/user"
)

// CreateSession inserts s and logs ev with it.
func (db *DB) CreateSession(ctx context.Context, s *user.Session, ev activity.Event) error {
	const q = `
		INSERT INTO sessions (hash, user_id, csrf, created_at, last_seen_at, expires_at,
			ip, user_agent)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`
	return db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, q, s.Hash, s.UserID, s.CSRF, s.CreatedAt, s.LastSeenAt,
			s.ExpiresAt, s.IP, s.UserAgent)
		if err != nil {
			return fmt.Errorf("insert session: %w", err)
		}
		return appendEvent(ctx, tx, ev)
	})
}

// SessionByHash returns a session and its user.
func (db *DB) SessionByHash(ctx context.Context, hash string) (*user.Session, *user.User, error) {
	const q = `
		SELECT u.id, u.email, u.name, u.role, u.disabled, u.created_at, u.updated_at,
			s.hash, s.user_id, s.csrf, s.created_at, s.last_seen_at, s.expires_at
		FROM sessions s
		JOIN users u ON u.id = s.user_id
		WHERE s.hash = $1`
	var s user.Session
	u, err := scanUser(db.read.QueryRowContext(ctx, q, hash),
		&s.Hash, &s.UserID, &s.CSRF, &s.CreatedAt, &s.LastSeenAt, &s.ExpiresAt)
	if err != nil {
		return nil, nil, notFound(err, "session", "Please sign in.")
	}
	return &s, u, nil
}

// TouchSession records that a session was used at the given time.
func (db *DB) TouchSession(ctx context.Context, hash string, at time.Time) error {
	const q = `UPDATE sessions SET last_seen_at = $2 WHERE hash = $1`
	if _, err := db.write.ExecContext(ctx, q, hash, at); err != nil {
		return fmt.Errorf("touch session: %w", err)
	}
	return nil
}

// DeleteSession ends a session, logging ev when it is not nil.
func (db *DB) DeleteSession(ctx context.Context, hash string, ev *activity.Event) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE hash = $1`, hash); err != nil {
			return fmt.Errorf("delete session: %w", err)
		}
		if ev == nil {
			return nil
		}
		return appendEvent(ctx, tx, *ev)
	})
}

// DeleteExpiredSessions removes sessions past their absolute expiry or idle
// for longer than idle, and returns how many it removed.
func (db *DB) DeleteExpiredSessions(ctx context.Context, now time.Time, idle time.Duration) (int64, error) {
	const q = `
		DELETE FROM sessions
		WHERE expires_at < $1
			OR last_seen_at < $2`
	res, err := db.write.ExecContext(ctx, q, now, now.Add(-idle))
	if err != nil {
		return 0, fmt.Errorf("delete expired sessions: %w", err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}

func deleteSessionsOf(ctx context.Context, ex execer, userID int64) error {
	if _, err := ex.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID); err != nil {
		return fmt.Errorf("delete sessions of %d: %w", userID, err)
	}
	return nil
}
