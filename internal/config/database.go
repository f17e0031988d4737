package config

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
)

// Dialect names a supported database.
type Dialect string

// The supported databases.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// ParseDatabaseURL turns DATABASE_URL into a dialect and a connection string.
// An empty value means the SQLite file shortlist.db in the data directory.
// Besides postgres:// and postgresql:// it accepts the SQLAlchemy forms
// postgresql+asyncpg:// and postgresql+psycopg2://, and sqlite:///path.
func ParseDatabaseURL(raw, dataDir string) (Dialect, string, error) {
	if raw == "" {
		return SQLite, filepath.Join(dataDir, "shortlist.db"), nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", "", errors.New("is not a valid URL")
	}
	scheme := strings.ToLower(u.Scheme)
	if driver, ok := strings.CutPrefix(scheme, "postgresql+"); ok {
		if driver != "asyncpg" && driver != "psycopg2" && driver != "psycopg" {
			return "", "", fmt.Errorf("uses an unknown driver %q", driver)
		}
		scheme = "postgresql"
	}
	switch scheme {
	case "postgres", "postgresql":
		if u.Host == "" && u.Query().Get("host") == "" {
			return "", "", errors.New("names no PostgreSQL host")
		}
		if strings.Trim(u.Path, "/") == "" {
			return "", "", errors.New("names no PostgreSQL database")
		}
		u.Scheme = "postgres"
		return Postgres, u.String(), nil
	case "sqlite", "sqlite3":
		// sqlite:///relative.db and sqlite:////absolute.db, as SQLAlchemy
		// writes them; sqlite:path also works.
		path := u.Opaque
		if path == "" {
			path = strings.TrimPrefix(u.Path, "/")
		}
		if path == "" {
			return "", "", errors.New("names no SQLite file")
		}
		return SQLite, path, nil
	}
	return "", "", fmt.Errorf("must start with postgres://, postgresql:// or sqlite://, not %q",
		u.Scheme+"://")
}
