package web

import (
	"encoding/json"
	"net/http"
	"time"

	"shortlist/internal/fault"
	"shortlist/internal/user"
)

// apiUser is a user as the JSON API shows it.
type apiUser struct {
	ID        int64     `json:"id"`
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	Role      user.Role `json:"role"`
	Disabled  bool      `json:"disabled"`
	CreatedAt time.Time `json:"created_at"`
}

func toAPIUser(u *user.User) apiUser {
	return apiUser{ID: u.ID, Email: u.Email, Name: u.Name, Role: u.Role, Disabled: u.Disabled,
		CreatedAt: u.CreatedAt}
}

// decodeJSON reads a JSON request body into v, refusing unknown fields.
func decodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fault.Wrap(fault.Invalid, err, "The request body is not valid JSON for this route: %v", err)
	}
	return nil
}

func (s *Server) apiMe(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, toAPIUser(currentUser(r)))
	return nil
}

func (s *Server) apiUsers(w http.ResponseWriter, r *http.Request) error {
	us, err := s.Users.Users(r.Context(), currentUser(r))
	if err != nil {
		return err
	}
	out := make([]apiUser, 0, len(us))
	for i := range us {
		out = append(out, toAPIUser(&us[i]))
	}
	writeJSON(w, http.StatusOK, map[string]any{"users": out})
	return nil
}

func (s *Server) apiUserCreate(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Email    string `json:"email"`
		Name     string `json:"name"`
		Role     string `json:"role"`
		Password string `json:"password"`
	}
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	role, err := user.ParseRole(in.Role)
	if err != nil {
		return err
	}
	u, generated, err := s.Users.Create(r.Context(), currentUser(r),
		user.NewUser{Email: in.Email, Name: in.Name, Role: role, Password: in.Password})
	if err != nil {
		return err
	}
	out := struct {
		apiUser
		Password string `json:"password,omitempty"`
	}{toAPIUser(u), generated}
	writeJSON(w, http.StatusCreated, out)
	return nil
}
