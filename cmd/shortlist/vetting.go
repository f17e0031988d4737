package main

import (
	"context"
	"database/sql"
	"log/slog"
	"time"

	"shortlist/internal/candidate"
	"shortlist/internal/config"
	"shortlist/internal/queue"
	"shortlist/internal/vetting"
	"shortlist/internal/vetting/llm"
	"shortlist/internal/vetting/local"
)

// llmRetries is how often one model request is retried.
const llmRetries = 3

// engines builds the vetting engines: the local one always, the model when
// one is configured, which is then the default.
func engines(cfg *config.Config, log *slog.Logger) (map[string]vetting.Engine, string, error) {
	out := map[string]vetting.Engine{"local": local.New()}
	if !cfg.UseLLM() {
		return out, "local", nil
	}
	e, err := llm.New(llm.Config{
		BaseURL: cfg.OpenAIBaseURL, APIKey: cfg.OpenAIAPIKey, Model: cfg.Model,
		Timeout: cfg.Vetting.LLMTimeout, MaxRetries: llmRetries, Samples: cfg.Vetting.LLMSamples,
		Concurrency: cfg.Vetting.LLMConcurrency,
	}, log)
	if err != nil {
		return nil, "", err
	}
	out["llm"] = e
	return out, "llm", nil
}

// queueOptions derives the queue's settings: one attempt may take as long
// as every model request with its retries, and a job running longer than
// that plus a margin belonged to a process that died.
func queueOptions(cfg *config.Config, db *sql.DB, log *slog.Logger) queue.Options {
	timeout := cfg.Vetting.LLMTimeout*(llmRetries+1) + 30*time.Second
	rescue := cfg.Vetting.RescueAfter
	if rescue == 0 {
		rescue = timeout + time.Minute
	}
	timeout = min(timeout, rescue-time.Second)
	poll := 2 * time.Second
	if cfg.Database.Dialect == config.SQLite {
		poll = 300 * time.Millisecond // no notifications on SQLite
	}
	var purgeEvery time.Duration
	if cfg.RetentionDays > 0 {
		purgeEvery = time.Hour
	}
	return queue.Options{
		Dialect: cfg.Database.Dialect, DB: db, PostgresURL: cfg.Database.URL,
		LocalWorkers: cfg.Vetting.LocalWorkers, LLMWorkers: cfg.Vetting.LLMConcurrency,
		JobTimeout: timeout, RescueAfter: rescue, PollInterval: poll, PurgeEvery: purgeEvery,
		Log: log.With(slog.String("component", "queue")),
	}
}

// retention erases expired soft-deleted candidates for the queue's periodic
// purge and for 'shortlist purge'.
type retention struct {
	candidates *candidate.Service
	days       int
	log        *slog.Logger
}

func (r retention) PurgeExpiredNow(ctx context.Context) (int, error) {
	receipts, err := r.candidates.PurgeExpired(ctx, r.days)
	for _, rc := range receipts {
		r.log.InfoContext(ctx, "candidate erased by retention", slog.Int64("candidate_id", rc.CandidateID),
			slog.String("content_hash", rc.ContentHash))
	}
	return len(receipts), err
}
