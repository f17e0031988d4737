// Package dashboard describes the figures of the live activity dashboard:
// what the team did over a period, for everyone or for one job or person.
// It holds no SQL; the store computes the figures and Cache keeps them for
// the many readers of a busy dashboard.
package dashboard

import (
	"context"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/vetting"
)

// Periods are the lengths, in days, a person may choose; DefaultDays is
// shown when they choose none.
var Periods = []int{1, 7, 30, 90, 365}

// DefaultDays is the period of a dashboard opened without a choice.
const DefaultDays = 30

// Scale limits the lists of a dashboard.
const (
	RecentLimit    = 20 // rows of the recent activity feed
	PerformerLimit = 10 // rows of the top performers table
	ActorLimit     = 15 // bars of the activity per person chart
)

// Verdicts are the verdicts of the distribution chart, best first.
var Verdicts = []string{string(vetting.StrongMatch), string(vetting.GoodMatch),
	string(vetting.WeakMatch), string(vetting.NoMatch)}

// Filter narrows the figures. Days count back from Now's UTC day, which is
// included; a zero JobID or UserID means every job or person.
type Filter struct {
	Days   int
	JobID  int64
	UserID int64
	Now    time.Time
}

// From returns the start of the period: midnight UTC, Days-1 days before
// Now's day.
func (f Filter) From() time.Time {
	return Today(f.Now).AddDate(0, 0, -(f.Days - 1))
}

// Today returns midnight UTC of t's day.
func Today(t time.Time) time.Time {
	return t.UTC().Truncate(24 * time.Hour)
}

// Figures are everything the dashboard shows.
type Figures struct {
	Days           int           `json:"days"`
	From           time.Time     `json:"from"`
	JobID          int64         `json:"job_id,omitempty"`
	UserID         int64         `json:"user_id,omitempty"`
	Headline       Headline      `json:"headline"`
	PerDay         []DayCount    `json:"vettings_per_day"`
	Verdicts       []Count       `json:"verdicts"`
	Scores         []Count       `json:"score_histogram"`
	ActivityByUser []PersonCount `json:"activity_per_user"`
	Stages         []Count       `json:"candidates_per_stage"`
	TopPerformers  []Performer   `json:"top_performers"`
	Recent         []Activity    `json:"recent_activity"`
	ComputedAt     time.Time     `json:"computed_at"`
	// Version is the newest activity id known when the figures were
	// computed (0 when unknown): a page that has seen a newer event asks
	// again shortly.
	Version int64 `json:"version"`
}

// Headline holds the numbers shown in the cards at the top.
type Headline struct {
	ActiveCandidates int      `json:"active_candidates"`
	VettedToday      int      `json:"vetted_today"`
	VettedWeek       int      `json:"vetted_week"` // the last 7 days, today included
	Queue            int      `json:"queue"`       // vettings queued or running now
	AverageScore     *float64 `json:"average_score"`
	Decisions        int      `json:"decisions"`
}

// DayCount is the number of vettings finished on one UTC day (YYYY-MM-DD).
type DayCount struct {
	Day   string `json:"day"`
	Count int    `json:"count"`
}

// Count is the size of one labelled group: a verdict, a stage, a score
// bucket ("0-9" … "90-100").
type Count struct {
	Label string `json:"label"`
	Count int    `json:"count"`
}

// PersonCount is how many activity rows one person wrote; UserID 0 is the
// system.
type PersonCount struct {
	UserID int64  `json:"user_id"`
	Email  string `json:"email"`
	Count  int    `json:"count"`
}

// Performer is one person's work over the period.
type Performer struct {
	UserID    int64  `json:"user_id"`
	Email     string `json:"email"`
	Vettings  int    `json:"vettings"`
	Decisions int    `json:"decisions"`
}

// Activity is an activity row as the dashboard's JSON shows it.
type Activity struct {
	ID          int64     `json:"id"`
	At          time.Time `json:"at"`
	ActorID     int64     `json:"actor_id"`
	ActorEmail  string    `json:"actor_email"`
	ActorRole   string    `json:"actor_role"`
	Action      string    `json:"action"`
	SubjectType string    `json:"subject_type"`
	SubjectID   int64     `json:"subject_id"`
	Detail      string    `json:"detail"`
}

// ToActivity converts an event for JSON.
func ToActivity(e activity.Event) Activity {
	return Activity{ID: e.ID, At: e.At, ActorID: e.Actor.ID, ActorEmail: e.Actor.Email,
		ActorRole: e.Actor.Role, Action: string(e.Action), SubjectType: e.SubjectType,
		SubjectID: e.SubjectID, Detail: e.Detail}
}

// Source computes figures.
type Source interface {
	DashboardFigures(ctx context.Context, f Filter) (*Figures, error)
}
