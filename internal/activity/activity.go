// Package activity describes the append-only log of what people did in
// Shortlist. Every action writes one Event in the same transaction as the
// action itself; events are never edited or deleted.
package activity

import "time"

// Action names what happened.
type Action string

// The actions Shortlist records.
const (
	Login           Action = "login"
	LoginFailed     Action = "login.failed"
	Logout          Action = "logout"
	UserCreated     Action = "user.created"
	UserRoleChanged Action = "user.role_changed"
	UserDisabled    Action = "user.disabled"
	UserEnabled     Action = "user.enabled"
	PasswordReset   Action = "user.password_reset"
	TokenCreated    Action = "token.created"
)

// Actor is who did something, as they were at the time: their email and role
// are copied so that later changes to the account do not rewrite history.
// A zero ID means the system itself (the command line or a background job).
type Actor struct {
	ID    int64
	Email string
	Role  string
}

// System is the actor for work done from the command line or by the server
// on its own.
var System = Actor{Email: "system", Role: "system"}

// Event is one row of the activity log.
type Event struct {
	ID          int64
	At          time.Time
	Actor       Actor
	Action      Action
	SubjectType string // "user", "candidate", "job", ...
	SubjectID   int64
	Detail      string // a short human-readable note; never resume text or secrets
}

// New returns an event of action by actor on the given subject, stamped now.
func New(actor Actor, action Action, subjectType string, subjectID int64, detail string) Event {
	return Event{
		At:          time.Now().UTC(),
		Actor:       actor,
		Action:      action,
		SubjectType: subjectType,
		SubjectID:   subjectID,
		Detail:      detail,
	}
}
