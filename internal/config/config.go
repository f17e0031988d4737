// Package config reads Shortlist's settings from the environment (and an
// optional .env file) into one typed struct that is passed to whatever needs it.
package config

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config holds every setting Shortlist reads at start-up.
type Config struct {
	Addr     string // SHORTLIST_ADDR
	DataDir  string // SHORTLIST_DATA_DIR
	Database Database

	SecretKey []byte // SECRET_KEY, generated and kept in DataDir when unset

	AdminEmail    string // SHORTLIST_ADMIN_EMAIL
	AdminPassword string // SHORTLIST_ADMIN_PASSWORD

	OpenAIAPIKey  string // OPENAI_API_KEY
	OpenAIBaseURL string // OPENAI_BASE_URL
	Model         string // SHORTLIST_MODEL

	SessionIdle time.Duration // SHORTLIST_SESSION_IDLE
	SessionMax  time.Duration // SHORTLIST_SESSION_MAX

	// TrustProxy makes the server believe X-Forwarded-For and
	// X-Forwarded-Proto, which only a reverse proxy in front may set.
	TrustProxy bool // SHORTLIST_TRUST_PROXY

	Intake  Intake
	Vetting Vetting

	// BlindReview makes every job's review blind. SHORTLIST_BLIND_REVIEW
	BlindReview bool

	// RetentionDays erases soft-deleted candidates this many days after
	// deletion, unless under legal hold; 0 keeps them until an admin acts.
	RetentionDays int // SHORTLIST_RETENTION_DAYS

	// PprofAddr, when set, serves Go's profiler (net/http/pprof) on this
	// address, for profiling the server under load. Keep it on loopback.
	// SHORTLIST_PPROF_ADDR
	PprofAddr string

	// MemoryLimit is the soft limit of the Go heap in bytes (the garbage
	// collector works harder near it); 0 leaves the runtime's default, as
	// does a GOMEMLIMIT set in the environment. SHORTLIST_MEMORY_LIMIT_MB
	MemoryLimit int64

	LogLevel  slog.Level // SHORTLIST_LOG_LEVEL
	LogFormat string     // SHORTLIST_LOG_FORMAT: text or json
}

// Database says which database to use and how large its pool is.
type Database struct {
	Dialect  Dialect
	URL      string // connection string for the driver; for SQLite the file path
	MaxConns int    // SHORTLIST_DB_MAX_CONNS
	MaxIdle  int    // SHORTLIST_DB_MAX_IDLE
}

// Intake bounds what an upload may bring in.
type Intake struct {
	MaxFileBytes    int64 // SHORTLIST_MAX_FILE_MB
	MaxBatchFiles   int   // SHORTLIST_MAX_BATCH_FILES
	MaxRequestBytes int64 // SHORTLIST_MAX_UPLOAD_MB
}

// Vetting configures the engines and the queue that runs them.
type Vetting struct {
	LocalWorkers   int           // SHORTLIST_LOCAL_WORKERS: local vettings at once per process
	LLMConcurrency int           // SHORTLIST_LLM_CONCURRENCY: model requests at once per process
	LLMTimeout     time.Duration // SHORTLIST_LLM_TIMEOUT: one model request
	LLMSamples     int           // SHORTLIST_LLM_SAMPLES: answers asked per vetting
	// RescueAfter is how long a vetting may stay running before the queue
	// assumes its process died and runs it again. SHORTLIST_QUEUE_RESCUE_AFTER
	RescueAfter time.Duration
}

// UseLLM reports whether a model is configured: OPENAI_API_KEY alone selects
// OpenAI; OPENAI_BASE_URL selects any compatible server.
func (c *Config) UseLLM() bool { return c.OpenAIAPIKey != "" || c.OpenAIBaseURL != "" }

// Lookup returns the value of a variable and whether it is set; os.LookupEnv
// is one.
type Lookup func(name string) (string, bool)

// Load reads the configuration. Variables already in the environment win over
// those in the .env file named by dotenv (ignored when it does not exist).
// Secrets may also be given as NAME_FILE, naming a file that holds the value.
func Load(env Lookup, dotenv string) (*Config, error) {
	file, err := readDotenv(dotenv)
	if err != nil {
		return nil, err
	}
	r := reader{env: env, file: file}
	c := &Config{
		Addr:          r.str("SHORTLIST_ADDR", ":8080"),
		DataDir:       r.str("SHORTLIST_DATA_DIR", "data"),
		AdminEmail:    strings.ToLower(r.str("SHORTLIST_ADMIN_EMAIL", "")),
		AdminPassword: r.secret("SHORTLIST_ADMIN_PASSWORD"),
		OpenAIAPIKey:  r.secret("OPENAI_API_KEY"),
		OpenAIBaseURL: r.str("OPENAI_BASE_URL", ""),
		Model:         r.str("SHORTLIST_MODEL", "gpt-4o-mini"),
		SessionIdle:   r.duration("SHORTLIST_SESSION_IDLE", 8*time.Hour),
		SessionMax:    r.duration("SHORTLIST_SESSION_MAX", 7*24*time.Hour),
		TrustProxy:    r.boolean("SHORTLIST_TRUST_PROXY", false),
		LogLevel:      r.level("SHORTLIST_LOG_LEVEL", slog.LevelInfo),
		LogFormat:     r.choice("SHORTLIST_LOG_FORMAT", "text", "text", "json"),
	}
	c.Database = Database{
		MaxConns: r.integer("SHORTLIST_DB_MAX_CONNS", 60),
		MaxIdle:  r.integer("SHORTLIST_DB_MAX_IDLE", 20),
	}
	c.Intake = Intake{
		MaxFileBytes:    int64(r.integer("SHORTLIST_MAX_FILE_MB", 10)) << 20,
		MaxBatchFiles:   r.integer("SHORTLIST_MAX_BATCH_FILES", 100),
		MaxRequestBytes: int64(r.integer("SHORTLIST_MAX_UPLOAD_MB", 256)) << 20,
	}
	c.RetentionDays = r.count("SHORTLIST_RETENTION_DAYS", 0)
	c.BlindReview = r.boolean("SHORTLIST_BLIND_REVIEW", false)
	c.PprofAddr = r.str("SHORTLIST_PPROF_ADDR", "")
	c.MemoryLimit = int64(r.count("SHORTLIST_MEMORY_LIMIT_MB", 120)) << 20
	c.Vetting = Vetting{
		LocalWorkers:   r.integer("SHORTLIST_LOCAL_WORKERS", 2),
		LLMConcurrency: r.integer("SHORTLIST_LLM_CONCURRENCY", 8),
		LLMTimeout:     r.duration("SHORTLIST_LLM_TIMEOUT", 60*time.Second),
		LLMSamples:     r.integer("SHORTLIST_LLM_SAMPLES", 1),
		RescueAfter:    r.duration("SHORTLIST_QUEUE_RESCUE_AFTER", 0),
	}
	rawURL := r.secret("DATABASE_URL")
	if c.Database.Dialect, c.Database.URL, err = ParseDatabaseURL(rawURL, c.DataDir); err != nil {
		r.fail("DATABASE_URL", err.Error())
	}
	if key := r.secret("SECRET_KEY"); key != "" {
		c.SecretKey = []byte(key)
	}
	if c.AdminPassword != "" && c.AdminEmail == "" {
		r.fail("SHORTLIST_ADMIN_EMAIL", "must be set when SHORTLIST_ADMIN_PASSWORD is")
	}
	if len(r.errs) > 0 {
		return nil, fmt.Errorf("configuration: %w", errors.Join(r.errs...))
	}
	return c, nil
}

// EnsureSecretKey loads the secret key kept in the data directory, creating a
// new random one on first run, unless SECRET_KEY already provided it.
func (c *Config) EnsureSecretKey() error {
	if len(c.SecretKey) > 0 {
		return nil
	}
	path := filepath.Join(c.DataDir, "secret_key")
	data, err := os.ReadFile(path)
	if err == nil && len(strings.TrimSpace(string(data))) > 0 {
		c.SecretKey = []byte(strings.TrimSpace(string(data)))
		return nil
	}
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("read secret key: %w", err)
	}
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return fmt.Errorf("generate secret key: %w", err)
	}
	key := hex.EncodeToString(buf)
	if err := os.MkdirAll(c.DataDir, 0o700); err != nil {
		return fmt.Errorf("create data directory: %w", err)
	}
	if err := os.WriteFile(path, []byte(key+"\n"), 0o600); err != nil {
		return fmt.Errorf("write secret key: %w", err)
	}
	c.SecretKey = []byte(key)
	return nil
}

// reader looks variables up in the environment, then in the .env file, and
// collects one error per malformed variable.
type reader struct {
	env  Lookup
	file map[string]string
	errs []error
}

func (r *reader) lookup(name string) (string, bool) {
	if v, ok := r.env(name); ok {
		return v, true
	}
	v, ok := r.file[name]
	return v, ok
}

func (r *reader) fail(name, msg string) {
	r.errs = append(r.errs, fmt.Errorf("%s %s", name, msg))
}

func (r *reader) str(name, def string) string {
	if v, ok := r.lookup(name); ok && strings.TrimSpace(v) != "" {
		return strings.TrimSpace(v)
	}
	return def
}

// secret reads NAME, or the contents of the file named by NAME_FILE.
func (r *reader) secret(name string) string {
	v, ok := r.lookup(name)
	path, fileOK := r.lookup(name + "_FILE")
	if ok && v != "" && fileOK && path != "" {
		r.fail(name, "and "+name+"_FILE are both set; set only one")
		return ""
	}
	if !fileOK || path == "" {
		return strings.TrimSpace(v)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		r.fail(name+"_FILE", fmt.Sprintf("cannot be read: %v", errors.Unwrap(err)))
		return ""
	}
	return strings.TrimSpace(string(data))
}

func (r *reader) integer(name string, def int) int {
	v := r.str(name, "")
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		r.fail(name, fmt.Sprintf("must be a whole number above 0, not %q", v))
		return def
	}
	return n
}

// count reads a whole number of 0 or more.
func (r *reader) count(name string, def int) int {
	v := r.str(name, "")
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		r.fail(name, fmt.Sprintf("must be a whole number of 0 or more, not %q", v))
		return def
	}
	return n
}

func (r *reader) duration(name string, def time.Duration) time.Duration {
	v := r.str(name, "")
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		r.fail(name, fmt.Sprintf("must be a positive duration such as 8h or 30m, not %q", v))
		return def
	}
	return d
}

func (r *reader) boolean(name string, def bool) bool {
	v := r.str(name, "")
	if v == "" {
		return def
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		r.fail(name, fmt.Sprintf("must be true or false, not %q", v))
		return def
	}
	return b
}

func (r *reader) choice(name, def string, allowed ...string) string {
	v := strings.ToLower(r.str(name, def))
	for _, a := range allowed {
		if v == a {
			return v
		}
	}
	r.fail(name, fmt.Sprintf("must be one of %s, not %q", strings.Join(allowed, ", "), v))
	return def
}

func (r *reader) level(name string, def slog.Level) slog.Level {
	v := r.str(name, "")
	if v == "" {
		return def
	}
	var l slog.Level
	if err := l.UnmarshalText([]byte(v)); err != nil {
		r.fail(name, fmt.Sprintf("must be debug, info, warn or error, not %q", v))
		return def
	}
	return l
}
