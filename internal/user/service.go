package user

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/fault"
)

// ErrBadCredentials is the one answer to a failed sign-in, whether the email
// is unknown, the password wrong or the account disabled.
var ErrBadCredentials = fault.New(fault.Unauthorized, "Wrong email or password.")

// errSignedOut is the answer to a missing, expired or revoked session.
var errSignedOut = fault.New(fault.Unauthorized, "Please sign in.")

// touchEvery is how stale a session's last-seen time may get before a request
// writes it again; it keeps most requests free of writes.
const touchEvery = time.Minute

// Service applies the rules for users, sessions and tokens.
type Service struct {
	store  Store
	secret []byte
	idle   time.Duration
	max    time.Duration
	now    func() time.Time
	// dummyHash is verified against when the email is unknown, so that the
	// answer takes as long as for a wrong password.
	dummyHash string
}

// Options configures a Service.
type Options struct {
	Secret      []byte        // key for hashing session and API tokens
	SessionIdle time.Duration // a session unused for this long ends
	SessionMax  time.Duration // a session ends this long after sign-in, used or not
	Now         func() time.Time
}

// NewService returns a Service over store.
func NewService(store Store, o Options) (*Service, error) {
	if len(o.Secret) == 0 {
		return nil, errors.New("new user service: empty secret")
	}
	if o.Now == nil {
		o.Now = func() time.Time { return time.Now().UTC() }
	}
	dummy, err := HashPassword(GeneratePassword())
	if err != nil {
		return nil, fmt.Errorf("new user service: %w", err)
	}
	return &Service{store: store, secret: o.Secret, idle: o.SessionIdle, max: o.SessionMax,
		now: o.Now, dummyHash: dummy}, nil
}

// Login checks an email and password and starts a new session. It returns
// the session's token, which goes in the browser's cookie and nowhere else.
func (s *Service) Login(ctx context.Context, email, password, ip, agent string) (string, *Session, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	u, hash, err := s.store.Credentials(ctx, email)
	if fault.KindOf(err) == fault.NotFound {
		_, _ = VerifyPassword(s.dummyHash, password)
		return "", nil, ErrBadCredentials
	}
	if err != nil {
		return "", nil, fmt.Errorf("login: %w", err)
	}
	ok, err := VerifyPassword(hash, password)
	if err != nil {
		return "", nil, fmt.Errorf("login %d: %w", u.ID, err)
	}
	if !ok || u.Disabled {
		ev := activity.New(u.Actor(), activity.LoginFailed, "user", u.ID, "from "+ip)
		if err := s.store.LogActivity(ctx, ev); err != nil {
			return "", nil, fmt.Errorf("login %d: %w", u.ID, err)
		}
		return "", nil, ErrBadCredentials
	}

	token := newSecret()
	now := s.now()
	sess := &Session{
		Hash: hashSecret(s.secret, token), UserID: u.ID, CSRF: newSecret(),
		CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(s.max),
		IP: ip, UserAgent: truncate(agent, 256),
	}
	ev := activity.New(u.Actor(), activity.Login, "user", u.ID, "from "+ip)
	if err := s.store.CreateSession(ctx, sess, ev); err != nil {
		return "", nil, fmt.Errorf("login %d: %w", u.ID, err)
	}
	return token, sess, nil
}

// Authenticate returns the user and session behind a session token. A
// session that expired, or whose user was disabled, is refused; the user's
// current role is read on every call, so a role change applies at once.
func (s *Service) Authenticate(ctx context.Context, token string) (*User, *Session, error) {
	if token == "" {
		return nil, nil, errSignedOut
	}
	hash := hashSecret(s.secret, token)
	sess, u, err := s.store.SessionByHash(ctx, hash)
	if fault.KindOf(err) == fault.NotFound {
		return nil, nil, errSignedOut
	}
	if err != nil {
		return nil, nil, fmt.Errorf("authenticate: %w", err)
	}
	now := s.now()
	if u.Disabled || now.After(sess.ExpiresAt) || now.Sub(sess.LastSeenAt) > s.idle {
		if err := s.store.DeleteSession(ctx, hash, nil); err != nil {
			return nil, nil, fmt.Errorf("authenticate: end stale session: %w", err)
		}
		return nil, nil, errSignedOut
	}
	if now.Sub(sess.LastSeenAt) > touchEvery {
		if err := s.store.TouchSession(ctx, hash, now); err != nil {
			return nil, nil, fmt.Errorf("authenticate: %w", err)
		}
		sess.LastSeenAt = now
	}
	return u, sess, nil
}

// Logout ends the session behind token on the server.
func (s *Service) Logout(ctx context.Context, token string, u *User) error {
	ev := activity.New(u.Actor(), activity.Logout, "user", u.ID, "")
	if err := s.store.DeleteSession(ctx, hashSecret(s.secret, token), &ev); err != nil {
		return fmt.Errorf("logout %d: %w", u.ID, err)
	}
	return nil
}

// AuthenticateToken returns the owner of an API token.
func (s *Service) AuthenticateToken(ctx context.Context, token string) (*User, error) {
	u, err := s.store.UserByToken(ctx, hashSecret(s.secret, token))
	if fault.KindOf(err) == fault.NotFound {
		return nil, fault.New(fault.Unauthorized, "The API token is not valid.")
	}
	if err != nil {
		return nil, fmt.Errorf("authenticate token: %w", err)
	}
	if u.Disabled {
		return nil, fault.New(fault.Unauthorized, "The API token's account is disabled.")
	}
	return u, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
