package web

import (
	"fmt"
	"net/http"
	"strconv"

	"shortlist/internal/fault"
	"shortlist/internal/user"
)

// UsersPage is the model of the admin's Users page.
type UsersPage struct {
	Page
	Rows   []UserRow
	Roles  []user.Role
	Notice string // a one-time message, such as a generated password
}

// UserRow is the model of one row of the users table.
type UserRow struct {
	User   user.User
	CSRF   string
	Roles  []user.Role
	Notice string
}

func (s *Server) usersModel(w http.ResponseWriter, r *http.Request) (UsersPage, error) {
	p := UsersPage{Page: s.newPage(w, r, "Users"), Roles: user.Roles}
	us, err := s.Users.Users(r.Context(), currentUser(r))
	if err != nil {
		return p, err
	}
	for _, u := range us {
		p.Rows = append(p.Rows, UserRow{User: u, CSRF: p.CSRF, Roles: user.Roles})
	}
	return p, nil
}

func (s *Server) usersPage(w http.ResponseWriter, r *http.Request) error {
	p, err := s.usersModel(w, r)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "users", "", p)
}

func (s *Server) userCreate(w http.ResponseWriter, r *http.Request) error {
	role, err := user.ParseRole(r.PostFormValue("role"))
	if err != nil {
		return err
	}
	u, generated, err := s.Users.Create(r.Context(), currentUser(r), user.NewUser{
		Email: r.PostFormValue("email"), Name: r.PostFormValue("name"), Role: role,
		Password: r.PostFormValue("password"),
	})
	if err != nil {
		return err
	}
	p, err := s.usersModel(w, r)
	if err != nil {
		return err
	}
	if generated != "" {
		p.Notice = fmt.Sprintf("Password for %s: %s — it is shown only this once.", u.Email, generated)
	}
	return s.respond(w, r, "users", "users-table", p, fmt.Sprintf("%s was added as %s.", u.Email, u.Role))
}

// userID reads the {id} of a user route.
func userID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return 0, fault.NotFoundf("No such user.")
	}
	return id, nil
}

func (s *Server) userSetRole(w http.ResponseWriter, r *http.Request) error {
	id, err := userID(r)
	if err != nil {
		return err
	}
	role, err := user.ParseRole(r.PostFormValue("role"))
	if err != nil {
		return err
	}
	u, err := s.Users.SetRole(r.Context(), currentUser(r), id, role)
	if err != nil {
		return err
	}
	return s.respondRow(w, r, u, "", fmt.Sprintf("%s is now %s.", u.Email, u.Role))
}

func (s *Server) userSetDisabled(w http.ResponseWriter, r *http.Request) error {
	id, err := userID(r)
	if err != nil {
		return err
	}
	disabled, err := strconv.ParseBool(r.PostFormValue("disabled"))
	if err != nil {
		return fault.Invalidf("disabled must be true or false.")
	}
	u, err := s.Users.SetDisabled(r.Context(), currentUser(r), id, disabled)
	if err != nil {
		return err
	}
	msg := u.Email + " is enabled."
	if u.Disabled {
		msg = u.Email + " is disabled and signed out."
	}
	return s.respondRow(w, r, u, "", msg)
}

func (s *Server) userResetPassword(w http.ResponseWriter, r *http.Request) error {
	id, err := userID(r)
	if err != nil {
		return err
	}
	password, err := s.Users.ResetPassword(r.Context(), currentUser(r), id, "")
	if err != nil {
		return err
	}
	u, err := s.Users.User(r.Context(), currentUser(r), id)
	if err != nil {
		return err
	}
	notice := fmt.Sprintf("New password: %s — shown only this once.", password)
	return s.respondRow(w, r, u, notice, "The password of "+u.Email+" was reset.")
}

// respondRow answers an htmx request with the changed row and a toast, and a
// plain form post with the whole page.
func (s *Server) respondRow(w http.ResponseWriter, r *http.Request, u *user.User, notice, msg string) error {
	if !isHTMX(r) {
		p, err := s.usersModel(w, r)
		if err != nil {
			return err
		}
		p.Notice = notice
		p.Toasts = append(p.Toasts, Toast{Kind: "success", Message: msg})
		return s.render(w, http.StatusOK, "users", "", p)
	}
	row := UserRow{User: *u, CSRF: currentSession(r).CSRF, Roles: user.Roles, Notice: notice}
	toast(w, "success", msg)
	return s.render(w, http.StatusOK, "users", "user-row", row)
}

// respond renders block of page with a toast for htmx, or the whole page with
// the same toast for a plain form post.
func (s *Server) respond(w http.ResponseWriter, r *http.Request, page, block string, p UsersPage, msg string) error {
	if isHTMX(r) {
		toast(w, "success", msg)
		return s.render(w, http.StatusOK, page, block, p)
	}
	p.Toasts = append(p.Toasts, Toast{Kind: "success", Message: msg})
	return s.render(w, http.StatusOK, page, "", p)
}
