package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"shortlist/internal/config"
)

// sqlitePragmas are set on every SQLite connection: WAL so that readers never
// wait for the writer, a busy timeout as a second line of defence, foreign
// keys on, and NORMAL sync, which in WAL mode loses no committed data on a
// process crash (only, at worst, the last transactions on power loss).
var sqlitePragmas = []string{
	"busy_timeout(5000)",
	"journal_mode(WAL)",
	"foreign_keys(1)",
	"synchronous(NORMAL)",
	// Overwrite deleted content with zeros, so erased candidates do not
	// linger in free pages of the file.
	"secure_delete(1)",
}

// sqliteDSN builds the modernc.org/sqlite connection string for path.
// Transactions begin IMMEDIATE, taking the write lock up front, so a
// transaction that reads then writes cannot fail half-way with SQLITE_BUSY.
func sqliteDSN(path string, readOnly bool) string {
	q := url.Values{}
	for _, p := range sqlitePragmas {
		q.Add("_pragma", p)
	}
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Set("_txlock", "immediate")
	}
	q.Set("_time_format", "sqlite")
	return "file:" + path + "?" + q.Encode()
}

func openSQLite(c config.Database) (*DB, error) {
	path := c.URL
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("open sqlite: create %s: %w", dir, err)
		}
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("open sqlite: path %q must not contain ? or #", path)
	}
	write, err := sql.Open("sqlite", sqliteDSN(path, false))
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	write.SetConnMaxIdleTime(0)

	read, err := sql.Open("sqlite", sqliteDSN(path, true))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	read.SetMaxOpenConns(max(4, min(c.MaxConns, 8)))
	read.SetMaxIdleConns(max(4, min(c.MaxIdle, 8)))
	return &DB{Dialect: config.SQLite, read: read, write: write}, nil
}

// afterErasureSQLite makes an erasure physical: it merges the full-text index
// so no segment still holds the erased words, and checkpoints the WAL so no
// old page image survives in it. With secure_delete on, freed pages are
// zeroed.
func (db *DB) afterErasureSQLite(ctx context.Context) error {
	if _, err := db.write.ExecContext(ctx,
		`INSERT INTO candidates_fts (candidates_fts) VALUES ('optimize')`); err != nil {
		return fmt.Errorf("optimize search index: %w", err)
	}
	if _, err := db.write.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}
