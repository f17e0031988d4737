// Package store keeps Shortlist's data in SQLite or PostgreSQL. The same
// queries serve both wherever the two agree; where they differ, the
// difference lives in a file named for the dialect.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"shortlist/internal/config"
	"shortlist/internal/fault"
)

// DB is an open database. On SQLite, writes go through a pool of one
// connection so that writers queue in Go instead of failing with "database is
// locked", while reads use a pool of their own; on PostgreSQL both are the
// same pool.
type DB struct {
	Dialect  config.Dialect
	read     *sql.DB
	write    *sql.DB
	enqueuer Enqueuer
	url      string
}

// Open connects to the database the configuration names. It does not apply
// migrations; call Migrate for that.
func Open(ctx context.Context, c config.Database) (*DB, error) {
	var (
		db  *DB
		err error
	)
	switch c.Dialect {
	case config.SQLite:
		db, err = openSQLite(c)
	case config.Postgres:
		db, err = openPostgres(c)
	default:
		return nil, fmt.Errorf("open database: unknown dialect %q", c.Dialect)
	}
	if err != nil {
		return nil, err
	}
	db.url = c.URL
	if err := db.Ping(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.write.PingContext(ctx); err != nil {
		return fmt.Errorf("ping %s: %w", db.Dialect, err)
	}
	return nil
}

// Close closes every connection.
func (db *DB) Close() error {
	err := db.write.Close()
	if db.read != db.write {
		err = errors.Join(err, db.read.Close())
	}
	return err
}

// URL returns the connection string the database was opened with (for
// SQLite, its file).
func (db *DB) URL() string { return db.url }

// Reader returns the pool for queries that only read.
func (db *DB) Reader() *sql.DB { return db.read }

// Writer returns the pool for statements that change data.
func (db *DB) Writer() *sql.DB { return db.write }

// inTx runs fn in a write transaction, committing when it returns nil and
// rolling back otherwise.
func (db *DB) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// notFound turns sql.ErrNoRows into a NotFound error with msg, and wraps any
// other error with the operation op.
func notFound(err error, op, msg string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fault.Wrap(fault.NotFound, err, "%s", msg)
	}
	return fmt.Errorf("%s: %w", op, err)
}

// afterErasure does what the dialect needs so that erased rows leave no
// readable copy behind.
func (db *DB) afterErasure(ctx context.Context) error {
	if db.Dialect == config.SQLite {
		return db.afterErasureSQLite(ctx)
	}
	// TODO: on PostgreSQL, deleted rows stay in their pages as dead tuples
	// until VACUUM reclaims the space and later writes overwrite it; the
	// erased data is unreachable through SQL at once but physically present
	// for a while. Autovacuum bounds that while; a forced VACUUM per erasure
	// would cost too much on a busy database.
	return nil
}
