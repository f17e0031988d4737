package llm

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestVetRetries(t *testing.T) {
	ok := reply(answerJSON(50, false, claim{1, "met", "Jane Doe"}))
	tests := []struct {
		name      string
		script    []step
		cfg       Config
		wantErr   error  // nil: success
		wantText  string // in the error message
		wantCalls int32
		minGap    time.Duration // between the first two requests
	}{
		{name: "429 with Retry-After then success",
			script:    []step{fail(429, "Retry-After", "1"), ok},
			wantCalls: 2, minGap: 950 * time.Millisecond},
		{name: "500 then success", script: []step{fail(500), ok}, wantCalls: 2},
		{name: "malformed twice then valid",
			script:    []step{reply("{not json"), reply(`{"score": 50}`), ok},
			wantCalls: 3},
		{name: "out of schema then valid",
			script:    []step{reply(answerJSON(150, false)), ok},
			wantCalls: 2},
		{name: "refusal then valid", script: []step{refuse(), ok}, wantCalls: 2},
		{name: "always malformed", script: []step{reply("Sure! Here is my verdict.")},
			cfg: Config{MaxRetries: 2}, wantCalls: 3,
			wantErr: ErrMalformed, wantText: "the model's output was malformed"},
		{name: "server slower than the timeout", script: []step{hang()},
			cfg:     Config{Timeout: 200 * time.Millisecond, MaxRetries: 2},
			wantErr: ErrTimeout, wantText: "did not answer within 200ms", wantCalls: 3},
		{name: "always 503", script: []step{fail(503)}, cfg: Config{MaxRetries: 2},
			wantErr: ErrUnavailable, wantText: "HTTP 503", wantCalls: 3},
		{name: "401 is not retried", script: []step{fail(401), ok},
			wantErr: ErrUnauthorized, wantText: "check the API key", wantCalls: 1},
		{name: "403 is not retried", script: []step{fail(403), ok},
			wantErr: ErrUnauthorized, wantText: "HTTP 403", wantCalls: 1},
		{name: "400 is not retried", script: []step{fail(400), ok},
			wantText: "rejected the request: HTTP 400: fake failure", wantCalls: 1},
		{name: "no retries when MaxRetries is negative", script: []step{fail(500), ok},
			cfg: Config{MaxRetries: -1}, wantErr: ErrUnavailable, wantCalls: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(t, tc.script...)
			_, err := newTestEngine(t, f, tc.cfg).Vet(context.Background(), testInput())
			switch {
			case tc.wantErr == nil && tc.wantText == "" && err != nil:
				t.Fatalf("Vet() = %v, want no error", err)
			case tc.wantErr != nil && !errors.Is(err, tc.wantErr):
				t.Errorf("Vet() = %v, want %v", err, tc.wantErr)
			case tc.wantText != "" && (err == nil || !strings.Contains(err.Error(), tc.wantText)):
				t.Errorf("Vet() = %v, want an error saying %q", err, tc.wantText)
			}
			if n := f.calls.Load(); n != tc.wantCalls {
				t.Errorf("requests = %d, want %d", n, tc.wantCalls)
			}
			if tc.minGap > 0 {
				if gap := f.at(1).Sub(f.at(0)); gap < tc.minGap || gap > 3*time.Second {
					t.Errorf("wait between requests = %v, want about %v", gap, tc.minGap)
				}
			}
		})
	}
}

func TestVetReturnsPromptlyOnCancel(t *testing.T) {
	tests := []struct {
		name string
		step step
	}{
		{"while the request is in flight", hang()},
		{"while waiting to retry", fail(429, "Retry-After", "20")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(t, tc.step)
			e := newTestEngine(t, f, Config{Timeout: 10 * time.Second})
			ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
			defer cancel()

			start := time.Now()
			_, err := e.Vet(ctx, testInput())
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("Vet(cancelled) = %v, want %v", err, context.DeadlineExceeded)
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("Vet(cancelled) took %v, want under 1s", d)
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		header http.Header
		want   time.Duration
		wantOK bool
	}{
		{"seconds", http.Header{"Retry-After": {"2"}}, 2 * time.Second, true},
		{"fraction", http.Header{"Retry-After": {"0.5"}}, 500 * time.Millisecond, true},
		{"milliseconds first", http.Header{"Retry-After-Ms": {"250"}, "Retry-After": {"9"}},
			250 * time.Millisecond, true},
		{"HTTP date", http.Header{"Retry-After": {date(now.Add(3 * time.Second))}},
			3 * time.Second, true},
		{"past date", http.Header{"Retry-After": {date(now.Add(-time.Hour))}},
			0, true},
		{"huge", http.Header{"Retry-After": {"1e300"}}, 24 * time.Hour, true},
		{"negative", http.Header{"Retry-After": {"-1"}}, 0, false},
		{"garbage", http.Header{"Retry-After": {"soon"}}, 0, false},
		{"absent", http.Header{}, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := retryAfter(tc.header, now)
			if got != tc.want || ok != tc.wantOK {
				t.Errorf("retryAfter(%v) = %v, %t, want %v, %t",
					tc.header, got, ok, tc.want, tc.wantOK)
			}
		})
	}
}

// date formats t as an HTTP date.
func date(t time.Time) string { return t.Format(http.TimeFormat) }

func TestRetryWaitIsCapped(t *testing.T) {
	e := &Engine{backoff: 100 * time.Millisecond, maxWait: 2 * time.Second}
	res := &http.Response{Header: http.Header{"Retry-After": {"3600"}}}
	if got := e.retryWait(res, 1); got != 2*time.Second {
		t.Errorf("retryWait(Retry-After: 3600) = %v, want %v", got, 2*time.Second)
	}
	for n := 1; n <= 40; n++ {
		got := e.backoffWait(n)
		if got <= 0 || got > e.maxWait {
			t.Errorf("backoffWait(%d) = %v, want in (0, %v]", n, got, e.maxWait)
		}
	}
}
