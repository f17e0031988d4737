package store

import "shortlist/internal/config"

// utcDay returns the SQL expression for the UTC calendar day of the
// timestamp column col, as YYYY-MM-DD text. SQLite keeps timestamps as text
// in UTC (the store writes them so), whose first ten characters are the
// day; PostgreSQL converts its timestamptz explicitly, whatever the
// session's time zone.
func (db *DB) utcDay(col string) string {
	if db.Dialect == config.Postgres {
		return `to_char(` + col + ` AT TIME ZONE 'UTC', 'YYYY-MM-DD')`
	}
	return `substr(` + col + `, 1, 10)`
}
