package loadtest

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
)

// discoverPages is how many pages of 200 candidates are read before a run
// to find candidates to open, delete and vet.
//
// TODO: the run opens only this sample of 1,000 candidates, so the
// database's cache holds a smaller working set than people browsing all
// 100,000 at random would need; cold-cache reads are under-represented.
const discoverPages = 5

// discover reads the jobs and a sample of candidates spread over the whole
// list, and the trash when an admin is signed in. It is not measured.
func discover(ctx context.Context, users []*vuser) (*pool, []string, error) {
	v := users[0]
	p := &pool{}
	var jobs struct {
		Jobs []struct {
			ID     int64
			Status string
		}
	}
	if err := getJSON(ctx, v, "/api/v1/jobs", &jobs); err != nil {
		return nil, nil, err
	}
	// Closed jobs have no ranking to show.
	for _, j := range jobs.Jobs {
		if j.Status != "closed" {
			p.jobs = append(p.jobs, j.ID)
		}
	}
	var list candidateList
	if err := getJSON(ctx, v, "/api/v1/candidates?per_page=200", &list); err != nil {
		return nil, nil, err
	}
	p.live = list.ids()
	rng := rand.New(rand.NewPCG(7, 7))
	for range discoverPages - 1 {
		page := 2 + rng.IntN(max(1, list.Total/200))
		var more candidateList
		path := fmt.Sprintf("/api/v1/candidates?per_page=200&page=%d", page)
		if err := getJSON(ctx, v, path, &more); err != nil {
			return nil, nil, err
		}
		p.live = append(p.live, more.ids()...)
	}
	notes := []string{fmt.Sprintf("found %d open jobs and %d candidates (sampled %d)", len(p.jobs),
		list.Total, len(p.live))}
	if admins := byRole(users, "admin"); len(admins) > 0 {
		var trash candidateList
		if err := getJSON(ctx, admins[0], "/api/v1/candidates?deleted=true&per_page=200",
			&trash); err != nil {
			return nil, nil, err
		}
		p.trash = trash.ids()
		notes = append(notes, fmt.Sprintf("found %d candidates in the trash", trash.Total))
	}
	return p, notes, nil
}

type candidateList struct {
	Candidates []struct{ ID int64 }
	Total      int
}

func (l candidateList) ids() []int64 {
	out := make([]int64, len(l.Candidates))
	for i, c := range l.Candidates {
		out[i] = c.ID
	}
	return out
}

func getJSON(ctx context.Context, v *vuser, path string, dst any) error {
	a, err := v.send(ctx, http.MethodGet, path, nil, "", false)
	if err != nil {
		return fmt.Errorf("load test: %w", err)
	}
	if a.status != http.StatusOK {
		return fmt.Errorf("load test: GET %s: status %d", path, a.status)
	}
	if err := json.Unmarshal(a.body, dst); err != nil {
		return fmt.Errorf("load test: GET %s: %w", path, err)
	}
	return nil
}

// askVettings asks, as an admin, for vettings of every candidate of the
// first n jobs, and says how many were queued.
func askVettings(ctx context.Context, users []*vuser, p *pool, n int) string {
	admins := byRole(users, "admin")
	if len(admins) == 0 {
		return "no admin signed in: no vettings asked for"
	}
	queued := 0
	for _, job := range p.jobs[:min(n, len(p.jobs))] {
		a, err := admins[0].send(ctx, http.MethodPost, fmt.Sprintf("/api/v1/jobs/%d/vet", job),
			strings.NewReader(`{"all": true}`), "application/json", true)
		if err != nil || a.status != http.StatusAccepted {
			return fmt.Sprintf("asking for vettings of job %d failed: %v (status %d)", job, err,
				a.status)
		}
		var out struct {
			IDs []int64 `json:"vetting_ids"`
		}
		_ = json.Unmarshal(a.body, &out)
		queued += len(out.IDs)
	}
	return fmt.Sprintf("asked for %d vettings of %d jobs before the run", queued, min(n, len(p.jobs)))
}
