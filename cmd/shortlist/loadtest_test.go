package main

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shortlist/internal/loadtest"
)

// TestLoadtestCommands seeds a tiny data set, refuses to seed it twice,
// starts the server and drives a second of browsing and writing at it.
func TestLoadtestCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a server and loads it")
	}
	dialects(t, func(t *testing.T) {
		seed := []string{"loadtest", "seed", "--candidates", "60", "--activity", "200",
			"--jobs", "3", "--users", "4", "--vettings", "10"}
		out, err := runCmd(t, "", seed...)
		if err != nil || !strings.Contains(out, "candidates  60 rows") {
			t.Fatalf("loadtest seed = %q, %v; want 60 candidates seeded", out, err)
		}
		if _, err := runCmd(t, "", seed...); err == nil || !strings.Contains(err.Error(), "--force") {
			t.Errorf("second loadtest seed = %v, want a refusal naming --force", err)
		}

		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close()
		t.Setenv("SHORTLIST_ADDR", addr)
		t.Setenv("SHORTLIST_LOG_LEVEL", "warn")
		ctx, stop := context.WithCancel(context.Background())
		logs := &syncBuffer{}
		done := make(chan error, 1)
		go func() { done <- run(ctx, []string{"serve"}, strings.NewReader(""), logs, logs) }()
		defer func() { stop(); <-done }()
		waitReady(t, "http://"+addr, logs)

		report := filepath.Join(t.TempDir(), "report.json")
		out, err = runCmd(t, "", "loadtest", "run", "--url", "http://"+addr, "--users", "4",
			"--accounts", "4", "--rate", "20", "--duration", "1s", "--writes", "--json", report)
		if err != nil {
			t.Fatalf("loadtest run: %v\n%s", err, logs)
		}
		checkReport(t, report, out)
	})
}

func checkReport(t *testing.T, path, text string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rep loadtest.Report
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	if got := rep.Total.Count + rep.Total.Skipped; got != 20 {
		t.Errorf("requests = %d, want 20 (20/s for 1 s)\n%s", got, text)
	}
	if rep.Total.Errors != 0 || rep.Total.Locked != 0 {
		t.Errorf("errors = %d, locked = %d; want none\n%s", rep.Total.Errors, rep.Total.Locked,
			text)
	}
	if !strings.Contains(text, "p95 ms") {
		t.Errorf("text report has no table:\n%s", text)
	}
}

func TestLoadtestRefusesOtherHosts(t *testing.T) {
	_, err := runCmd(t, "", "loadtest", "run", "--url", "http://192.0.2.1:8080",
		"--duration", time.Second.String())
	if err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Errorf("loadtest run against another host = %v, want a refusal", err)
	}
}
