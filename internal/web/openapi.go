package web

import (
	_ "embed"
	"net/http"
)

// openAPIDoc describes the JSON API; keep it in step with routes.go.
//
//go:embed openapi.json
var openAPIDoc []byte

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(openAPIDoc)
}
