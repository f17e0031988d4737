package user_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"shortlist/internal/fault"
	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
	"shortlist/internal/user"
)

// clock is a settable time source for expiry tests.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newService(t *testing.T, db *store.DB, c *clock) *user.Service {
	t.Helper()
	svc, err := user.NewService(db, user.Options{
		Secret: []byte("test secret"), SessionIdle: time.Hour, SessionMax: 24 * time.Hour, Now: c.now,
	})
	if err != nil {
		t.Fatalf("NewService: %v", err)
	}
	return svc
}

func mustCreate(t *testing.T, svc *user.Service, email string, role user.Role) *user.User {
	t.Helper()
	u, _, err := svc.Create(context.Background(), nil,
		user.NewUser{Email: email, Role: role, Password: "correct horse battery"})
	if err != nil {
		t.Fatalf("Create(%s): %v", email, err)
	}
	return u
}

func TestLogin(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := &clock{t: time.Now().UTC()}
		svc := newService(t, db, c)
		mustCreate(t, svc, "Rita@Example.com", user.Recruiter)
		off := mustCreate(t, svc, "off@example.com", user.Recruiter)
		admin := mustCreate(t, svc, "admin@example.com", user.Admin)
		if _, err := svc.SetDisabled(ctx, admin, off.ID, true); err != nil {
			t.Fatalf("SetDisabled: %v", err)
		}

		tests := []struct {
			name, email, password string
			wantErr               error
		}{
			{"right password", "rita@example.com", "correct horse battery", nil},
			{"email in other case", " RITA@example.com ", "correct horse battery", nil},
			{"wrong password", "rita@example.com", "wrong horse battery", user.ErrBadCredentials},
			{"unknown email", "nobody@example.com", "correct horse battery", user.ErrBadCredentials},
			{"disabled account", "off@example.com", "correct horse battery", user.ErrBadCredentials},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				token, _, err := svc.Login(ctx, tc.email, tc.password, "127.0.0.1", "test")
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("Login(%q) error = %v, want %v", tc.email, err, tc.wantErr)
				}
				if tc.wantErr != nil {
					return
				}
				u, _, err := svc.Authenticate(ctx, token)
				if err != nil || u.Email != "rita@example.com" {
					t.Errorf("Authenticate = %v, %v; want rita@example.com", u, err)
				}
			})
		}
	})
}

func TestSessionLifetime(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		start := time.Now().UTC()
		tests := []struct {
			name   string
			act    func(svc *user.Service, c *clock, token string, u *user.User) error
			wantOK bool
		}{
			{"used within the idle time", func(_ *user.Service, c *clock, _ string, _ *user.User) error {
				c.t = c.t.Add(50 * time.Minute)
				return nil
			}, true},
			{"idle too long", func(_ *user.Service, c *clock, _ string, _ *user.User) error {
				c.t = c.t.Add(61 * time.Minute)
				return nil
			}, false},
			{"logged out", func(svc *user.Service, _ *clock, token string, u *user.User) error {
				return svc.Logout(ctx, token, u)
			}, false},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				c := &clock{t: start}
				svc := newService(t, db, c)
				email := "s" + time.Now().Format("150405.000000") + "@example.com"
				u := mustCreate(t, svc, email, user.Recruiter)
				token, _, err := svc.Login(ctx, email, "correct horse battery", "", "")
				if err != nil {
					t.Fatalf("Login: %v", err)
				}
				if err := tc.act(svc, c, token, u); err != nil {
					t.Fatalf("act: %v", err)
				}
				_, _, err = svc.Authenticate(ctx, token)
				if (err == nil) != tc.wantOK {
					t.Errorf("Authenticate error = %v, want ok = %v", err, tc.wantOK)
				}
			})
		}
	})
}

func TestAbsoluteExpiry(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := &clock{t: time.Now().UTC()}
		svc := newService(t, db, c)
		mustCreate(t, svc, "a@example.com", user.Recruiter)
		token, _, err := svc.Login(ctx, "a@example.com", "correct horse battery", "", "")
		if err != nil {
			t.Fatalf("Login: %v", err)
		}
		// Used every 30 minutes, the session still ends after 24 hours.
		for i := 0; i < 47; i++ {
			c.t = c.t.Add(30 * time.Minute)
			if _, _, err := svc.Authenticate(ctx, token); err != nil {
				t.Fatalf("Authenticate after %d half-hours: %v", i+1, err)
			}
		}
		c.t = c.t.Add(31 * time.Minute)
		if _, _, err := svc.Authenticate(ctx, token); fault.KindOf(err) != fault.Unauthorized {
			t.Errorf("Authenticate after 24h = %v, want Unauthorized", err)
		}
	})
}

func TestChangesApplyOnNextRequest(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := &clock{t: time.Now().UTC()}
		svc := newService(t, db, c)
		admin := mustCreate(t, svc, "admin@example.com", user.Admin)
		r := mustCreate(t, svc, "r@example.com", user.Recruiter)
		token, _, err := svc.Login(ctx, "r@example.com", "correct horse battery", "", "")
		if err != nil {
			t.Fatalf("Login: %v", err)
		}

		if _, err := svc.SetRole(ctx, admin, r.ID, user.Manager); err != nil {
			t.Fatalf("SetRole: %v", err)
		}
		u, _, err := svc.Authenticate(ctx, token)
		if err != nil || u.Role != user.Manager {
			t.Fatalf("role after SetRole = %v, %v; want manager", u, err)
		}

		if _, err := svc.SetDisabled(ctx, admin, r.ID, true); err != nil {
			t.Fatalf("SetDisabled: %v", err)
		}
		if _, _, err := svc.Authenticate(ctx, token); fault.KindOf(err) != fault.Unauthorized {
			t.Errorf("Authenticate after disable = %v, want Unauthorized", err)
		}
	})
}

func TestAdminRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		svc := newService(t, db, &clock{t: time.Now().UTC()})
		admin := mustCreate(t, svc, "admin@example.com", user.Admin)
		rec := mustCreate(t, svc, "rec@example.com", user.Recruiter)

		tests := []struct {
			name string
			do   func() error
			want fault.Kind
		}{
			{"recruiter cannot create users", func() error {
				_, _, err := svc.Create(ctx, rec, user.NewUser{Email: "x@example.com", Role: user.Admin})
				return err
			}, fault.Forbidden},
			{"recruiter cannot change roles", func() error {
				_, err := svc.SetRole(ctx, rec, rec.ID, user.Admin)
				return err
			}, fault.Forbidden},
			{"duplicate email", func() error {
				_, _, err := svc.Create(ctx, admin, user.NewUser{Email: "REC@example.com", Role: user.Manager})
				return err
			}, fault.Conflict},
			{"bad email", func() error {
				_, _, err := svc.Create(ctx, admin, user.NewUser{Email: "not-an-email", Role: user.Manager})
				return err
			}, fault.Invalid},
			{"bad role", func() error {
				_, _, err := svc.Create(ctx, admin, user.NewUser{Email: "y@example.com", Role: "boss"})
				return err
			}, fault.Invalid},
			{"short password", func() error {
				_, _, err := svc.Create(ctx, admin,
					user.NewUser{Email: "z@example.com", Role: user.Manager, Password: "short"})
				return err
			}, fault.Invalid},
			{"last admin cannot be disabled", func() error {
				_, err := svc.SetDisabled(ctx, admin, admin.ID, true)
				return err
			}, fault.Conflict},
			{"last admin cannot be demoted", func() error {
				_, err := svc.SetRole(ctx, admin, admin.ID, user.Recruiter)
				return err
			}, fault.Conflict},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				if got := fault.KindOf(tc.do()); got != tc.want {
					t.Errorf("kind = %v, want %v", got, tc.want)
				}
			})
		}
	})
}

func TestTokens(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		svc := newService(t, db, &clock{t: time.Now().UTC()})
		admin := mustCreate(t, svc, "admin@example.com", user.Admin)
		rec := mustCreate(t, svc, "rec@example.com", user.Recruiter)
		token, err := svc.CreateToken(ctx, nil, "rec@example.com", "ci")
		if err != nil {
			t.Fatalf("CreateToken: %v", err)
		}
		u, err := svc.AuthenticateToken(ctx, token)
		if err != nil || u.ID != rec.ID {
			t.Fatalf("AuthenticateToken = %v, %v; want rec", u, err)
		}
		if _, err := svc.AuthenticateToken(ctx, token+"x"); fault.KindOf(err) != fault.Unauthorized {
			t.Errorf("AuthenticateToken(wrong) = %v, want Unauthorized", err)
		}
		if _, err := svc.SetDisabled(ctx, admin, rec.ID, true); err != nil {
			t.Fatalf("SetDisabled: %v", err)
		}
		if _, err := svc.AuthenticateToken(ctx, token); fault.KindOf(err) != fault.Unauthorized {
			t.Errorf("AuthenticateToken(disabled) = %v, want Unauthorized", err)
		}
	})
}

func TestBootstrap(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		svc := newService(t, db, &clock{t: time.Now().UTC()})
		created, pw, err := svc.Bootstrap(ctx, "boss@example.com", "")
		if err != nil || !created || len(pw) < user.MinPasswordLen {
			t.Fatalf("Bootstrap = %v, %q, %v; want a generated password", created, pw, err)
		}
		if _, _, err := svc.Login(ctx, "boss@example.com", pw, "", ""); err != nil {
			t.Errorf("Login with the generated password: %v", err)
		}
		created, _, err = svc.Bootstrap(ctx, "other@example.com", "")
		if err != nil || created {
			t.Errorf("second Bootstrap = %v, %v; want nothing created", created, err)
		}
	})
}
