package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/fault"
	"shortlist/internal/user"
)

const userColumns = `id, email, name, role, disabled, created_at, updated_at`

type rowScanner interface {
	Scan(dest ...any) error
}

func scanUser(r rowScanner, extra ...any) (*user.User, error) {
	var u user.User
	var role string
	dest := append([]any{&u.ID, &u.Email, &u.Name, &role, &u.Disabled, &u.CreatedAt,
		&u.UpdatedAt}, extra...)
	if err := r.Scan(dest...); err != nil {
		return nil, err
	}
	u.Role = user.Role(role)
	return &u, nil
}

// CreateUser inserts u, setting its ID and times. A taken email is a Conflict.
func (db *DB) CreateUser(ctx context.Context, u *user.User, hash string, ev activity.Event) error {
	const q = `
		INSERT INTO users (email, name, role, password_hash, disabled, created_at, updated_at)
		VALUES ($1, $2, $3, $4, FALSE, $5, $5)
		ON CONFLICT (email) DO NOTHING
		RETURNING id`
	now := time.Now().UTC()
	return db.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, q, u.Email, u.Name, string(u.Role), hash, now).Scan(&u.ID)
		if err == sql.ErrNoRows {
			return fault.Conflictf("A user with the email %s already exists.", u.Email)
		}
		if err != nil {
			return fmt.Errorf("insert user: %w", err)
		}
		u.CreatedAt, u.UpdatedAt = now, now
		ev.SubjectID = u.ID
		return appendEvent(ctx, tx, ev)
	})
}

// UserByID returns the user with the given id.
func (db *DB) UserByID(ctx context.Context, id int64) (*user.User, error) {
	q := `SELECT ` + userColumns + ` FROM users WHERE id = $1`
	u, err := scanUser(db.read.QueryRowContext(ctx, q, id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("user %d", id), "No such user.")
	}
	return u, nil
}

// UserByEmail returns the user with the given email.
func (db *DB) UserByEmail(ctx context.Context, email string) (*user.User, error) {
	q := `SELECT ` + userColumns + ` FROM users WHERE email = $1`
	u, err := scanUser(db.read.QueryRowContext(ctx, q, email))
	if err != nil {
		return nil, notFound(err, "user by email", "No user has the email "+email+".")
	}
	return u, nil
}

// Credentials returns the user with the given email and their password hash.
func (db *DB) Credentials(ctx context.Context, email string) (*user.User, string, error) {
	q := `SELECT ` + userColumns + `, password_hash FROM users WHERE email = $1`
	var hash string
	u, err := scanUser(db.read.QueryRowContext(ctx, q, email), &hash)
	if err != nil {
		return nil, "", notFound(err, "credentials", "No such user.")
	}
	return u, hash, nil
}

// Users lists every user by email.
func (db *DB) Users(ctx context.Context) ([]user.User, error) {
	q := `SELECT ` + userColumns + ` FROM users ORDER BY email`
	rows, err := db.read.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	var out []user.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("list users: %w", err)
		}
		out = append(out, *u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	return out, nil
}

// CountUsers counts every account, disabled or not.
func (db *DB) CountUsers(ctx context.Context) (int, error) {
	var n int
	if err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM users`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count users: %w", err)
	}
	return n, nil
}

// CountActiveAdmins counts admins who are not disabled.
func (db *DB) CountActiveAdmins(ctx context.Context) (int, error) {
	const q = `
		SELECT COUNT(*)
		FROM users
		WHERE role = 'admin'
			AND NOT disabled`
	var n int
	if err := db.read.QueryRowContext(ctx, q).Scan(&n); err != nil {
		return 0, fmt.Errorf("count admins: %w", err)
	}
	return n, nil
}

// UpdateUser saves the role, name and disabled flag of u. Disabling a user
// also deletes their sessions.
func (db *DB) UpdateUser(ctx context.Context, u *user.User, ev activity.Event) error {
	const q = `
		UPDATE users
		SET role = $2, name = $3, disabled = $4, updated_at = $5
		WHERE id = $1`
	now := time.Now().UTC()
	return db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, q, u.ID, string(u.Role), u.Name, u.Disabled, now)
		if err != nil {
			return fmt.Errorf("update user %d: %w", u.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fault.NotFoundf("No such user.")
		}
		if u.Disabled {
			if err := deleteSessionsOf(ctx, tx, u.ID); err != nil {
				return err
			}
		}
		u.UpdatedAt = now
		return appendEvent(ctx, tx, ev)
	})
}

// SetPassword saves a new password hash and ends the user's sessions.
func (db *DB) SetPassword(ctx context.Context, id int64, hash string, ev activity.Event) error {
	const q = `
		UPDATE users
		SET password_hash = $2, updated_at = $3
		WHERE id = $1`
	return db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, q, id, hash, time.Now().UTC())
		if err != nil {
			return fmt.Errorf("set password of %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fault.NotFoundf("No such user.")
		}
		if err := deleteSessionsOf(ctx, tx, id); err != nil {
			return err
		}
		return appendEvent(ctx, tx, ev)
	})
}
