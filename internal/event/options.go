package event

import (
	"time"

	"shortlist/internal/config"
)

// OptionsFor returns the options that suit a database: on PostgreSQL,
// LISTEN on url with a slow poll as a safety net for notifications lost
// while reconnecting; on SQLite, a poll every 300 ms.
func OptionsFor(d config.Dialect, url string) Options {
	if d == config.Postgres {
		return Options{ListenURL: url, Poll: 5 * time.Second}
	}
	return Options{Poll: 300 * time.Millisecond}
}
