package store

import "shortlist/internal/config"

// inSubquery returns the condition "col is one of the ids the subquery
// selects", written so that each database reads the few rows by their
// primary key. SQLite does so for a plain IN. PostgreSQL plans IN
// (subquery) as a join and, with its default costs, often hashes the whole
// table instead; ARRAY(subquery) is computed once first and then looked up
// through the index.
func (db *DB) inSubquery(col, subquery string) string {
	if db.Dialect == config.Postgres {
		return col + ` = ANY (ARRAY(` + subquery + `))`
	}
	return col + ` IN (` + subquery + `)`
}
