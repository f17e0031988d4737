package llm

import (
	"math"
	"net/http"
	"strconv"
	"time"
)

// retryWait is the wait after attempt n failed with res: what the API asks
// for in Retry-After-Ms or Retry-After (seconds or an HTTP date), capped at
// maxWait, or the backoff when it asks nothing.
//
// TODO: a wait the API asks for beyond maxWait is cut to maxWait, so the
// next attempt may well be refused again; it spends an attempt rather than
// holding a worker for minutes.
func (e *Engine) retryWait(res *http.Response, n int) time.Duration {
	if res != nil {
		if d, ok := retryAfter(res.Header, time.Now()); ok {
			return min(d, e.maxWait)
		}
	}
	return e.backoffWait(n)
}

// retryAfter reads the wait an API asks for, if any.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	if d, ok := parseWait(h.Get("Retry-After-Ms"), time.Millisecond); ok {
		return d, true
	}
	v := h.Get("Retry-After")
	if d, ok := parseWait(v, time.Second); ok {
		return d, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// parseWait parses a non-negative number of units, kept below a day.
func parseWait(v string, unit time.Duration) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || f < 0 {
		return 0, false
	}
	return time.Duration(min(f*float64(unit), float64(24*time.Hour))), true
}
