package user

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Session is a signed-in browser. Its token lives only in the browser's
// cookie; the database keeps a keyed hash of it.
type Session struct {
	Hash       string
	UserID     int64
	CSRF       string // token every state-changing request must echo
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time // absolute expiry; idle expiry is counted from LastSeenAt
	IP         string
	UserAgent  string
}

// Token is an API token. Like sessions, only a keyed hash is stored.
type Token struct {
	ID        int64
	UserID    int64
	Name      string
	Hash      string
	CreatedAt time.Time
}

// newSecret returns a fresh random token of 26 characters (130 bits).
func newSecret() string { return rand.Text() }

// hashSecret returns the keyed hash under which a token is stored, so that a
// copy of the database alone does not let anyone sign in.
func hashSecret(key []byte, token string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(token))
	return hex.EncodeToString(m.Sum(nil))
}
