// Package fault holds Shortlist's application error: an error with a kind
// that the web layer maps to a status code, and a message that is safe to show
// to the person who caused it.
package fault

import (
	"errors"
	"fmt"
)

// Kind says what went wrong, in terms a caller can act on.
type Kind int

// The kinds of application error.
const (
	Internal     Kind = iota // a fault of ours; the message is never shown
	Invalid                  // the input is wrong; the message says how
	NotFound                 // the thing asked for does not exist (or is not visible)
	Conflict                 // the thing changed or already exists
	Forbidden                // the caller may not do this
	Unauthorized             // the caller is not signed in
	TooMany                  // the caller is going too fast
)

// Error is an application error. Msg is safe to show to users; Err, when set,
// is the underlying cause and is only logged.
type Error struct {
	Kind Kind
	Msg  string
	Err  error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Msg + ": " + e.Err.Error()
	}
	return e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// New returns an error of the given kind with a user-safe message.
func New(kind Kind, format string, args ...any) error {
	return &Error{Kind: kind, Msg: fmt.Sprintf(format, args...)}
}

// Wrap returns an error of the given kind whose message is safe to show and
// whose cause is err.
func Wrap(kind Kind, err error, format string, args ...any) error {
	return &Error{Kind: kind, Msg: fmt.Sprintf(format, args...), Err: err}
}

// Invalidf returns an Invalid error.
func Invalidf(format string, args ...any) error { return New(Invalid, format, args...) }

// NotFoundf returns a NotFound error.
func NotFoundf(format string, args ...any) error { return New(NotFound, format, args...) }

// Conflictf returns a Conflict error.
func Conflictf(format string, args ...any) error { return New(Conflict, format, args...) }

// Forbiddenf returns a Forbidden error.
func Forbiddenf(format string, args ...any) error { return New(Forbidden, format, args...) }

// KindOf returns the kind of the first application error in err's chain, or
// Internal when there is none.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}

// Message returns the user-safe message of err, or a generic one for errors
// that are not application errors or are internal.
func Message(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Kind != Internal {
		return e.Msg
	}
	return "Something went wrong on our side. Please try again."
}
