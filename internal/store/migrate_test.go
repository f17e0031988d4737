package store_test

import (
	"context"
	"testing"

	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
)

func TestMigrateTwiceChangesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		applied, err := db.Migrate(ctx)
		if err != nil {
			t.Fatalf("second Migrate: %v", err)
		}
		if len(applied) != 0 {
			t.Errorf("second Migrate applied %v, want nothing", applied)
		}
		st, err := db.MigrationStatus(ctx)
		if err != nil {
			t.Fatalf("MigrationStatus: %v", err)
		}
		if len(st) == 0 {
			t.Fatal("MigrationStatus lists no migrations")
		}
		for _, m := range st {
			if !m.Applied {
				t.Errorf("migration %d (%s) not applied", m.Version, m.Name)
			}
		}
		current, err := db.MigrationsCurrent(ctx)
		if err != nil || !current {
			t.Errorf("MigrationsCurrent() = %v, %v; want true", current, err)
		}
	})
}

func TestMigrateDownThenUp(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		st, _ := db.MigrationStatus(ctx)
		last := st[len(st)-1].Version
		v, err := db.MigrateDown(ctx)
		if err != nil || v != last {
			t.Fatalf("MigrateDown() = %d, %v; want %d", v, err, last)
		}
		current, _ := db.MigrationsCurrent(ctx)
		if current {
			t.Error("MigrationsCurrent after down = true, want false")
		}
		applied, err := db.Migrate(ctx)
		if err != nil || len(applied) != 1 || applied[0] != last {
			t.Errorf("Migrate after down = %v, %v; want [%d]", applied, err, last)
		}
	})
}
