// Package llmtest is a fake OpenAI-compatible chat completions server for
// tests and benchmarks: it answers every request with a structured vetting
// answer after a configurable delay, and counts what it was asked.
package llmtest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"time"
)

// Request is what the fake server received: the messages of one chat
// completion request.
type Request struct {
	System string
	User   string
}

// Answer is the structured answer the fake model gives.
type Answer struct {
	Score    int     `json:"score"`
	Summary  string  `json:"summary"`
	Claims   []Claim `json:"requirements"`
	Injected bool    `json:"injection_suspected"`
}

// Claim is one requirement verdict of an answer.
type Claim struct {
	ID      int64  `json:"id"`
	Verdict string `json:"verdict"`
	Quote   string `json:"quote"`
	Reason  string `json:"reason"`
}

// Server is a running fake model.
type Server struct {
	srv *httptest.Server
	// Delay is how long each answer takes.
	Delay time.Duration
	// Answer decides the answer to a request; by default a middling score
	// with no claims.
	Answer func(r Request) Answer
	calls  atomic.Int64
	seen   chan Request
}

// Start serves a fake model until Close.
func Start(delay time.Duration) *Server {
	s := &Server{Delay: delay, seen: make(chan Request, 1024)}
	s.Answer = func(Request) Answer { return Answer{Score: 60, Summary: "A fair match."} }
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// URL is the base URL to configure as OPENAI_BASE_URL.
func (s *Server) URL() string { return s.srv.URL + "/v1" }

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

// Calls counts the requests answered so far.
func (s *Server) Calls() int64 { return s.calls.Load() }

// Seen returns the requests received so far (up to 1024 are kept) without
// waiting.
func (s *Server) Seen() []Request {
	var out []Request
	for {
		select {
		case r := <-s.seen:
			out = append(out, r)
		default:
			return out
		}
	}
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
		http.NotFound(w, r)
		return
	}
	var body struct {
		Messages []struct {
			Role    string `json:"role"`
			Content string `json:"content"`
		} `json:"messages"`
	}
	data, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(data, &body); err != nil {
		http.Error(w, `{"error":{"message":"bad request"}}`, http.StatusBadRequest)
		return
	}
	var req Request
	for _, m := range body.Messages {
		switch m.Role {
		case "system", "developer":
			req.System += m.Content
		case "user":
			req.User += m.Content
		}
	}
	select {
	case s.seen <- req:
	default:
	}
	select {
	case <-time.After(s.Delay):
	case <-r.Context().Done():
		return
	}
	s.calls.Add(1)
	writeAnswer(w, s.Answer(req))
}

func writeAnswer(w http.ResponseWriter, a Answer) {
	if a.Claims == nil {
		a.Claims = []Claim{}
	}
	content, _ := json.Marshal(a)
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{
		"id": "chatcmpl-fake", "object": "chat.completion", "created": time.Now().Unix(),
		"model": "fake-model",
		"choices": []any{map[string]any{"index": 0, "finish_reason": "stop", "logprobs": nil,
			"message": map[string]any{"role": "assistant", "content": string(content),
				"refusal": nil}}},
		"usage": map[string]any{"prompt_tokens": 100, "completion_tokens": 20,
			"total_tokens": 120},
	})
}
