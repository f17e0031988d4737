package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/dashboard"
	"shortlist/internal/fault"
	"shortlist/internal/job"
	"shortlist/internal/user"
)

// Dashboard is what the activity dashboard, the activity API and the live
// event stream read.
type Dashboard interface {
	DashboardFigures(ctx context.Context, f dashboard.Filter) (*dashboard.Figures, error)
	ActivityLog(ctx context.Context, f dashboard.LogFilter) (dashboard.LogPage, error)
	EachActivity(ctx context.Context, f dashboard.LogFilter, fn func(activity.Event) error) error
	ActivityAfter(ctx context.Context, after int64, limit int) ([]activity.Event, error)
	DashboardPeople(ctx context.Context) ([]dashboard.Person, error)
	Subscribe(ctx context.Context) <-chan activity.Event
}

// DashboardPage is the model of the activity dashboard.
type DashboardPage struct {
	Page
	Figures  *dashboard.Figures
	Periods  []int
	Jobs     []job.Job
	People   []dashboard.Person // empty for recruiters, who see only themselves
	Everyone bool               // managers and admins may look at anyone
	Query    string             // the filter as a query string, for the JSON endpoint
}

// dashboardFilter reads the period, job and person from the query. A
// recruiter's figures are always their own, whatever the query asks.
func dashboardFilter(r *http.Request) (dashboard.Filter, error) {
	q := r.URL.Query()
	f := dashboard.Filter{Days: dashboard.DefaultDays, Now: time.Now().UTC()}
	if v := q.Get("days"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 366 {
			return f, fault.Invalidf("days must be a whole number from 1 to 366.")
		}
		f.Days = n
	}
	var err error
	if f.JobID, err = queryID(q, "job_id"); err != nil {
		return f, err
	}
	if f.UserID, err = queryID(q, "user_id"); err != nil {
		return f, err
	}
	if u := currentUser(r); !u.Role.AtLeast(user.Manager) {
		f.UserID = u.ID
	}
	return f, nil
}

// queryID reads an optional positive id from the query.
func queryID(q url.Values, name string) (int64, error) {
	v := q.Get(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return 0, fault.Invalidf("%s must be a number.", name)
	}
	return n, nil
}

func (s *Server) dashboardPage(w http.ResponseWriter, r *http.Request) error {
	f, err := dashboardFilter(r)
	if err != nil {
		return err
	}
	u := currentUser(r)
	p := DashboardPage{Page: s.newPage(w, r, "Dashboard"), Periods: dashboard.Periods,
		Everyone: u.Role.AtLeast(user.Manager), Query: dashboardQuery(f)}
	if !slices.Contains(p.Periods, f.Days) {
		p.Periods = append(slices.Clone(p.Periods), f.Days)
		slices.Sort(p.Periods)
	}
	ctx := r.Context()
	if p.Figures, err = s.Dashboard.DashboardFigures(ctx, f); err != nil {
		return err
	}
	if p.Jobs, err = s.Jobs.List(ctx, u, ""); err != nil {
		return err
	}
	if p.Everyone {
		if p.People, err = s.Dashboard.DashboardPeople(ctx); err != nil {
			return err
		}
	}
	return s.render(w, http.StatusOK, "dashboard", "", p)
}

// dashboardQuery writes f back as the query of the JSON endpoint.
func dashboardQuery(f dashboard.Filter) string {
	q := url.Values{"days": {strconv.Itoa(f.Days)}}
	if f.JobID != 0 {
		q.Set("job_id", strconv.FormatInt(f.JobID, 10))
	}
	if f.UserID != 0 {
		q.Set("user_id", strconv.FormatInt(f.UserID, 10))
	}
	return q.Encode()
}

func (s *Server) apiDashboard(w http.ResponseWriter, r *http.Request) error {
	f, err := dashboardFilter(r)
	if err != nil {
		return err
	}
	figs, err := s.Dashboard.DashboardFigures(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, figs)
	return nil
}
