// Package llm vets resumes through any OpenAI-compatible chat completions
// API. The model judges each requirement with a quote from the resume; every
// quote is checked against the resume, invented ones are dropped, and the
// score is computed again from what was verified. The resume is sent as
// untrusted data between delimiters the candidate cannot guess.
package llm

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
)

// Defaults applied by New to the zero fields of a Config.
const (
	DefaultModel          = "gpt-4o-mini"
	DefaultTimeout        = 60 * time.Second
	DefaultMaxRetries     = 3
	DefaultUnstableSpread = 15
	DefaultConcurrency    = 4
	MaxSamples            = 9
)

// openAIBaseURL is used when Config.BaseURL is empty, so that an
// OPENAI_BASE_URL in the environment never redirects the engine behind the
// back of its configuration.
const openAIBaseURL = "https://api.openai.com/v1/"

// Waits between attempts, unless the API says how long to wait.
const (
	defaultBackoff = time.Second      // before the first retry; doubles each time
	maxWait        = 30 * time.Second // cap on any wait, Retry-After included
)

// Errors a caller may tell apart with errors.Is.
var (
	// ErrUnauthorized means the API refused the key (HTTP 401 or 403). It is
	// a configuration problem and retrying does not help.
	ErrUnauthorized = errors.New("the model API refused the credentials")
	// ErrMalformed means the model kept answering with output that is not
	// the JSON the schema asks for.
	ErrMalformed = errors.New("the model's output was malformed")
	// ErrTimeout means no attempt got an answer within Config.Timeout.
	ErrTimeout = errors.New("the model did not answer")
	// ErrUnavailable means the API kept failing (rate limit, server error,
	// network) through every retry.
	ErrUnavailable = errors.New("the model API is unavailable")
)

// Config says which model to ask and how. The zero value of each field
// means its default. MaxRetries is counted for each sample, and failed
// requests and malformed answers draw on the same budget.
type Config struct {
	BaseURL        string        // "" means OpenAI
	APIKey         string        // may be empty for a local server that wants none
	Model          string        // DefaultModel when empty
	Timeout        time.Duration // per request attempt
	MaxRetries     int           // retries after the first attempt; < 0 means none
	Samples        int           // how many times to ask; the median answer wins
	UnstableSpread int           // a wider spread of sampled scores is unstable
	Concurrency    int           // requests in flight from this engine at most
}

// Engine is a vetting.Engine backed by a chat model. It is safe for
// concurrent use.
type Engine struct {
	cfg     Config
	chat    openai.ChatCompletionService
	log     *slog.Logger
	sem     chan struct{}
	backoff time.Duration // first retry wait; tests shorten it
	maxWait time.Duration
}

// New returns an engine for c. A nil log discards the engine's lines.
func New(c Config, log *slog.Logger) (*Engine, error) {
	c, err := withDefaults(c)
	if err != nil {
		return nil, fmt.Errorf("new llm engine: %w", err)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}

	// The engine retries by itself so that it can honour Retry-After and
	// count malformed answers against the same budget; the SDK must not.
	//
	// TODO: the base URL and key given here override the environment, but
	// the SDK still reads OPENAI_ORG_ID, OPENAI_PROJECT_ID and
	// OPENAI_CUSTOM_HEADERS from it; it offers no public way to stop that.
	client := openai.NewClient(
		option.WithBaseURL(c.BaseURL),
		option.WithAPIKey(c.APIKey),
		option.WithMaxRetries(0),
		option.WithRequestTimeout(c.Timeout),
	)
	return &Engine{
		cfg:     c,
		chat:    client.Chat.Completions,
		log:     log,
		sem:     make(chan struct{}, c.Concurrency),
		backoff: defaultBackoff,
		maxWait: maxWait,
	}, nil
}

// withDefaults fills the zero fields of c and checks the rest.
func withDefaults(c Config) (Config, error) {
	if c.BaseURL == "" {
		if c.APIKey == "" {
			return c, errors.New("an API key is needed to use OpenAI")
		}
		c.BaseURL = openAIBaseURL
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		// The URL itself is left out: it may carry a secret.
		return c, errors.New("the base URL is not an http(s) URL")
	}
	if c.Model == "" {
		c.Model = DefaultModel
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	switch {
	case c.MaxRetries == 0:
		c.MaxRetries = DefaultMaxRetries
	case c.MaxRetries < 0:
		c.MaxRetries = 0
	}
	c.Samples = max(c.Samples, 1)
	if c.Samples > MaxSamples {
		return c, fmt.Errorf("%d samples asked, at most %d allowed", c.Samples, MaxSamples)
	}
	if c.UnstableSpread <= 0 {
		c.UnstableSpread = DefaultUnstableSpread
	}
	if c.Concurrency <= 0 {
		c.Concurrency = DefaultConcurrency
	}
	return c, nil
}

// Name returns "llm".
func (e *Engine) Name() string { return "llm" }
