package web

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
)

// apiRoute matches the JSON API routes registered in routes.go.
var apiRoute = regexp.MustCompile(`m\.Handle\("([A-Z]+) /api/v1(/[^"]*)"`)

// TestOpenAPIDescribesEveryRoute checks that the published API description
// names every API route with the method it answers, and that each operation
// is shaped the way OpenAPI tools read it: responses keyed by status code,
// a request body only with content, a parameter for each path segment.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]struct {
			Responses   map[string]json.RawMessage
			RequestBody *struct{ Content map[string]json.RawMessage }
			Parameters  []struct{ Name, In string }
		}
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	src, err := os.ReadFile("routes.go")
	if err != nil {
		t.Fatal(err)
	}
	routes := apiRoute.FindAllStringSubmatch(string(src), -1)
	if len(routes) < 10 {
		t.Fatalf("found %d API routes in routes.go; the pattern no longer matches", len(routes))
	}
	for _, m := range routes {
		method, path := strings.ToLower(m[1]), m[2]
		if path == "/openapi.json" {
			continue
		}
		op, ok := doc.Paths[path][method]
		if !ok {
			t.Errorf("%s %s is served but not described", m[1], path)
			continue
		}
		if len(op.Responses) == 0 {
			t.Errorf("%s %s describes no responses", m[1], path)
		}
		for code := range op.Responses {
			if len(code) != 3 || strings.Trim(code, "0123456789") != "" {
				t.Errorf("%s %s: response key %q is not a status code", m[1], path, code)
			}
		}
		if op.RequestBody != nil && len(op.RequestBody.Content) == 0 {
			t.Errorf("%s %s: request body without content", m[1], path)
		}
		if strings.Contains(path, "{id}") && !hasPathParam(op.Parameters, "id") {
			t.Errorf("%s %s: no path parameter id", m[1], path)
		}
	}
}

func hasPathParam(ps []struct{ Name, In string }, name string) bool {
	for _, p := range ps {
		if p.Name == name && p.In == "path" {
			return true
		}
	}
	return false
}
