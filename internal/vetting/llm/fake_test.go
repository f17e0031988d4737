package llm

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"shortlist/internal/vetting"
)

// step is how the fake API answers one request.
type step func(w http.ResponseWriter, r *http.Request)

// fakeAPI is an OpenAI-compatible chat completions server that follows a
// script: request i gets step i, and the last step repeats.
type fakeAPI struct {
	srv      *httptest.Server
	script   []step
	calls    atomic.Int32
	inFlight atomic.Int32
	maxSeen  atomic.Int32
	delay    time.Duration // before answering any request

	mu     sync.Mutex
	bodies [][]byte
	times  []time.Time
	auth   []string
}

// newFake starts a fake API for the test.
func newFake(t *testing.T, script ...step) *fakeAPI {
	t.Helper()
	f := &fakeAPI{script: script}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeAPI) serve(w http.ResponseWriter, r *http.Request) {
	n := f.inFlight.Add(1)
	defer f.inFlight.Add(-1)
	for {
		m := f.maxSeen.Load()
		if n <= m || f.maxSeen.CompareAndSwap(m, n) {
			break
		}
	}
	body, _ := io.ReadAll(r.Body)
	i := int(f.calls.Add(1)) - 1
	f.mu.Lock()
	f.bodies = append(f.bodies, body)
	f.times = append(f.times, time.Now())
	f.auth = append(f.auth, r.Header.Get("Authorization"))
	f.mu.Unlock()

	if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
		http.NotFound(w, r)
		return
	}
	if f.delay > 0 {
		time.Sleep(f.delay)
	}
	f.script[min(i, len(f.script)-1)](w, r)
}

// url is the base URL to configure, like OpenAI's with its /v1.
func (f *fakeAPI) url() string { return f.srv.URL + "/v1" }

// body returns the JSON body of request i.
func (f *fakeAPI) body(i int) []byte {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.bodies[i]
}

// at returns when request i arrived.
func (f *fakeAPI) at(i int) time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.times[i]
}

// authorization returns the Authorization header of request i.
func (f *fakeAPI) authorization(i int) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.auth[i]
}

// reply answers with a completion whose content is content.
func reply(content string) step {
	return func(w http.ResponseWriter, r *http.Request) {
		writeCompletion(w, map[string]any{"role": "assistant", "content": content,
			"refusal": nil}, "stop")
	}
}

// refuse answers with a refusal instead of content.
func refuse() step {
	return func(w http.ResponseWriter, r *http.Request) {
		writeCompletion(w, map[string]any{"role": "assistant", "content": nil,
			"refusal": "I cannot help with that."}, "stop")
	}
}

func writeCompletion(w http.ResponseWriter, msg map[string]any, finish string) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{
		"id": "chatcmpl-1", "object": "chat.completion", "created": 1,
		"model": "served-model-1",
		"choices": []any{map[string]any{"index": 0, "message": msg,
			"finish_reason": finish, "logprobs": nil}},
		"usage": map[string]any{"prompt_tokens": 10, "completion_tokens": 5,
			"total_tokens": 15},
	})
}

// fail answers with an API error and the given headers.
func fail(status int, headers ...string) step {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(headers); i += 2 {
			w.Header().Set(headers[i], headers[i+1])
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{
			"message": "fake failure", "type": "fake", "param": nil, "code": nil}})
	}
}

// hang never answers; it returns when the client gives up.
func hang() step {
	return func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	}
}

// claim is one requirement verdict in a scripted answer.
type claim struct {
	id      int64
	verdict string
	quote   string
}

// answerJSON writes an answer that follows the schema.
func answerJSON(score int, injection bool, claims ...claim) string {
	reqs := make([]any, 0, len(claims))
	for _, c := range claims {
		reqs = append(reqs, map[string]any{"id": c.id, "verdict": c.verdict,
			"quote": c.quote, "reason": "because"})
	}
	b, err := json.Marshal(map[string]any{"requirements": reqs, "score": score,
		"summary": "A summary.", "injection_suspected": injection})
	if err != nil {
		panic(err)
	}
	return string(b)
}

const testResume = `Jane Doe
Senior Go engineer at Acme since 2018.
Built PostgreSQL-backed   services in Go.
Led a team of five.`

// testInput has two must-haves (weight 2 each) and one nice-to-have (1).
func testInput() vetting.Input {
	return vetting.Input{
		JobTitle: "Backend engineer",
		JobText:  "We build services in Go.",
		Requirements: []vetting.Requirement{
			{ID: 1, Kind: vetting.KindMust, Text: "Go"},
			{ID: 2, Kind: vetting.KindMust, Text: "Kubernetes"},
			{ID: 3, Kind: vetting.KindNice, Text: "PostgreSQL"},
		},
		ResumeText: testResume,
	}
}

// newTestEngine returns an engine on f with short waits. The environment
// points the SDK elsewhere, so a request that reaches f proves that the
// configuration won over it.
func newTestEngine(t *testing.T, f *fakeAPI, c Config) *Engine {
	t.Helper()
	t.Setenv("OPENAI_BASE_URL", "http://127.0.0.1:1/v1")
	t.Setenv("OPENAI_API_KEY", "key-from-environment")
	c.BaseURL = f.url()
	c.APIKey = "test-key"
	c.Model = "test-model"
	e, err := New(c, nil)
	if err != nil {
		t.Fatalf("New(%+v) = %v", c, err)
	}
	e.backoff = 10 * time.Millisecond
	return e
}
