package user

import (
	"context"
	"time"

	"shortlist/internal/activity"
)

// Store keeps users, sessions and tokens. Every method that changes something
// also appends the given activity event, in the same transaction.
// Methods return a fault.NotFound error for a missing user and a
// fault.Conflict error for a duplicate email.
type Store interface {
	CreateUser(ctx context.Context, u *User, passwordHash string, ev activity.Event) error
	UserByID(ctx context.Context, id int64) (*User, error)
	UserByEmail(ctx context.Context, email string) (*User, error)
	// Credentials returns the user with the given email and their password hash.
	Credentials(ctx context.Context, email string) (*User, string, error)
	Users(ctx context.Context) ([]User, error)
	CountUsers(ctx context.Context) (int, error)
	// CountActiveAdmins counts admins who are not disabled.
	CountActiveAdmins(ctx context.Context) (int, error)
	// UpdateUser saves Role and Disabled; disabling also ends the user's sessions.
	UpdateUser(ctx context.Context, u *User, ev activity.Event) error
	// SetPassword saves a new hash and ends the user's sessions.
	SetPassword(ctx context.Context, id int64, hash string, ev activity.Event) error
	// LogActivity appends an event that goes with no other change.
	LogActivity(ctx context.Context, ev activity.Event) error

	CreateSession(ctx context.Context, s *Session, ev activity.Event) error
	// SessionByHash returns the session and its user.
	SessionByHash(ctx context.Context, hash string) (*Session, *User, error)
	TouchSession(ctx context.Context, hash string, at time.Time) error
	// DeleteSession ends a session; ev is nil when no one asked (expiry).
	DeleteSession(ctx context.Context, hash string, ev *activity.Event) error

	CreateToken(ctx context.Context, t *Token, ev activity.Event) error
	// UserByToken returns the owner of the API token with the given hash.
	UserByToken(ctx context.Context, hash string) (*User, error)
}
