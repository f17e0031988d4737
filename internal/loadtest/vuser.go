package loadtest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// vuser is one virtual user: a signed-in session with its cookie, CSRF
// token and connections of its own, like one person's browser.
type vuser struct {
	base   *url.URL
	client *http.Client
	email  string
	role   string
	csrf   string
}

func newVUser(base *url.URL, i int) *vuser {
	dialer := &net.Dialer{Timeout: 5 * time.Second, LocalAddr: sourceAddr(base, i)}
	jar, _ := cookiejar.New(nil)
	return &vuser{base: base, client: &http.Client{
		Jar: jar,
		Transport: &http.Transport{DialContext: dialer.DialContext, MaxIdleConnsPerHost: 32,
			IdleConnTimeout: 90 * time.Second},
		// Redirects are answers in their own right (a form post answers 303).
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

var csrfMeta = regexp.MustCompile(`<meta name="csrf-token" content="([^"]+)">`)

// login signs in, then reads the account's role and the session's CSRF
// token.
func (v *vuser) login(ctx context.Context, email, password string) error {
	form := url.Values{"email": {email}, "password": {password}}
	res, err := v.send(ctx, http.MethodPost, "/login", strings.NewReader(form.Encode()),
		"application/x-www-form-urlencoded", false)
	if err != nil {
		return fmt.Errorf("sign in as %s: %w", email, err)
	}
	if res.status != http.StatusSeeOther {
		return fmt.Errorf("sign in as %s: status %d, want 303", email, res.status)
	}
	res, err = v.send(ctx, http.MethodGet, "/api/v1/me", nil, "", false)
	if err != nil || res.status != http.StatusOK {
		return fmt.Errorf("sign in as %s: read the account: %v (status %d)", email, err, res.status)
	}
	var me struct{ Role string }
	if err := json.Unmarshal(res.body, &me); err != nil {
		return fmt.Errorf("sign in as %s: read the account: %w", email, err)
	}
	res, err = v.send(ctx, http.MethodGet, "/jobs", nil, "", false)
	if err != nil {
		return fmt.Errorf("sign in as %s: %w", email, err)
	}
	m := csrfMeta.FindSubmatch(res.body)
	if m == nil {
		return fmt.Errorf("sign in as %s: no CSRF token on /jobs (status %d)", email, res.status)
	}
	v.email, v.role, v.csrf = email, me.Role, string(m[1])
	return nil
}

// answer is a finished response with its body.
type answer struct {
	status int
	body   []byte
}

// send makes one request. Unsafe requests carry the CSRF token the way htmx
// sends it when csrf is set.
func (v *vuser) send(ctx context.Context, method, path string, body io.Reader, ctype string,
	csrf bool) (answer, error) {
	req, err := http.NewRequestWithContext(ctx, method, v.base.String()+path, body)
	if err != nil {
		return answer{}, fmt.Errorf("%s %s: %w", method, path, err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if csrf {
		req.Header.Set("X-CSRF-Token", v.csrf)
		req.Header.Set("HX-Request", "true")
	}
	res, err := v.client.Do(req)
	if err != nil {
		return answer{}, fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 8<<20))
	if err != nil {
		return answer{status: res.StatusCode}, fmt.Errorf("%s %s: read: %w", method, path, err)
	}
	return answer{status: res.StatusCode, body: b}, nil
}
