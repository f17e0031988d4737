package loadtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// op is one kind of request of the mix and how often it comes up.
type op struct {
	name   string
	weight int
	admin  bool // only an admin may do it
	do     doFunc
}

// errNoSubject means the op had nothing to act on (say, an empty trash) and
// sent no request.
var errNoSubject = errors.New("nothing to act on")

// browseOps is what people mostly do: look at lists, search, open
// candidates, watch the dashboard and look at rankings.
var browseOps = []op{
	{name: "list", weight: 25, do: list},
	{name: "search", weight: 20, do: search},
	{name: "detail", weight: 25, do: detail},
	{name: "dashboard", weight: 10, do: get("/dashboard")},
	{name: "dashboard_api", weight: 10, do: get("/api/v1/dashboard")},
	{name: "ranking", weight: 10, do: ranking},
}

// doFunc sends the request of one op.
type doFunc = func(ctx context.Context, p *pool, v *vuser, rng *rand.Rand) (answer, error)

func get(path string) doFunc {
	return func(ctx context.Context, _ *pool, v *vuser, _ *rand.Rand) (answer, error) {
		return v.send(ctx, http.MethodGet, path, nil, "", false)
	}
}

func list(ctx context.Context, _ *pool, v *vuser, rng *rand.Rand) (answer, error) {
	// Most people look at the first page; some page further.
	page := 1
	if rng.IntN(10) < 4 {
		page = 2 + rng.IntN(19)
	}
	return v.send(ctx, http.MethodGet, "/candidates?page="+strconv.Itoa(page), nil, "", false)
}

func search(ctx context.Context, _ *pool, v *vuser, rng *rand.Rand) (answer, error) {
	q := url.QueryEscape(SearchWord(rng))
	return v.send(ctx, http.MethodGet, "/candidates?q="+q, nil, "", false)
}

func detail(ctx context.Context, p *pool, v *vuser, rng *rand.Rand) (answer, error) {
	id, ok := p.pickLive(rng)
	if !ok {
		return answer{}, errNoSubject
	}
	return v.send(ctx, http.MethodGet, fmt.Sprintf("/candidates/%d", id), nil, "", false)
}

func ranking(ctx context.Context, p *pool, v *vuser, rng *rand.Rand) (answer, error) {
	id, ok := p.pickJob(rng)
	if !ok {
		return answer{}, errNoSubject
	}
	return v.send(ctx, http.MethodGet, fmt.Sprintf("/jobs/%d/ranking", id), nil, "", false)
}

// writeOps are added to the mix by --writes: uploads, soft deletes,
// restores by an admin and vetting requests.
var writeOps = []op{
	{name: "upload", weight: 5, do: upload},
	{name: "delete", weight: 4, do: softDelete},
	{name: "restore", weight: 3, admin: true, do: restore},
	{name: "vet", weight: 3, do: vet},
}

func upload(ctx context.Context, p *pool, v *vuser, rng *rand.Rand) (answer, error) {
	who := newPerson(rng, "up", rng.IntN(1<<30))
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if id, ok := p.pickJob(rng); ok {
		_ = mw.WriteField("job_id", strconv.FormatInt(id, 10))
	}
	fw, _ := mw.CreateFormFile("file", "resume.txt")
	_, _ = fw.Write([]byte(resumeText(rng, who, 2048+rng.IntN(4097))))
	_ = mw.Close()
	return v.send(ctx, http.MethodPost, "/api/v1/candidates", &body, mw.FormDataContentType(),
		true)
}

func softDelete(ctx context.Context, p *pool, v *vuser, rng *rand.Rand) (answer, error) {
	id, ok := p.takeLive(rng)
	if !ok {
		return answer{}, errNoSubject
	}
	form := url.Values{"reason": {pick(rng, deletionReasons)}}
	a, err := v.send(ctx, http.MethodPost, fmt.Sprintf("/candidates/%d/delete", id),
		strings.NewReader(form.Encode()), "application/x-www-form-urlencoded", true)
	if err == nil && a.status < 400 {
		p.addTrash(id)
	} else {
		p.addLive(id)
	}
	return a, err
}

func restore(ctx context.Context, p *pool, v *vuser, _ *rand.Rand) (answer, error) {
	id, ok := p.takeTrash()
	if !ok {
		return answer{}, errNoSubject
	}
	a, err := v.send(ctx, http.MethodPost, fmt.Sprintf("/trash/%d/restore", id), nil, "", true)
	if err == nil && a.status < 400 {
		p.addLive(id)
	} else {
		p.addTrash(id)
	}
	return a, err
}

func vet(ctx context.Context, p *pool, v *vuser, rng *rand.Rand) (answer, error) {
	id, ok := p.pickLive(rng)
	job, jok := p.pickJob(rng)
	if !ok || !jok {
		return answer{}, errNoSubject
	}
	form := url.Values{"job_id": {strconv.FormatInt(job, 10)}}
	return v.send(ctx, http.MethodPost, fmt.Sprintf("/candidates/%d/vet", id),
		strings.NewReader(form.Encode()), "application/x-www-form-urlencoded", true)
}
