package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func env(vars map[string]string) Lookup {
	return func(name string) (string, bool) {
		v, ok := vars[name]
		return v, ok
	}
}

func TestParseDatabaseURL(t *testing.T) {
	tests := []struct {
		raw         string
		wantDialect Dialect
		wantURL     string
		wantErr     string
	}{
		{"", SQLite, filepath.Join("data", "shortlist.db"), ""},
		{"postgres://u:p@db:5432/app", Postgres, "postgres://u:p@db:5432/app", ""},
		{"postgresql://u:p@db/app?sslmode=require", Postgres, "postgres://u:p@db/app?sslmode=require", ""},
		{"postgresql+asyncpg://user:pass@host:5432/db", Postgres, "postgres://user:pass@host:5432/db", ""},
		{"postgresql+psycopg2://user@host/db", Postgres, "postgres://user@host/db", ""},
		{"sqlite:///./shortlist.db", SQLite, "./shortlist.db", ""},
		{"sqlite:////var/lib/shortlist.db", SQLite, "/var/lib/shortlist.db", ""},
		{"mysql://u@h/db", "", "", "must start with"},
		{"postgresql+weird://u@h/db", "", "", "unknown driver"},
		{"postgres://u@h", "", "", "names no PostgreSQL database"},
		{"postgres:///db", "", "", "names no PostgreSQL host"},
		{"::not a url", "", "", "not a valid URL"},
	}
	for _, tc := range tests {
		t.Run(tc.raw, func(t *testing.T) {
			d, u, err := ParseDatabaseURL(tc.raw, "data")
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("ParseDatabaseURL(%q) error = %v, want %q", tc.raw, err, tc.wantErr)
				}
				return
			}
			if err != nil || d != tc.wantDialect || u != tc.wantURL {
				t.Errorf("ParseDatabaseURL(%q) = %s, %q, %v; want %s, %q", tc.raw, d, u, err,
					tc.wantDialect, tc.wantURL)
			}
		})
	}
}

func TestLoadNamesTheBadVariable(t *testing.T) {
	tests := []struct {
		name, value string
	}{
		{"DATABASE_URL", "oracle://x/y"},
		{"SHORTLIST_DB_MAX_CONNS", "many"},
		{"SHORTLIST_SESSION_IDLE", "forever"},
		{"SHORTLIST_TRUST_PROXY", "perhaps"},
		{"SHORTLIST_LOG_FORMAT", "xml"},
		{"SHORTLIST_LOG_LEVEL", "loud"},
		{"SECRET_KEY_FILE", "/no/such/file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(env(map[string]string{tc.name: tc.value}), "")
			if err == nil || !strings.Contains(err.Error(), tc.name) {
				t.Errorf("Load with %s=%q error = %v, want one naming %s", tc.name, tc.value, err, tc.name)
			}
		})
	}
}

func TestLoadDefaultsAndDotenv(t *testing.T) {
	dir := t.TempDir()
	dotenv := filepath.Join(dir, ".env")
	secretFile := filepath.Join(dir, "key")
	os.WriteFile(secretFile, []byte("from-file\n"), 0o600)
	os.WriteFile(dotenv, []byte(`# the predecessor's file
DATABASE_URL=postgresql+asyncpg://shortlist:pw@db:5432/shortlist
export OPENAI_API_KEY="sk-test"
SECRET_KEY_FILE=`+secretFile+`
SHORTLIST_ADDR=:9000 # a comment
`), 0o600)

	c, err := Load(env(map[string]string{"SHORTLIST_ADDR": ":7000"}), dotenv)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"environment wins over .env", c.Addr, ":7000"},
		{"dialect from .env", c.Database.Dialect, Postgres},
		{"asyncpg URL rewritten", c.Database.URL, "postgres://shortlist:pw@db:5432/shortlist"},
		{"quoted value", c.OpenAIAPIKey, "sk-test"},
		{"secret from _FILE", string(c.SecretKey), "from-file"},
		{"pool default", c.Database.MaxConns, 60},
		{"idle default", c.SessionIdle, 8 * time.Hour},
		{"memory limit default", c.MemoryLimit, int64(120 << 20)},
	}
	for _, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("%s: got %v, want %v", ch.name, ch.got, ch.want)
		}
	}
}

func TestEnsureSecretKeyPersists(t *testing.T) {
	dir := t.TempDir()
	c := &Config{DataDir: dir}
	if err := c.EnsureSecretKey(); err != nil {
		t.Fatalf("EnsureSecretKey: %v", err)
	}
	again := &Config{DataDir: dir}
	if err := again.EnsureSecretKey(); err != nil {
		t.Fatalf("EnsureSecretKey again: %v", err)
	}
	if len(c.SecretKey) < 32 || string(c.SecretKey) != string(again.SecretKey) {
		t.Errorf("secret keys %q and %q, want one long key kept across starts", c.SecretKey, again.SecretKey)
	}
	info, err := os.Stat(filepath.Join(dir, "secret_key"))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("secret_key file mode = %v, %v; want 0600", info, err)
	}
}
