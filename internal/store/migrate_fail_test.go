package store_test

import (
	"context"
	"testing"
	"testing/fstest"

	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
)

// A migration that fails half-way must leave no trace: its first statement
// is rolled back with the failing one.
func TestFailingMigrationLeavesSchema(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		fsys := fstest.MapFS{
			"09001_ok.sql": {Data: []byte("-- +goose Up\nCREATE TABLE kept (id INTEGER);\n")},
			"09002_bad.sql": {Data: []byte("-- +goose Up\nCREATE TABLE half (id INTEGER);\n" +
				"CREATE TABLE broken (id NOSUCHTYPE NOT NULL CHECK);\n")},
		}
		if err := db.MigrateFS(ctx, fsys); err == nil {
			t.Fatal("MigrateFS with a broken migration succeeded, want an error")
		}
		if _, err := db.Writer().ExecContext(ctx, `SELECT id FROM kept`); err != nil {
			t.Errorf("table of the good migration is missing: %v", err)
		}
		if _, err := db.Writer().ExecContext(ctx, `SELECT id FROM half`); err == nil {
			t.Error("table created before the failure survived, want it rolled back")
		}
	})
}
