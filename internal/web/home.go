package web

import (
	"net/http"

	"shortlist/internal/activity"
	"shortlist/internal/user"
)

// HomePage is the model of the home page.
type HomePage struct {
	Page
	AllActivity bool // managers and admins see everyone's activity
	Activity    []activity.Event
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	u := currentUser(r)
	p := HomePage{Page: s.newPage(w, r, "Home"), AllActivity: u.Role.AtLeast(user.Manager)}
	actor := u.ID
	if p.AllActivity {
		actor = 0
	}
	var err error
	if p.Activity, err = s.Activity.RecentActivity(r.Context(), actor, 20); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "home", "", p)
}
