package llm

import (
	"regexp"
	"testing"
	"time"
)

func TestNew(t *testing.T) {
	tests := []struct {
		name    string
		cfg     Config
		wantErr bool
		want    Config
	}{
		{name: "defaults", cfg: Config{APIKey: "k"},
			want: Config{BaseURL: openAIBaseURL, APIKey: "k", Model: DefaultModel,
				Timeout: DefaultTimeout, MaxRetries: DefaultMaxRetries, Samples: 1,
				UnstableSpread: DefaultUnstableSpread, Concurrency: DefaultConcurrency}},
		{name: "local server without a key",
			cfg: Config{BaseURL: "http://localhost:11434/v1", Model: "llama", Samples: 3,
				Timeout: time.Second, MaxRetries: -1, UnstableSpread: 5, Concurrency: 1},
			want: Config{BaseURL: "http://localhost:11434/v1", Model: "llama", Samples: 3,
				Timeout: time.Second, MaxRetries: 0, UnstableSpread: 5, Concurrency: 1}},
		{name: "OpenAI without a key", cfg: Config{}, wantErr: true},
		{name: "not a URL", cfg: Config{BaseURL: "localhost:8080"}, wantErr: true},
		{name: "too many samples", cfg: Config{APIKey: "k", Samples: MaxSamples + 1},
			wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, err := New(tc.cfg, nil)
			if tc.wantErr {
				if err == nil {
					t.Errorf("New(%+v) = nil error, want an error", tc.cfg)
				}
				return
			}
			if err != nil {
				t.Fatalf("New(%+v) = %v, want no error", tc.cfg, err)
			}
			if e.cfg != tc.want {
				t.Errorf("New(%+v).cfg = %+v, want %+v", tc.cfg, e.cfg, tc.want)
			}
			if cap(e.sem) != tc.want.Concurrency {
				t.Errorf("New(%+v) semaphore = %d, want %d",
					tc.cfg, cap(e.sem), tc.want.Concurrency)
			}
		})
	}
}

func TestPromptVersionIsShortHex(t *testing.T) {
	if !regexp.MustCompile(`^[0-9a-f]{12}$`).MatchString(PromptVersion) {
		t.Errorf("PromptVersion = %q, want 12 hex digits", PromptVersion)
	}
}
