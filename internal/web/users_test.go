package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
	"shortlist/internal/user"
	"shortlist/internal/web/webtest"
)

func TestAdminManagesUsers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		admin := env.Login("admin@example.com", user.Admin)
		admin.Get("/users")

		res := admin.HTMX("/users", url.Values{"email": {"Newbie@Example.com"}, "role": {"recruiter"}})
		if res.StatusCode != http.StatusOK {
			t.Fatalf("create user = %d %s, want 200", res.StatusCode, res.Body)
		}
		if !strings.Contains(res.Header.Get("HX-Trigger"), "newbie@example.com was added") {
			t.Errorf("HX-Trigger = %q, want a success toast", res.Header.Get("HX-Trigger"))
		}
		if !strings.Contains(res.Body, "shown only this once") {
			t.Error("the generated password is not shown")
		}
		u, err := env.Users.Lookup(context.Background(), "newbie@example.com")
		if err != nil {
			t.Fatalf("the new user is not stored: %v", err)
		}

		id := fmt.Sprint(u.ID)
		res = admin.HTMX("/users/"+id+"/role", url.Values{"role": {"manager"}})
		if res.StatusCode != http.StatusOK || !strings.Contains(res.Body, `value="manager" selected`) {
			t.Errorf("set role = %d, row shows manager = false", res.StatusCode)
		}
		res = admin.HTMX("/users/"+id+"/disabled", url.Values{"disabled": {"true"}})
		if res.StatusCode != http.StatusOK || !strings.Contains(res.Body, "disabled") {
			t.Errorf("disable = %d, row does not say disabled", res.StatusCode)
		}
		if u, _ = env.Users.Lookup(context.Background(), u.Email); !u.Disabled || u.Role != user.Manager {
			t.Errorf("stored user = %+v, want a disabled manager", u)
		}
	})
}

func TestUserFormErrors(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		admin := env.Login("admin@example.com", user.Admin)
		admin.Get("/users")
		tests := []struct {
			name string
			path string
			form url.Values
			want int
		}{
			{"bad email", "/users", url.Values{"email": {"nope"}, "role": {"recruiter"}}, 422},
			{"bad role", "/users", url.Values{"email": {"x@example.com"}, "role": {"boss"}}, 422},
			{"duplicate", "/users", url.Values{"email": {"admin@example.com"}, "role": {"admin"}}, 409},
			{"unknown user", "/users/9999/role", url.Values{"role": {"admin"}}, 404},
			{"last admin", "/users/1/disabled", url.Values{"disabled": {"true"}}, 409},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				res := admin.HTMX(tc.path, tc.form)
				if res.StatusCode != tc.want {
					t.Errorf("POST %s = %d, want %d", tc.path, res.StatusCode, tc.want)
				}
				if res.Body == "" || strings.Contains(res.Body, "<html") {
					t.Errorf("htmx error body = %q, want a short message for a toast", res.Body)
				}
			})
		}
	})
}

func TestAPIUsers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		env.CreateUser("admin@example.com", user.Admin)
		token, err := env.Users.CreateToken(context.Background(), nil, "admin@example.com", "")
		if err != nil {
			t.Fatalf("CreateToken: %v", err)
		}
		res := env.API("POST", "/api/v1/users", token, `{"email":"api@example.com","role":"manager"}`)
		if res.StatusCode != http.StatusCreated {
			t.Fatalf("POST /api/v1/users = %d %s, want 201", res.StatusCode, res.Body)
		}
		var created struct {
			Email, Role, Password string
		}
		if err := json.Unmarshal([]byte(res.Body), &created); err != nil {
			t.Fatalf("decode: %v", err)
		}
		if created.Email != "api@example.com" || created.Role != "manager" || created.Password == "" {
			t.Errorf("created = %+v, want api@example.com, manager, a generated password", created)
		}
		bad := env.API("POST", "/api/v1/users", token, `{"email":"x@example.com","rol":"manager"}`)
		if bad.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("unknown field = %d, want 422", bad.StatusCode)
		}
		me := env.API("GET", "/api/v1/me", token, "")
		if me.StatusCode != http.StatusOK || !strings.Contains(me.Body, `"role": "admin"`) {
			t.Errorf("GET /api/v1/me = %d %s", me.StatusCode, me.Body)
		}
	})
}

func TestOperationsEndpoints(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		c := env.NewClient()
		tests := []struct {
			path, want string
		}{
			{"/healthz", "ok"},
			{"/readyz", "ready"},
			{"/metrics", "shortlist_http_request_duration_seconds"},
		}
		c.Get("/login")
		for _, tc := range tests {
			res := c.Get(tc.path)
			if res.StatusCode != http.StatusOK || !strings.Contains(res.Body, tc.want) {
				t.Errorf("GET %s = %d, body lacks %q", tc.path, res.StatusCode, tc.want)
			}
		}
		if res := c.Get("/no/such/page"); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET /no/such/page = %d, want 404", res.StatusCode)
		}
	})
}
