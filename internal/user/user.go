// Package user holds the people who use Shortlist: their roles, passwords,
// sessions and API tokens, and the rules that govern them.
package user

import (
	"fmt"
	"net/mail"
	"strings"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/fault"
)

// Role says what a user may see and do.
type Role string

// The roles, from least to most powerful.
const (
	Recruiter Role = "recruiter"
	Manager   Role = "manager"
	Admin     Role = "admin"
)

// Roles lists every role, least powerful first.
var Roles = []Role{Recruiter, Manager, Admin}

// ParseRole returns the role named s, or an Invalid error.
func ParseRole(s string) (Role, error) {
	r := Role(strings.ToLower(strings.TrimSpace(s)))
	switch r {
	case Recruiter, Manager, Admin:
		return r, nil
	}
	return "", fault.Invalidf("Role must be recruiter, manager or admin, not %q.", s)
}

func (r Role) rank() int {
	switch r {
	case Recruiter:
		return 1
	case Manager:
		return 2
	case Admin:
		return 3
	}
	return 0
}

// AtLeast reports whether r is as powerful as min or more.
func (r Role) AtLeast(min Role) bool { return r.rank() >= min.rank() }

// User is a person who can sign in.
type User struct {
	ID        int64
	Email     string
	Name      string
	Role      Role
	Disabled  bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Actor returns the user as the actor of an activity event.
func (u *User) Actor() activity.Actor {
	if u == nil {
		return activity.System
	}
	return activity.Actor{ID: u.ID, Email: u.Email, Role: string(u.Role)}
}

// Label returns "email (role)", the way Shortlist names a person in lists.
func (u *User) Label() string { return fmt.Sprintf("%s (%s)", u.Email, u.Role) }

// NormalizeEmail lower-cases and checks an email address.
func NormalizeEmail(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s, "@") {
		return "", fault.Invalidf("%q is not a valid email address.", s)
	}
	return s, nil
}
