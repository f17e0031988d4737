package dashboard

import (
	"context"

	"shortlist/internal/activity"
)

// LogStore reads the activity log.
type LogStore interface {
	// ActivityLog returns one page of the filtered log, newest first.
	ActivityLog(ctx context.Context, f LogFilter) (LogPage, error)
	// EachActivity streams the filtered log, oldest first, to fn.
	EachActivity(ctx context.Context, f LogFilter, fn func(activity.Event) error) error
	// ActivityAfter returns up to limit rows above an id, oldest first.
	ActivityAfter(ctx context.Context, after int64, limit int) ([]activity.Event, error)
	// DashboardPeople lists the people of the person filter.
	DashboardPeople(ctx context.Context) ([]Person, error)
}

// Feed delivers new activity rows live.
type Feed interface {
	// Subscribe returns a channel of new rows, closed when ctx ends, when
	// the feed stops or when the subscriber falls too far behind.
	Subscribe(ctx context.Context) <-chan activity.Event
}

// Service puts together what the dashboard needs: figures (usually through
// a Cache), the activity log and the live feed.
type Service struct {
	Source
	LogStore
	Feed
}
