package user

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"shortlist/internal/fault"
)

// Argon2id parameters: 19 MiB, two passes, one lane, the minimum that OWASP
// recommends, so that a burst of sign-ins does not exhaust memory.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
)

// hashing bounds how many argon2id computations run at once. Each takes
// 19 MiB for its duration; a burst of sign-ins (a whole team arriving, or an
// attacker) then queues for CPU instead of growing the process's memory.
var hashing = make(chan struct{}, max(2, runtime.NumCPU()))

func argonKey(password, salt []byte, passes, mem uint32, threads uint8, n uint32) []byte {
	hashing <- struct{}{}
	defer func() { <-hashing }()
	return argon2.IDKey(password, salt, passes, mem, threads, n)
}

// Password length limits, in characters.
const (
	MinPasswordLen = 10
	MaxPasswordLen = 256
)

// CheckPassword returns an Invalid error when p is too short or too long.
func CheckPassword(p string) error {
	n := utf8.RuneCountInString(p)
	if n < MinPasswordLen {
		return fault.Invalidf("The password must have at least %d characters.", MinPasswordLen)
	}
	if n > MaxPasswordLen {
		return fault.Invalidf("The password must have at most %d characters.", MaxPasswordLen)
	}
	return nil
}

// HashPassword returns the argon2id hash of p in the PHC string format.
func HashPassword(p string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	key := argonKey([]byte(p), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version,
		argonMemory, argonTime, argonThreads, enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

var errBadHash = errors.New("malformed password hash")

// VerifyPassword reports whether p matches the hash made by HashPassword. It
// takes the cost parameters from the hash, so older hashes keep working when
// the parameters change.
func VerifyPassword(hash, p string) (bool, error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errBadHash
	}
	var version int
	var mem, passes uint32
	var threads uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, errBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &mem, &passes, &threads); err != nil {
		return false, errBadHash
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	want, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false, errBadHash
	}
	got := argonKey([]byte(p), salt, passes, mem, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// GeneratePassword returns a random password of 26 upper-case letters and
// digits (130 bits), easy to read aloud and to type.
func GeneratePassword() string { return rand.Text() }
