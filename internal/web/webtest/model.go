package webtest

import (
	"io"
	"log/slog"
	"testing"
	"time"

	"shortlist/internal/vetting"
	"shortlist/internal/vetting/llm"
	"shortlist/internal/vetting/llm/llmtest"
	"shortlist/internal/vetting/local"
)

// UseFakeModel makes the test servers started after it vet with a model
// engine (the default) against a fake model that answers after delay, with
// at most concurrency requests in flight per server. It undoes itself when
// the test ends.
func UseFakeModel(t testing.TB, delay time.Duration, concurrency int) *llmtest.Server {
	t.Helper()
	model := llmtest.Start(delay)
	saved := Engines
	t.Cleanup(func() {
		Engines = saved
		model.Close()
	})
	Engines = func() map[string]vetting.Engine {
		e, err := llm.New(llm.Config{BaseURL: model.URL(), APIKey: "test", Concurrency: concurrency,
			Timeout: 30 * time.Second}, slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err != nil {
			t.Fatalf("model engine: %v", err)
		}
		return map[string]vetting.Engine{"local": local.New(), "llm": e}
	}
	return model
}
