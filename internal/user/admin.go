package user

import (
	"context"
	"fmt"
	"strings"

	"shortlist/internal/activity"
	"shortlist/internal/fault"
)

// requireAdmin refuses anyone but an admin. A nil actor is the operator at the
// command line, who may do anything.
func requireAdmin(actor *User) error {
	if actor != nil && actor.Role != Admin {
		return fault.Forbiddenf("Only admins can manage users.")
	}
	return nil
}

// NewUser is what it takes to create an account.
type NewUser struct {
	Email    string
	Name     string
	Role     Role
	Password string // empty: a password is generated
}

// Create adds an account. It returns the user and, when none was given, the
// generated password, which is shown once and never stored in clear.
func (s *Service) Create(ctx context.Context, actor *User, n NewUser) (*User, string, error) {
	if err := requireAdmin(actor); err != nil {
		return nil, "", err
	}
	email, err := NormalizeEmail(n.Email)
	if err != nil {
		return nil, "", err
	}
	if _, err := ParseRole(string(n.Role)); err != nil {
		return nil, "", err
	}
	generated := ""
	if n.Password == "" {
		generated = GeneratePassword()
		n.Password = generated
	}
	if err := CheckPassword(n.Password); err != nil {
		return nil, "", err
	}
	hash, err := HashPassword(n.Password)
	if err != nil {
		return nil, "", err
	}

	u := &User{Email: email, Name: strings.TrimSpace(n.Name), Role: n.Role}
	ev := activity.New(actor.Actor(), activity.UserCreated, "user", 0,
		fmt.Sprintf("%s as %s", email, n.Role))
	if err := s.store.CreateUser(ctx, u, hash, ev); err != nil {
		return nil, "", fmt.Errorf("create user: %w", err)
	}
	return u, generated, nil
}

// Users lists every account.
func (s *Service) Users(ctx context.Context, actor *User) ([]User, error) {
	if err := requireAdmin(actor); err != nil {
		return nil, err
	}
	us, err := s.store.Users(ctx)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	return us, nil
}

// Lookup finds an account by email.
func (s *Service) Lookup(ctx context.Context, email string) (*User, error) {
	u, err := s.store.UserByEmail(ctx, strings.ToLower(strings.TrimSpace(email)))
	if err != nil {
		return nil, fmt.Errorf("look up user: %w", err)
	}
	return u, nil
}

// SetRole changes a user's role; it applies from their next request.
func (s *Service) SetRole(ctx context.Context, actor *User, id int64, role Role) (*User, error) {
	if err := requireAdmin(actor); err != nil {
		return nil, err
	}
	if _, err := ParseRole(string(role)); err != nil {
		return nil, err
	}
	u, err := s.store.UserByID(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("set role of %d: %w", id, err)
	}
	if u.Role == role {
		return u, nil
	}
	if err := s.keepAnAdmin(ctx, u); err != nil {
		return nil, err
	}
	ev := activity.New(actor.Actor(), activity.UserRoleChanged, "user", u.ID,
		fmt.Sprintf("%s from %s to %s", u.Email, u.Role, role))
	u.Role = role
	if err := s.store.UpdateUser(ctx, u, ev); err != nil {
		return nil, fmt.Errorf("set role of %d: %w", id, err)
	}
	return u, nil
}

// SetDisabled disables or re-enables an account. Disabling ends every session
// of the user at once.
func (s *Service) SetDisabled(ctx context.Context, actor *User, id int64, disabled bool) (*User, error) {
	if err := requireAdmin(actor); err != nil {
		return nil, err
	}
	u, err := s.store.UserByID(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("disable %d: %w", id, err)
	}
	if u.Disabled == disabled {
		return u, nil
	}
	if disabled {
		if err := s.keepAnAdmin(ctx, u); err != nil {
			return nil, err
		}
	}
	action := activity.UserEnabled
	if disabled {
		action = activity.UserDisabled
	}
	u.Disabled = disabled
	if err := s.store.UpdateUser(ctx, u, activity.New(actor.Actor(), action, "user", u.ID, u.Email)); err != nil {
		return nil, fmt.Errorf("disable %d: %w", id, err)
	}
	return u, nil
}

// keepAnAdmin refuses a change that would leave no active admin.
func (s *Service) keepAnAdmin(ctx context.Context, u *User) error {
	if u.Role != Admin || u.Disabled {
		return nil
	}
	n, err := s.store.CountActiveAdmins(ctx)
	if err != nil {
		return fmt.Errorf("count admins: %w", err)
	}
	if n <= 1 {
		return fault.Conflictf("%s is the last active admin; make another admin first.", u.Email)
	}
	return nil
}

// ResetPassword sets a new password (generated when empty, and then
// returned) and ends the user's sessions.
func (s *Service) ResetPassword(ctx context.Context, actor *User, id int64, password string) (string, error) {
	if err := requireAdmin(actor); err != nil {
		return "", err
	}
	generated := ""
	if password == "" {
		generated = GeneratePassword()
		password = generated
	}
	if err := CheckPassword(password); err != nil {
		return "", err
	}
	u, err := s.store.UserByID(ctx, id)
	if err != nil {
		return "", fmt.Errorf("reset password of %d: %w", id, err)
	}
	hash, err := HashPassword(password)
	if err != nil {
		return "", err
	}
	ev := activity.New(actor.Actor(), activity.PasswordReset, "user", u.ID, u.Email)
	if err := s.store.SetPassword(ctx, u.ID, hash, ev); err != nil {
		return "", fmt.Errorf("reset password of %d: %w", id, err)
	}
	return generated, nil
}

// CreateToken makes an API token for the user with the given email and
// returns it; it is shown once and only its hash is kept.
func (s *Service) CreateToken(ctx context.Context, actor *User, email, name string) (string, error) {
	if err := requireAdmin(actor); err != nil {
		return "", err
	}
	u, err := s.Lookup(ctx, email)
	if err != nil {
		return "", err
	}
	if u.Disabled {
		return "", fault.Conflictf("%s is disabled.", u.Email)
	}
	secret := "sl_" + newSecret()
	t := &Token{UserID: u.ID, Name: strings.TrimSpace(name), Hash: hashSecret(s.secret, secret),
		CreatedAt: s.now()}
	ev := activity.New(actor.Actor(), activity.TokenCreated, "user", u.ID, u.Email)
	if err := s.store.CreateToken(ctx, t, ev); err != nil {
		return "", fmt.Errorf("create token for %d: %w", u.ID, err)
	}
	return secret, nil
}

// Bootstrap creates the first admin when there are no users at all. With an
// empty password it generates one and returns it, to be shown once.
// It reports whether it created anyone.
func (s *Service) Bootstrap(ctx context.Context, email, password string) (bool, string, error) {
	n, err := s.store.CountUsers(ctx)
	if err != nil {
		return false, "", fmt.Errorf("bootstrap: %w", err)
	}
	if n > 0 {
		return false, "", nil
	}
	if email == "" {
		email = "admin@example.com"
	}
	_, generated, err := s.Create(ctx, nil, NewUser{Email: email, Role: Admin, Password: password})
	if fault.KindOf(err) == fault.Conflict {
		return false, "", nil // another replica got there first
	}
	if err != nil {
		return false, "", fmt.Errorf("bootstrap: %w", err)
	}
	return true, generated, nil
}

// User returns one account.
func (s *Service) User(ctx context.Context, actor *User, id int64) (*User, error) {
	if err := requireAdmin(actor); err != nil {
		return nil, err
	}
	u, err := s.store.UserByID(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("get user %d: %w", id, err)
	}
	return u, nil
}
