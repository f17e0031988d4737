package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shortlist/internal/config"
	"shortlist/internal/store/storetest"
	"shortlist/internal/vetting/llm/llmtest"
)

// TestVettingsSurviveKill asks for vettings, kills the server with SIGKILL
// while they run, starts it again, and checks that every vetting completes,
// each exactly once.
func TestVettingsSurviveKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills real server processes")
	}
	bin := filepath.Join(t.TempDir(), "shortlist")
	if out, err := runGo("build", "-o", bin, "."); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	for _, d := range []config.Dialect{config.SQLite, config.Postgres} {
		t.Run(string(d), func(t *testing.T) { killAndResume(t, bin, d) })
	}
}

func killAndResume(t *testing.T, bin string, d config.Dialect) {
	model := llmtest.Start(1500 * time.Millisecond)
	defer model.Close()
	dir := t.TempDir()
	env := append(os.Environ(),
		"SHORTLIST_DATA_DIR="+filepath.Join(dir, "data"), "SHORTLIST_ADDR="+freeAddr(t),
		"OPENAI_BASE_URL="+model.URL(), "OPENAI_API_KEY=test", "SHORTLIST_LLM_TIMEOUT=5s",
		"SHORTLIST_QUEUE_RESCUE_AFTER=8s", "SHORTLIST_LLM_CONCURRENCY=2",
		"SHORTLIST_ADMIN_EMAIL=", "SHORTLIST_ADMIN_PASSWORD=", "DATABASE_URL=")
	if d == config.Postgres {
		env = append(env, "DATABASE_URL="+storetest.Config(t, d).URL)
	}
	sh := &proc{t: t, bin: bin, env: env, dir: dir}
	sh.run("user", "add", "--email", "admin@example.com", "--role", "admin")
	token := strings.TrimSpace(sh.run("token", "add", "--email", "admin@example.com"))
	api := &client{t: t, base: "http://" + addrOf(env), token: token}

	server := sh.start()
	api.waitReady()
	jobID := api.createJob()
	api.upload(jobID, 6)
	ids := api.vetAll(jobID)
	if len(ids) != 6 {
		t.Fatalf("vet all queued %d, want 6", len(ids))
	}
	waitUntil(t, 30*time.Second, func() bool { return model.Calls() >= 2 })
	server.Process.Kill() // SIGKILL: no chance to finish anything
	server.Wait()

	server = sh.start()
	defer func() { server.Process.Kill(); server.Wait() }()
	api.waitReady()
	waitUntil(t, 90*time.Second, func() bool { return api.allDone(ids) })
	for _, id := range ids {
		v := api.vetting(id)
		if v.Status != "done" || v.Score == nil {
			t.Errorf("vetting %d = %+v, want done with a score", id, v)
		}
	}
	if n := api.rankingSize(jobID); n != 6 {
		t.Errorf("ranking has %d results, want one per candidate (6)", n)
	}
}

// proc runs the built binary with an environment.
type proc struct {
	t        *testing.T
	bin, dir string
	env      []string
}

func (p *proc) run(args ...string) string {
	p.t.Helper()
	cmd := exec.Command(p.bin, args...)
	cmd.Env, cmd.Dir = p.env, p.dir
	out, err := cmd.Output()
	if err != nil {
		p.t.Fatalf("shortlist %v: %v", args, err)
	}
	return string(out)
}

func (p *proc) start() *exec.Cmd {
	p.t.Helper()
	cmd := exec.Command(p.bin, "serve")
	cmd.Env, cmd.Dir = p.env, p.dir
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		p.t.Fatalf("start server: %v", err)
	}
	return cmd
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func addrOf(env []string) string {
	addr := ""
	for _, e := range env {
		if v, ok := strings.CutPrefix(e, "SHORTLIST_ADDR="); ok {
			addr = v
		}
	}
	return addr
}

func waitUntil(t *testing.T, limit time.Duration, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if ok() {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("condition not met within %s", limit)
}

// client speaks to the server's JSON API with a token.
type client struct {
	t     *testing.T
	base  string
	token string
}

func (c *client) do(method, path, ctype string, body io.Reader, out any) int {
	c.t.Helper()
	req, _ := http.NewRequestWithContext(context.Background(), method, c.base+path, body)
	req.Header.Set("Authorization", "Bearer "+c.token)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0
	}
	defer res.Body.Close()
	if out != nil {
		json.NewDecoder(res.Body).Decode(out)
	}
	return res.StatusCode
}

func (c *client) waitReady() {
	c.t.Helper()
	waitUntil(c.t, 30*time.Second, func() bool {
		res, err := http.Get(c.base + "/readyz")
		if err != nil {
			return false
		}
		res.Body.Close()
		return res.StatusCode == 200
	})
}

func (c *client) createJob() int64 {
	var j struct{ ID int64 }
	body := `{"title":"Data engineer","requirements":[{"kind":"must","text":"Python"}]}`
	if st := c.do("POST", "/api/v1/jobs", "application/json", strings.NewReader(body), &j); st != 201 {
		c.t.Fatalf("create job = %d", st)
	}
	return j.ID
}

func (c *client) upload(jobID int64, n int) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("job_id", fmt.Sprint(jobID))
	for i := range n {
		w, _ := mw.CreateFormFile("file", fmt.Sprintf("r%d.txt", i))
		fmt.Fprintf(w, "Person %d\nSKILLS\nPython, SQL %d\nEXPERIENCE\nEngineer, 2015 - 2024.\n", i, i)
	}
	mw.Close()
	if st := c.do("POST", "/api/v1/candidates", mw.FormDataContentType(), &buf, nil); st != 200 {
		c.t.Fatalf("upload = %d", st)
	}
}

func (c *client) vetAll(jobID int64) []int64 {
	var out struct {
		IDs []int64 `json:"vetting_ids"`
	}
	path := fmt.Sprintf("/api/v1/jobs/%d/vet", jobID)
	if st := c.do("POST", path, "application/json", strings.NewReader(`{"all":true}`), &out); st != 202 {
		c.t.Fatalf("vet all = %d", st)
	}
	return out.IDs
}

type vettingView struct {
	Status string
	Score  *int
}

func (c *client) vetting(id int64) vettingView {
	var v vettingView
	c.do("GET", fmt.Sprintf("/api/v1/vettings/%d", id), "", nil, &v)
	return v
}

func (c *client) allDone(ids []int64) bool {
	for _, id := range ids {
		if c.vetting(id).Status != "done" {
			return false
		}
	}
	return true
}

func (c *client) rankingSize(jobID int64) int {
	var r struct {
		Ranking []any `json:"ranking"`
	}
	c.do("GET", fmt.Sprintf("/api/v1/jobs/%d/ranking", jobID), "", nil, &r)
	return len(r.Ranking)
}

// runGo runs the go command in this package's folder.
func runGo(args ...string) ([]byte, error) {
	return exec.Command("go", args...).CombinedOutput()
}
