package main

import (
	"bufio"
	"database/sql"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shortlist/internal/config"
	"shortlist/internal/store/storetest"
	"shortlist/internal/vetting/llm/llmtest"
)

// TestTwoReplicasShareEverything starts two server processes on one
// PostgreSQL database: a session made on one is honoured by the other, and
// vettings asked of one are spread over both, each run once.
func TestTwoReplicasShareEverything(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real server processes")
	}
	bin := filepath.Join(t.TempDir(), "shortlist")
	if out, err := runGo("build", "-o", bin, "."); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	model := llmtest.Start(300 * time.Millisecond)
	defer model.Close()
	dbURL := storetest.Config(t, config.Postgres).URL
	base := append(os.Environ(), "DATABASE_URL="+dbURL, "SECRET_KEY=shared-secret-of-the-replicas",
		"OPENAI_BASE_URL="+model.URL(), "OPENAI_API_KEY=test", "SHORTLIST_LLM_CONCURRENCY=2",
		"SHORTLIST_ADMIN_EMAIL=admin@example.com", "SHORTLIST_ADMIN_PASSWORD=correct horse battery")
	var addrs []string
	var first *proc
	for i := range 2 {
		addr := freeAddr(t)
		addrs = append(addrs, addr)
		env := append(append([]string{}, base...), "SHORTLIST_ADDR="+addr,
			"SHORTLIST_DATA_DIR="+filepath.Join(t.TempDir(), "data"))
		p := &proc{t: t, bin: bin, env: env, dir: t.TempDir()}
		if i == 0 {
			first = p
		}
		srv := p.start()
		t.Cleanup(func() { srv.Process.Kill(); srv.Wait() })
		(&client{t: t, base: "http://" + addr}).waitReady()
	}

	// A session made on the first replica works on the second.
	jar, _ := cookiejar.New(nil)
	browser := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	res, err := browser.PostForm("http://"+addrs[0]+"/login",
		url.Values{"email": {"admin@example.com"}, "password": {"correct horse battery"}})
	if err != nil || res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in on replica 1 = %v, %v", res, err)
	}
	res.Body.Close()
	u0, _ := url.Parse("http://" + addrs[0])
	u1, _ := url.Parse("http://" + addrs[1])
	jar.SetCookies(u1, jar.Cookies(u0))
	res, err = browser.Get("http://" + addrs[1] + "/users")
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("the session of replica 1 on replica 2 = %v, %v; want 200", res, err)
	}
	res.Body.Close()

	// Vettings asked of one replica run once each, on both replicas.
	token := strings.TrimSpace(first.run("token", "add", "--email", "admin@example.com"))
	api := &client{t: t, base: "http://" + addrs[0], token: token}

	// The second replica's event stream shows what happens on the first.
	events := streamEvents(t, "http://"+addrs[1], token)
	jobID := api.createJob()
	select {
	case line := <-events:
		if !strings.Contains(line, "job.created") {
			t.Errorf("first event on replica 2 = %q, want the job created on replica 1", line)
		}
	case <-time.After(5 * time.Second):
		t.Error("replica 2's event stream showed nothing within 5 s of an action on replica 1")
	}
	api.upload(jobID, 8)
	ids := api.vetAll(jobID)
	waitUntil(t, 60*time.Second, func() bool { return api.allDone(ids) })
	if n := model.Calls(); n != int64(len(ids)) {
		t.Errorf("the model answered %d times for %d vettings, want once each", n, len(ids))
	}
	if n := workingClients(t, dbURL); n < 2 {
		t.Errorf("vettings ran on %d replica(s), want both", n)
	}
}

// workingClients counts the distinct queue clients that worked vet jobs.
func workingClients(t *testing.T, dbURL string) int {
	t.Helper()
	db, err := sql.Open("pgx", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	const q = `
		SELECT COUNT(DISTINCT attempted_by[1])
		FROM river_job
		WHERE kind = 'vet'`
	if err := db.QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("count queue clients: %v", err)
	}
	return n
}

// streamEvents opens the server-sent event stream and sends each data line
// of an activity event on the returned channel.
func streamEvents(t *testing.T, base, token string) <-chan string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+"/api/v1/events", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("open event stream: %v, %v", res, err)
	}
	t.Cleanup(func() { res.Body.Close() })
	out := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(res.Body)
		activity := false
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "event: activity":
				activity = true
			case strings.HasPrefix(line, "data:") && activity:
				out <- line
				activity = false
			}
		}
	}()
	return out
}
