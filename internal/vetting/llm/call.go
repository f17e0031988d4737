package llm

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/shared"

	"shortlist/internal/vetting"
)

// failKind sorts the ways an attempt fails.
type failKind int

const (
	failNone         failKind = iota // the attempt succeeded
	failCanceled                     // the caller gave up
	failUnauthorized                 // 401 or 403: the key is wrong
	failRejected                     // another 4xx: the request is wrong
	failUnavailable                  // 408, 409, 429, 5xx or the network
	failTimeout                      // no answer within Config.Timeout
	failMalformed                    // an answer that breaks the schema
)

// failure is why an attempt failed and how long to wait before the next.
type failure struct {
	kind   failKind
	status int   // HTTP status, when there was one
	err    error // what went wrong, safe to show
	wait   time.Duration
}

// retry reports whether another attempt may help.
func (f failure) retry() bool {
	return f.kind == failUnavailable || f.kind == failTimeout || f.kind == failMalformed
}

// ask gets one sample from the model. Transient failures and malformed
// answers are retried up to MaxRetries times; each attempt sends a prompt
// with a fresh boundary token.
func (e *Engine) ask(ctx context.Context, in vetting.Input, temperature float64) (sample, error) {
	var s sample
	var last failure
	attempts := 0
	for attempts <= e.cfg.MaxRetries {
		if attempts > 0 {
			if err := sleep(ctx, last.wait); err != nil {
				return s, e.askError(failure{kind: failCanceled, err: err}, attempts)
			}
		}
		attempts++
		last = e.attempt(ctx, in, temperature, attempts, &s)
		if last.kind == failNone {
			return s, nil
		}
		if !last.retry() {
			break
		}
	}
	return s, e.askError(last, attempts)
}

// attempt sends one request and reads its answer into s, adding its
// tokens. It logs one line, and returns a failure of kind failNone when the
// answer is good.
func (e *Engine) attempt(ctx context.Context, in vetting.Input, temperature float64,
	n int, s *sample) failure {
	start := time.Now()
	resp, err := e.complete(ctx, e.params(newPrompt(in), temperature))
	var f failure
	if err != nil {
		f = e.classify(ctx, err, n)
	} else {
		s.tokensIn += int(resp.Usage.PromptTokens)
		s.tokensOut += int(resp.Usage.CompletionTokens)
		if err := s.read(in, resp); err != nil {
			f = failure{kind: failMalformed, err: err}
		}
	}
	e.logCall(ctx, n, time.Since(start), resp, f.outcome())
	return f
}

// complete sends one request when the engine has room for it.
func (e *Engine) complete(ctx context.Context, p openai.ChatCompletionNewParams) (
	*openai.ChatCompletion, error) {
	select {
	case e.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-e.sem }()
	return e.chat.New(ctx, p)
}

// params is the request for one prompt: the two messages and the schema.
func (e *Engine) params(p prompt, temperature float64) openai.ChatCompletionNewParams {
	return openai.ChatCompletionNewParams{
		Model: e.cfg.Model,
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage(p.system),
			openai.UserMessage(p.user),
		},
		Temperature: openai.Float(temperature),
		ResponseFormat: openai.ChatCompletionNewParamsResponseFormatUnion{
			OfJSONSchema: &shared.ResponseFormatJSONSchemaParam{
				JSONSchema: shared.ResponseFormatJSONSchemaJSONSchemaParam{
					Name:   "resume_vetting",
					Strict: openai.Bool(true),
					Schema: answerSchema,
				},
			},
		},
	}
}

// classify sorts a failed request. n is the attempt number, from 1.
func (e *Engine) classify(ctx context.Context, err error, n int) failure {
	if ctx.Err() != nil {
		return failure{kind: failCanceled, err: context.Cause(ctx)}
	}
	var api *openai.Error
	if errors.As(err, &api) {
		s := api.StatusCode
		switch {
		case s == http.StatusUnauthorized || s == http.StatusForbidden:
			return failure{kind: failUnauthorized, status: s}
		// TODO: OpenAI also answers 429 when the account is out of quota;
		// that is retried like a rate limit, wasting the retries, and is
		// reported as unavailable rather than as a configuration problem.
		case s == http.StatusRequestTimeout || s == http.StatusConflict ||
			s == http.StatusTooManyRequests || s >= http.StatusInternalServerError:
			return failure{kind: failUnavailable, status: s, err: fmt.Errorf("HTTP %d", s),
				wait: e.retryWait(api.Response, n)}
		}
		return failure{kind: failRejected, status: s,
			err: fmt.Errorf("HTTP %d: %s", s, api.Message)}
	}
	// The SDK returns the deadline of its per-attempt context, and the
	// caller's context is still alive: this attempt timed out.
	if errors.Is(err, context.DeadlineExceeded) {
		return failure{kind: failTimeout, wait: e.backoffWait(n)}
	}
	return failure{kind: failUnavailable, err: err, wait: e.backoffWait(n)}
}

// askError is the error ask returns after n attempts ended with f.
func (e *Engine) askError(f failure, n int) error {
	m := e.cfg.Model
	switch f.kind {
	case failCanceled:
		return fmt.Errorf("ask model %s: %w", m, f.err)
	case failUnauthorized:
		return fmt.Errorf("ask model %s: %w (HTTP %d); check the API key and the base URL",
			m, ErrUnauthorized, f.status)
	case failRejected:
		return fmt.Errorf("ask model %s: the API rejected the request: %w", m, f.err)
	case failTimeout:
		return fmt.Errorf("ask model %s: %w within %s (%d attempts)", m, ErrTimeout,
			e.cfg.Timeout, n)
	case failMalformed:
		return fmt.Errorf("ask model %s: %w (%d attempts; last: %w)", m, ErrMalformed, n, f.err)
	}
	return fmt.Errorf("ask model %s: %w (%d attempts; last: %w)", m, ErrUnavailable, n, f.err)
}

// outcome names how an attempt ended, for the log.
func (f failure) outcome() string {
	switch f.kind {
	case failNone:
		return "ok"
	case failCanceled:
		return "canceled"
	case failTimeout:
		return "timeout"
	case failMalformed:
		return "malformed"
	}
	if f.status != 0 {
		return fmt.Sprintf("http_%d", f.status)
	}
	return "network"
}

// logCall writes the one line per call, without prompt or answer.
func (e *Engine) logCall(ctx context.Context, n int, d time.Duration,
	resp *openai.ChatCompletion, outcome string) {
	var in, out int64
	if resp != nil {
		in, out = resp.Usage.PromptTokens, resp.Usage.CompletionTokens
	}
	e.log.DebugContext(ctx, "model call",
		slog.String("model", e.cfg.Model),
		slog.Int("attempt", n),
		slog.String("outcome", outcome),
		slog.Int64("duration_ms", d.Milliseconds()),
		slog.Int64("tokens_in", in),
		slog.Int64("tokens_out", out))
}

// sleep waits for d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

// backoffWait is the wait after attempt n failed: the base doubled for each
// earlier attempt, capped, with jitter between half and all of it so that
// engines that failed together do not retry together.
func (e *Engine) backoffWait(n int) time.Duration {
	d := e.backoff
	for i := 1; i < n && d < e.maxWait; i++ {
		d *= 2
	}
	d = min(d, e.maxWait)
	return d/2 + rand.N(d/2+1)
}
