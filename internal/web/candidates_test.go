package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
	"shortlist/internal/user"
	"shortlist/internal/web/webtest"
)

type upFile struct {
	name string
	data []byte
}

// uploadRequest builds a multipart upload of files with an optional job.
func uploadRequest(t testing.TB, url string, jobID int64, files ...upFile) *http.Request {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if jobID != 0 {
		mw.WriteField("job_id", fmt.Sprint(jobID))
	}
	for _, f := range files {
		w, _ := mw.CreateFormFile("file", f.name)
		w.Write(f.data)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", url, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return req
}

func sampleResume(name, email string) []byte {
	return []byte(name + "\n" + email + "\n\nEXPERIENCE\nGo developer at Example, 2019 - 2024.\n" +
		"\nSKILLS\nGo, PostgreSQL, Kubernetes\n")
}

type apiClient struct {
	env   *webtest.Env
	token string
}

func newAPIClient(t testing.TB, env *webtest.Env, email string, role user.Role) apiClient {
	t.Helper()
	env.CreateUser(email, role)
	token, err := env.Users.CreateToken(context.Background(), nil, email, "")
	if err != nil {
		t.Fatal(err)
	}
	return apiClient{env: env, token: token}
}

func (c apiClient) do(method, path, body string) *webtest.Response {
	return c.env.API(method, path, c.token, body)
}

func (c apiClient) upload(t testing.TB, jobID int64, files ...upFile) *webtest.Response {
	req := uploadRequest(t, c.env.URL+"/api/v1/candidates", jobID, files...)
	req.Header.Set("Authorization", "Bearer "+c.token)
	return c.env.NewClient().Do(req)
}

type uploadAnswer struct {
	Results []struct {
		File        string `json:"file"`
		CandidateID int64  `json:"candidate_id"`
		Error       string `json:"error"`
	} `json:"results"`
}

func TestAPIUploadAndRead(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		rec := newAPIClient(t, env, "rec@example.com", user.Recruiter)

		res := rec.upload(t, 0, upFile{"Ada \"CV\".txt", sampleResume("Ada Lovelace", "ada@example.com")},
			upFile{"empty.pdf", nil})
		if res.StatusCode != http.StatusOK {
			t.Fatalf("upload = %d %s", res.StatusCode, res.Body)
		}
		var ans uploadAnswer
		json.Unmarshal([]byte(res.Body), &ans)
		if len(ans.Results) != 2 || ans.Results[0].CandidateID == 0 || ans.Results[1].Error == "" {
			t.Fatalf("results = %+v, want a candidate and an error", ans.Results)
		}
		id := ans.Results[0].CandidateID

		list := rec.do("GET", "/api/v1/candidates?q=lovelace", "")
		if !strings.Contains(list.Body, `"more": false`) || strings.Count(list.Body, `"id":`) != 1 ||
			!strings.Contains(list.Body, "ada@example.com") {
			t.Errorf("search = %s, want Ada", list.Body)
		}
		one := rec.do("GET", fmt.Sprintf("/api/v1/candidates/%d", id), "")
		if one.StatusCode != 200 || !strings.Contains(one.Body, "Kubernetes") ||
			!strings.Contains(one.Body, `"quality"`) {
			t.Errorf("GET candidate = %d %s, want text and quality", one.StatusCode, one.Body)
		}
		file := rec.do("GET", fmt.Sprintf("/api/v1/candidates/%d/resume", id), "")
		disp := file.Header.Get("Content-Disposition")
		if file.StatusCode != 200 || !strings.HasPrefix(disp, "attachment;") || strings.Count(disp, `"`) != 2 {
			t.Errorf("download = %d, Content-Disposition %q; want a quoted attachment name", file.StatusCode, disp)
		}
		if !strings.Contains(file.Body, "Ada Lovelace") {
			t.Error("download is not the original file")
		}

		many := make([]upFile, 11)
		for i := range many {
			many[i] = upFile{fmt.Sprintf("r%d.txt", i), sampleResume(fmt.Sprint("P", i), "")}
		}
		if res := rec.upload(t, 0, many...); res.StatusCode != 422 || !strings.Contains(res.Body, "At most 10") {
			t.Errorf("11 files = %d %s, want 422 naming the limit", res.StatusCode, res.Body)
		}
		if res := rec.upload(t, 9999, many[0]); res.StatusCode != 404 {
			t.Errorf("upload into an unknown job = %d, want 404", res.StatusCode)
		}
	})
}

func TestAPIDeletionRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		rec := newAPIClient(t, env, "rec@example.com", user.Recruiter)
		mgr := newAPIClient(t, env, "mgr@example.com", user.Manager)
		admin := newAPIClient(t, env, "admin@example.com", user.Admin)
		var ans uploadAnswer
		json.Unmarshal([]byte(rec.upload(t, 0, upFile{"a.txt", sampleResume("Ada", "a@example.com")}).Body), &ans)
		path := fmt.Sprintf("/api/v1/candidates/%d", ans.Results[0].CandidateID)

		steps := []struct {
			name   string
			client apiClient
			method string
			path   string
			body   string
			want   int
		}{
			{"delete without reason", rec, "DELETE", path, `{}`, 422},
			{"recruiter deletes", rec, "DELETE", path, `{"reason":"Withdrew from the process"}`, 200},
			{"recruiter no longer sees it", rec, "GET", path, "", 404},
			{"recruiter cannot list the trash", rec, "GET", "/api/v1/candidates?deleted=true", "", 403},
			{"manager cannot restore", mgr, "POST", path + "/restore", "", 403},
			{"manager cannot purge", mgr, "POST", path + "/purge", "", 403},
			{"admin sees the trash", admin, "GET", "/api/v1/candidates?deleted=true", "", 200},
			{"admin restores", admin, "POST", path + "/restore", "", 200},
			{"second restore loses", admin, "POST", path + "/restore", "", 409},
			{"purge of an active one refused", admin, "POST", path + "/purge", "", 409},
			{"admin deletes", admin, "DELETE", path, `{"reason":"Duplicate of another candidate"}`, 200},
			{"admin purges", admin, "POST", path + "/purge", "", 200},
			{"gone for good", admin, "GET", path, "", 404},
		}
		for _, st := range steps {
			res := st.client.do(st.method, st.path, st.body)
			if res.StatusCode != st.want {
				t.Fatalf("%s: %s %s = %d %s, want %d", st.name, st.method, st.path, res.StatusCode,
					res.Body, st.want)
			}
			if st.name == "admin sees the trash" && !strings.Contains(res.Body, "rec@example.com (recruiter)") {
				t.Errorf("trash does not name who deleted: %s", res.Body)
			}
		}
	})
}

func TestAPIJobs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		rec := newAPIClient(t, env, "rec@example.com", user.Recruiter)
		mgr := newAPIClient(t, env, "mgr@example.com", user.Manager)

		body := `{"title":"Backend engineer","description":"Minimum qualifications: 5+ years of ` +
			`experience with Go and PostgreSQL.","propose_requirements":true}`
		if res := rec.do("POST", "/api/v1/jobs", body); res.StatusCode != 403 {
			t.Errorf("recruiter creates a job = %d, want 403", res.StatusCode)
		}
		res := mgr.do("POST", "/api/v1/jobs", body)
		if res.StatusCode != 201 || !strings.Contains(res.Body, `"kind": "must"`) {
			t.Fatalf("create = %d %s, want 201 with proposed requirements", res.StatusCode, res.Body)
		}
		var j struct{ ID int64 }
		json.Unmarshal([]byte(res.Body), &j)
		path := fmt.Sprintf("/api/v1/jobs/%d", j.ID)

		res = mgr.do("PATCH", path, `{"requirements":[{"kind":"must","text":"Rust","weight":2}],"status":"closed"}`)
		if res.StatusCode != 200 || !strings.Contains(res.Body, `"Rust"`) || !strings.Contains(res.Body, `"closed"`) {
			t.Errorf("patch = %d %s", res.StatusCode, res.Body)
		}
		if res := rec.do("GET", path, ""); res.StatusCode != 404 {
			t.Errorf("recruiter reads a closed job = %d, want 404", res.StatusCode)
		}
		if res := mgr.do("PATCH", path, `{"title":""}`); res.StatusCode != 422 {
			t.Errorf("empty title = %d, want 422", res.StatusCode)
		}
		if res := rec.do("GET", "/api/v1/openapi.json", ""); !json.Valid([]byte(res.Body)) {
			t.Error("openapi.json is not valid JSON")
		}
	})
}
