package dashboard

import (
	"time"

	"shortlist/internal/activity"
)

// MaxPerPage caps a page of the activity log.
const MaxPerPage = 200

// LogFilter selects rows of the activity log: by person, by action and by
// time (From inclusive, To exclusive); zero values select everything.
type LogFilter struct {
	UserID  int64
	Action  string
	From    time.Time
	To      time.Time
	Page    int // from 1
	PerPage int
}

// LogPage is one page of the activity log, newest first.
type LogPage struct {
	Events  []activity.Event
	Total   int
	Page    int
	PerPage int
}

// Person is someone who may appear in the dashboard's person filter.
type Person struct {
	ID    int64  `json:"id"`
	Email string `json:"email"`
}
