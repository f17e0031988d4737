package store

import (
	"context"
	"database/sql"
	"fmt"

	"shortlist/internal/activity"
	"shortlist/internal/user"
)

// CreateToken inserts an API token and logs ev with it.
func (db *DB) CreateToken(ctx context.Context, t *user.Token, ev activity.Event) error {
	const q = `
		INSERT INTO api_tokens (user_id, name, hash, created_at)
		VALUES ($1, $2, $3, $4)
		RETURNING id`
	return db.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, q, t.UserID, t.Name, t.Hash, t.CreatedAt).Scan(&t.ID)
		if err != nil {
			return fmt.Errorf("insert token: %w", err)
		}
		return appendEvent(ctx, tx, ev)
	})
}

// UserByToken returns the owner of the API token with the given hash.
func (db *DB) UserByToken(ctx context.Context, hash string) (*user.User, error) {
	const q = `
		SELECT u.id, u.email, u.name, u.role, u.disabled, u.created_at, u.updated_at
		FROM api_tokens t
		JOIN users u ON u.id = t.user_id
		WHERE t.hash = $1`
	u, err := scanUser(db.read.QueryRowContext(ctx, q, hash))
	if err != nil {
		return nil, notFound(err, "token", "The API token is not valid.")
	}
	return u, nil
}
