// Package storetest opens throw-away databases for tests: a SQLite file in a
// temporary directory always, and a fresh PostgreSQL schema whenever
// SHORTLIST_TEST_DATABASE_URL names a server. With CI=true a missing
// PostgreSQL fails the test instead of skipping it.
package storetest

import (
	"crypto/rand"
	"database/sql"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shortlist/internal/config"
	"shortlist/internal/store"
)

// EnvURL names the variable holding the PostgreSQL server for tests.
const EnvURL = "SHORTLIST_TEST_DATABASE_URL"

// Each runs fn once per available database, as subtests named "sqlite" and
// "postgres".
func Each(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	for _, d := range []config.Dialect{config.SQLite, config.Postgres} {
		t.Run(string(d), func(t *testing.T) {
			fn(t, Open(t, d))
		})
	}
}

// Open returns a migrated, empty database of the given dialect that is
// removed when the test ends.
func Open(t testing.TB, d config.Dialect) *store.DB {
	t.Helper()
	c := Config(t, d)
	ctx := t.Context()
	db, err := store.Open(ctx, c)
	if err != nil {
		t.Fatalf("open %s: %v", d, err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate %s: %v", d, err)
	}
	return db
}

// Config returns the configuration of a new empty database of dialect d (not
// yet migrated); for PostgreSQL, a schema of its own that is dropped when the
// test ends.
func Config(t testing.TB, d config.Dialect) config.Database {
	t.Helper()
	if d == config.SQLite {
		path := filepath.Join(t.TempDir(), "test.db")
		return config.Database{Dialect: config.SQLite, URL: path, MaxConns: 8, MaxIdle: 8}
	}
	base := PostgresURL(t)
	schema := "t_" + strings.ToLower(rand.Text()[:12])
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() { dropSchema(t, base, schema) })

	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse %s: %v", EnvURL, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return config.Database{Dialect: config.Postgres, URL: u.String(), MaxConns: 10, MaxIdle: 5}
}

// PostgresURL returns the test server's URL, skipping the test when there is
// none (failing it under CI).
func PostgresURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(EnvURL)
	if u != "" {
		return u
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not set; CI must test on PostgreSQL", EnvURL)
	}
	t.Skipf("%s is not set; skipping PostgreSQL", EnvURL)
	return ""
}

func dropSchema(t testing.TB, base, schema string) {
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Errorf("open postgres: %v", err)
		return
	}
	defer admin.Close()
	if _, err := admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
		t.Errorf("drop schema %s: %v", schema, err)
	}
}
