package loadtest

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"sync"
	"text/tabwriter"
	"time"
)

// OpStats sums up the requests of one op. Latencies are in milliseconds,
// measured from when the request was due, not from when it was sent.
type OpStats struct {
	Op         string      `json:"op"`
	Count      int         `json:"count"`
	Errors     int         `json:"errors"`
	Locked     int         `json:"database_locked"`
	Skipped    int         `json:"skipped"`
	Status     map[int]int `json:"status"`
	P50        float64     `json:"p50_ms"`
	P95        float64     `json:"p95_ms"`
	P99        float64     `json:"p99_ms"`
	Max        float64     `json:"max_ms"`
	Throughput float64     `json:"throughput_rps"`
}

// Report is the outcome of a run.
type Report struct {
	URL       string    `json:"url"`
	Users     int       `json:"users"`
	Rate      float64   `json:"rate_rps"`
	Duration  string    `json:"duration"`
	Writes    bool      `json:"writes"`
	Started   time.Time `json:"started"`
	Elapsed   float64   `json:"elapsed_s"`
	Dropped   int       `json:"dropped"` // due but not sent: too many in flight
	Ops       []OpStats `json:"ops"`
	Total     OpStats   `json:"total"`
	Notes     []string  `json:"notes,omitempty"`
	PeakInUse int       `json:"peak_in_flight"`
	// PeakRSSMiB is the server's peak resident memory, when its process
	// was given.
	PeakRSSMiB float64 `json:"peak_rss_mib,omitempty"`
}

// sample is one finished request.
type sample struct {
	latency time.Duration
	status  int
	failed  bool
	locked  bool
	skipped bool
}

// recorder collects samples from concurrent requests.
type recorder struct {
	mu   sync.Mutex
	byOp map[string][]sample
}

func (r *recorder) add(op string, s sample) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.byOp == nil {
		r.byOp = map[string][]sample{}
	}
	r.byOp[op] = append(r.byOp[op], s)
}

// summarise computes every op's figures and the total over a run of the
// given length.
func (r *recorder) summarise(elapsed time.Duration) ([]OpStats, OpStats) {
	r.mu.Lock()
	defer r.mu.Unlock()
	names := make([]string, 0, len(r.byOp))
	var all []sample
	for name, ss := range r.byOp {
		names = append(names, name)
		all = append(all, ss...)
	}
	sort.Strings(names)
	out := make([]OpStats, 0, len(names))
	for _, name := range names {
		out = append(out, stats(name, r.byOp[name], elapsed))
	}
	return out, stats("all", all, elapsed)
}

func stats(name string, ss []sample, elapsed time.Duration) OpStats {
	st := OpStats{Op: name, Status: map[int]int{}}
	var lat []time.Duration
	for _, s := range ss {
		if s.skipped {
			st.Skipped++
			continue
		}
		st.Count++
		st.Status[s.status]++
		if s.failed {
			st.Errors++
		}
		if s.locked {
			st.Locked++
		}
		lat = append(lat, s.latency)
	}
	slices.Sort(lat)
	st.P50, st.P95, st.P99 = percentile(lat, 0.50), percentile(lat, 0.95), percentile(lat, 0.99)
	st.Max = percentile(lat, 1)
	if elapsed > 0 {
		st.Throughput = float64(st.Count) / elapsed.Seconds()
	}
	return st
}

// percentile returns the nearest-rank percentile p of sorted latencies, in
// milliseconds.
func percentile(sorted []time.Duration, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := max(0, int(math.Ceil(p*float64(len(sorted))))-1)
	return float64(sorted[i].Microseconds()) / 1000
}

// WriteText writes the report as a table.
func (rep *Report) WriteText(w io.Writer) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s: %d users, %.0f req/s for %s (writes: %t); %.1f s, peak %d in flight, "+
		"%d dropped\n\n", rep.URL, rep.Users, rep.Rate, rep.Duration, rep.Writes, rep.Elapsed,
		rep.PeakInUse, rep.Dropped)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "op\tcount\terrors\tlocked\tskipped\tp50 ms\tp95 ms\tp99 ms\tmax ms\treq/s\t")
	for _, s := range append(slices.Clone(rep.Ops), rep.Total) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t\n", s.Op, s.Count,
			s.Errors, s.Locked, s.Skipped, s.P50, s.P95, s.P99, s.Max, s.Throughput)
	}
	tw.Flush()
	for _, n := range rep.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	_, err := w.Write(b.Bytes())
	return err
}
