package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"shortlist/internal/config"
	"shortlist/internal/store/storetest"
)

// syncBuffer is a bytes.Buffer safe to write from the server goroutine while
// the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// useDatabase points the commands at a fresh database of dialect d, in a
// fresh working directory.
func useDatabase(t *testing.T, d config.Dialect) {
	t.Chdir(t.TempDir())
	if d == config.Postgres {
		t.Setenv("DATABASE_URL", storetest.Config(t, d).URL)
	} else {
		t.Setenv("DATABASE_URL", "")
	}
	t.Setenv("SHORTLIST_ADMIN_EMAIL", "")
	t.Setenv("SHORTLIST_ADMIN_PASSWORD", "")
}

func dialects(t *testing.T, fn func(t *testing.T)) {
	for _, d := range []config.Dialect{config.SQLite, config.Postgres} {
		t.Run(string(d), func(t *testing.T) {
			useDatabase(t, d)
			fn(t)
		})
	}
}

func runCmd(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), err
}

func TestMigrateCommands(t *testing.T) {
	dialects(t, func(t *testing.T) {
		out, err := runCmd(t, "", "migrate", "status")
		if err != nil || !strings.Contains(out, "pending") {
			t.Fatalf("status on an empty database = %q, %v; want pending migrations", out, err)
		}
		if out, err = runCmd(t, "", "migrate", "up"); err != nil || !strings.Contains(out, "Applied") {
			t.Fatalf("migrate up = %q, %v", out, err)
		}
		if out, err = runCmd(t, "", "migrate", "up"); err != nil || !strings.Contains(out, "Nothing to apply") {
			t.Errorf("second migrate up = %q, %v; want nothing to apply", out, err)
		}
		out, err = runCmd(t, "", "migrate", "status")
		if err != nil || strings.Contains(out, "pending") || !strings.Contains(out, "applied") {
			t.Errorf("status after up = %q, %v; want every migration applied", out, err)
		}
		if _, err := runCmd(t, "", "migrate", "sideways"); err == nil {
			t.Error("migrate sideways succeeded, want an error")
		}
	})
}

func TestUserAndTokenCommands(t *testing.T) {
	dialects(t, func(t *testing.T) {
		tests := []struct {
			name    string
			stdin   string
			args    []string
			want    string
			wantErr bool
		}{
			{"add with generated password", "", []string{"user", "add", "--email", "a@example.com",
				"--role", "admin"}, "Password: ", false},
			{"add with password from stdin", "a long enough secret\n", []string{"user", "add",
				"--email", "r@example.com", "--role", "recruiter", "--password-stdin"}, "Added r@example.com", false},
			{"add duplicate", "", []string{"user", "add", "--email", "A@example.com", "--role",
				"manager"}, "", true},
			{"add bad role", "", []string{"user", "add", "--email", "x@example.com", "--role",
				"boss"}, "", true},
			{"set role", "", []string{"user", "set-role", "--email", "r@example.com", "--role",
				"manager"}, "r@example.com is now manager", false},
			{"disable", "", []string{"user", "disable", "--email", "r@example.com"}, "disabled", false},
			{"list", "", []string{"user", "list"}, "r@example.com  manager  disabled", false},
			{"reset password", "", []string{"user", "reset-password", "--email", "a@example.com"},
				"New password for a@example.com", false},
			{"token", "", []string{"token", "add", "--email", "a@example.com"}, "sl_", false},
			{"token for nobody", "", []string{"token", "add", "--email", "no@example.com"}, "", true},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				out, err := runCmd(t, tc.stdin, tc.args...)
				if (err != nil) != tc.wantErr || !strings.Contains(out, tc.want) {
					t.Errorf("%v = %q, %v; want %q (error %v)", tc.args, out, err, tc.want, tc.wantErr)
				}
			})
		}
	})
}

var passwordLine = regexp.MustCompile(`Password:\s+(\S+)`)

// TestServeFromScratch starts the server the way the README says, signs in
// with the password it prints, and stops it as SIGTERM would.
func TestServeFromScratch(t *testing.T) {
	dialects(t, func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close()
		t.Setenv("SHORTLIST_ADDR", addr)

		ctx, stop := context.WithCancel(context.Background())
		logs := &syncBuffer{}
		done := make(chan error, 1)
		go func() { done <- run(ctx, nil, strings.NewReader(""), logs, logs) }()
		defer stop()

		base := "http://" + addr
		waitReady(t, base, logs)
		m := passwordLine.FindStringSubmatch(logs.String())
		if m == nil {
			t.Fatalf("no generated password in the log:\n%s", logs)
		}
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		}}
		res, err := client.PostForm(base+"/login",
			url.Values{"email": {"admin@example.com"}, "password": {m[1]}})
		if err != nil || res.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign in with the printed password = %v, %v; want 303", res, err)
		}
		res.Body.Close()

		if _, err := runCmd(t, "", "healthcheck"); err != nil {
			t.Errorf("healthcheck against the running server: %v", err)
		}

		stop()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve returned %v after shutdown, want nil", err)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("serve did not stop")
		}
	})
}

func waitReady(t *testing.T, base string, logs *syncBuffer) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		res, err := http.Get(base + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("server not ready in 20s; log:\n%s", logs)
}
