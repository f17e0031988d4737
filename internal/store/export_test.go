package store

import (
	"context"
	"io/fs"
)

// MigrateFS applies the migrations in dir, for tests of failing migrations.
func (db *DB) MigrateFS(ctx context.Context, dir fs.FS) error {
	p, err := db.migratorFor(dir)
	if err != nil {
		return err
	}
	_, err = p.Up(ctx)
	return err
}
