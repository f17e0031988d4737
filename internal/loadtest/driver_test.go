package loadtest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// fakeServer answers the pages the driver asks for, the way Shortlist does,
// after delay; its dashboard is absent and opening a candidate fails with
// a locked database.
type fakeServer struct {
	delay  time.Duration
	logins atomic.Int64
	hits   atomic.Int64
}

func (f *fakeServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/login":
		f.logins.Add(1)
		http.SetCookie(w, &http.Cookie{Name: "session", Value: r.PostFormValue("email")})
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	case r.URL.Path == "/api/v1/me":
		role := "recruiter"
		if c, err := r.Cookie("session"); err == nil && c.Value == AccountEmail(0) {
			role = "admin"
		}
		fmt.Fprintf(w, `{"email": "x", "role": %q}`, role)
		return
	case r.URL.Path == "/jobs":
		fmt.Fprint(w, `<html><meta name="csrf-token" content="tok"></html>`)
		return
	case r.URL.Path == "/api/v1/jobs":
		fmt.Fprint(w, `{"jobs": [{"id": 1}, {"id": 2}]}`)
		return
	case r.URL.Path == "/api/v1/candidates":
		fmt.Fprint(w, `{"candidates": [{"id": 10}, {"id": 11}, {"id": 12}], "total": 3}`)
		return
	}
	f.hits.Add(1)
	time.Sleep(f.delay)
	switch {
	case r.URL.Path == "/dashboard" || r.URL.Path == "/api/v1/dashboard":
		http.NotFound(w, r)
	case strings.HasPrefix(r.URL.Path, "/candidates/"):
		http.Error(w, "database is locked", http.StatusInternalServerError)
	default:
		fmt.Fprint(w, "<html>ok</html>")
	}
}

func TestRunCountsAndTimesEveryOp(t *testing.T) {
	fake := &fakeServer{delay: 30 * time.Millisecond}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	rep, err := Run(context.Background(), Options{URL: srv.URL, Users: 3, Rate: 200,
		Duration: time.Second, Accounts: 2, Password: "pw", Seed: 1})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if got := fake.logins.Load(); got != 3 {
		t.Errorf("sign-ins = %d, want one per virtual user (3)", got)
	}
	if rep.Total.Count != 200 || rep.Total.Count != int(fake.hits.Load()) {
		t.Errorf("requests reported = %d, served = %d, want 200 (200/s for 1 s)",
			rep.Total.Count, fake.hits.Load())
	}
	byOp := map[string]OpStats{}
	for _, s := range rep.Ops {
		byOp[s.Op] = s
	}
	tests := []struct {
		op             string
		errors, locked bool
	}{
		{"list", false, false}, {"search", false, false}, {"ranking", false, false},
		{"detail", true, true}, {"dashboard", true, false}, {"dashboard_api", true, false},
	}
	for _, tc := range tests {
		s, ok := byOp[tc.op]
		if !ok || s.Count == 0 {
			t.Errorf("op %s: no requests", tc.op)
			continue
		}
		if got := s.Errors == s.Count; got != tc.errors || (s.Errors != 0) != tc.errors {
			t.Errorf("op %s: errors = %d of %d, want all: %t", tc.op, s.Errors, s.Count, tc.errors)
		}
		if (s.Locked == s.Count) != tc.locked || (s.Locked != 0) != tc.locked {
			t.Errorf("op %s: locked = %d of %d, want all: %t", tc.op, s.Locked, s.Count, tc.locked)
		}
		if s.P50 < 30 || s.P50 > s.P95 || s.P95 > s.P99 || s.P99 > s.Max {
			t.Errorf("op %s: p50 %.1f p95 %.1f p99 %.1f max %.1f, want 30 <= p50 <= p95 <= "+
				"p99 <= max", tc.op, s.P50, s.P95, s.P99, s.Max)
		}
	}
}

// TestRunKeepsTheSchedule checks the open model: one user against a server
// that takes 200 ms still starts 50 requests in one second, where a user
// waiting for each answer would manage 5.
func TestRunKeepsTheSchedule(t *testing.T) {
	fake := &fakeServer{delay: 200 * time.Millisecond}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	start := time.Now()
	rep, err := Run(context.Background(), Options{URL: srv.URL, Users: 1, Rate: 50,
		Duration: time.Second, Accounts: 1, Password: "pw"})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if rep.Total.Count != 50 {
		t.Errorf("requests = %d, want 50", rep.Total.Count)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("run took %s, want about 1.2 s", took)
	}
	if rep.PeakInUse < 5 {
		t.Errorf("peak in flight = %d, want several requests open at once", rep.PeakInUse)
	}
}

func TestRunRefusesOtherHosts(t *testing.T) {
	for _, u := range []string{"http://example.com", "http://10.0.0.1:8080",
		"http://192.168.1.10", "ftp://127.0.0.1/", "http://127.0.0.1.example.com"} {
		_, err := Run(context.Background(), Options{URL: u, Users: 1, Rate: 1,
			Duration: time.Second, Accounts: 1, Password: "pw"})
		if err == nil || !strings.Contains(err.Error(), "check target") {
			t.Errorf("Run(%s) = %v, want a refusal", u, err)
		}
	}
}

func TestCheckTarget(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080", true},
		{"http://localhost:8080/", "http://127.0.0.1:8080", true},
		{"https://127.0.0.2", "https://127.0.0.2", true},
		{"http://[::1]:8080", "http://[::1]:8080", true},
		{"http://example.com", "", false},
		{"http://8.8.8.8:80", "", false},
		{"127.0.0.1:8080", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := CheckTarget(tc.in)
			if (err == nil) != tc.ok {
				t.Fatalf("CheckTarget(%s) error = %v, want ok %t", tc.in, err, tc.ok)
			}
			if err == nil && got.String() != tc.want {
				t.Errorf("CheckTarget(%s) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestPercentile(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		out := make([]time.Duration, len(ns))
		for i, n := range ns {
			out[i] = time.Duration(n) * time.Millisecond
		}
		return out
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = i + 1
	}
	tests := []struct {
		name string
		in   []time.Duration
		p    float64
		want float64
	}{
		{"empty", nil, 0.5, 0},
		{"one", ms(7), 0.99, 7},
		{"median of 1..100", ms(hundred...), 0.50, 50},
		{"p95 of 1..100", ms(hundred...), 0.95, 95},
		{"p99 of 1..100", ms(hundred...), 0.99, 99},
		{"max of 1..100", ms(hundred...), 1, 100},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := percentile(tc.in, tc.p); got != tc.want {
				t.Errorf("percentile(%s, %.2f) = %.1f, want %.1f", tc.name, tc.p, got, tc.want)
			}
		})
	}
}
