package web

import (
	"encoding/csv"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/dashboard"
	"shortlist/internal/fault"
	"shortlist/internal/user"
)

// logFilter reads the activity log's filters from the query: user_id,
// action, from and to (RFC 3339 times or dates; to is exclusive for a time
// and includes the whole day for a date), page and per_page. A recruiter
// sees only their own rows.
func logFilter(r *http.Request) (dashboard.LogFilter, error) {
	q := r.URL.Query()
	f := dashboard.LogFilter{Action: q.Get("action"), Page: 1, PerPage: 50}
	var err error
	if f.UserID, err = queryID(q, "user_id"); err != nil {
		return f, err
	}
	if f.From, err = queryTime(q, "from", 0); err != nil {
		return f, err
	}
	if f.To, err = queryTime(q, "to", 1); err != nil {
		return f, err
	}
	for name, dst := range map[string]*int{"page": &f.Page, "per_page": &f.PerPage} {
		if v := q.Get(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				return f, fault.Invalidf("%s must be a whole number of 1 or more.", name)
			}
			*dst = n
		}
	}
	if f.PerPage > dashboard.MaxPerPage {
		return f, fault.Invalidf("per_page may be at most %d.", dashboard.MaxPerPage)
	}
	if u := currentUser(r); !u.Role.AtLeast(user.Manager) {
		f.UserID = u.ID
	}
	return f, nil
}

// queryTime reads an optional RFC 3339 time or date; a date is moved on by
// addDays, so that "to=2026-01-31" includes that day.
func queryTime(q url.Values, name string, addDays int) (time.Time, error) {
	v := q.Get(name)
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.UTC(), nil
	}
	d, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, fault.Invalidf("%s must be a date such as 2026-01-31 or an RFC 3339 "+
			"time.", name)
	}
	return d.AddDate(0, 0, addDays), nil
}

func (s *Server) apiActivity(w http.ResponseWriter, r *http.Request) error {
	f, err := logFilter(r)
	if err != nil {
		return err
	}
	p, err := s.Dashboard.ActivityLog(r.Context(), f)
	if err != nil {
		return err
	}
	out := make([]dashboard.Activity, 0, len(p.Events))
	for _, e := range p.Events {
		out = append(out, dashboard.ToActivity(e))
	}
	writeJSON(w, http.StatusOK, map[string]any{"activity": out, "total": p.Total,
		"page": p.Page, "per_page": p.PerPage})
	return nil
}

// csvHeader names the columns of the activity export.
var csvHeader = []string{"id", "at", "actor_id", "actor_email", "actor_role", "action",
	"subject_type", "subject_id", "detail"}

// apiActivityCSV streams the filtered activity log as CSV, oldest first,
// row by row as the database returns them. Paging is ignored: the export
// holds every matching row.
func (s *Server) apiActivityCSV(w http.ResponseWriter, r *http.Request) error {
	f, err := logFilter(r)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="activity.csv"`)
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return nil
	}
	err = s.Dashboard.EachActivity(r.Context(), f, func(e activity.Event) error {
		return cw.Write([]string{
			strconv.FormatInt(e.ID, 10), e.At.UTC().Format(time.RFC3339), idText(e.Actor.ID),
			csvSafe(e.Actor.Email), csvSafe(e.Actor.Role), csvSafe(string(e.Action)),
			csvSafe(e.SubjectType), idText(e.SubjectID), csvSafe(e.Detail),
		})
	})
	cw.Flush()
	if err != nil {
		// The header is out; the truncated file is all the client gets.
		s.Log.WarnContext(r.Context(), "activity export failed",
			slog.String("request_id", requestID(r)), slog.String("error", err.Error()))
	}
	return nil
}

func idText(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

// csvSafe keeps a spreadsheet from reading a cell as a formula.
func csvSafe(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@') {
		return "'" + s
	}
	return s
}
