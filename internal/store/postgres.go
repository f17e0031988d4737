package store

import (
	"database/sql"
	"fmt"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"shortlist/internal/config"
)

func openPostgres(c config.Database) (*DB, error) {
	db, err := sql.Open("pgx", c.URL)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	db.SetMaxOpenConns(c.MaxConns)
	db.SetMaxIdleConns(min(c.MaxIdle, c.MaxConns))
	db.SetConnMaxIdleTime(5 * time.Minute)
	db.SetConnMaxLifetime(time.Hour)
	return &DB{Dialect: config.Postgres, read: db, write: db}, nil
}
