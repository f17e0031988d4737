// Package loadtest measures a running Shortlist server under load. It
// generates a realistic data set (Seed) and drives virtual users, each with
// a session of its own, at a fixed arrival rate (Run): requests start on
// schedule whether or not earlier ones have finished, and latency counts
// from the scheduled start, so a slow server cannot hide its slowness by
// slowing the driver down.
package loadtest

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"sync"
	"sync/atomic"
	"time"
)

// Bounds of a run, so that a typo cannot start an endless flood.
const (
	maxUsers    = 2000
	maxRate     = 2000
	maxDuration = time.Hour
)

// Options configure a run.
type Options struct {
	URL      string        // the server, on a loopback address
	Users    int           // virtual users, each signed in with a session of its own
	Rate     float64       // requests per second over all users
	Duration time.Duration // how long requests are started for
	Writes   bool          // add uploads, deletes, restores and vetting requests
	Accounts int           // seeded accounts to sign in with, round robin
	Password string        // their password
	Timeout  time.Duration // one request
	// MaxInFlight bounds the requests open at once; a request that falls due
	// beyond it is not sent and counts as dropped.
	MaxInFlight int
	// VetJobs asks, before the run, for vettings of every candidate of this
	// many jobs, so that the run meets a busy queue.
	VetJobs int
	// ServerPID, when set, is the server's process: its resident memory is
	// sampled during the run.
	ServerPID int
	Seed      uint64
}

func (o *Options) check() error {
	switch {
	case o.Users < 1 || o.Users > maxUsers:
		return fmt.Errorf("users must be between 1 and %d", maxUsers)
	case o.Rate <= 0 || o.Rate > maxRate:
		return fmt.Errorf("rate must be above 0 and at most %d per second", maxRate)
	case o.Duration <= 0 || o.Duration > maxDuration:
		return fmt.Errorf("duration must be above 0 and at most %s", maxDuration)
	case o.Accounts < 1:
		return errors.New("at least one account is needed")
	}
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
	}
	if o.MaxInFlight <= 0 {
		o.MaxInFlight = 5000
	}
	return nil
}

// Run signs the virtual users in, drives the mix for the duration, waits for
// the last requests and reports.
func Run(ctx context.Context, o Options) (*Report, error) {
	if err := o.check(); err != nil {
		return nil, fmt.Errorf("load test: %w", err)
	}
	base, err := CheckTarget(o.URL)
	if err != nil {
		return nil, err
	}
	users, err := signIn(ctx, base, o)
	if err != nil {
		return nil, err
	}
	p, notes, err := discover(ctx, users)
	if err != nil {
		return nil, err
	}
	if o.VetJobs > 0 {
		notes = append(notes, askVettings(ctx, users, p, o.VetJobs))
	}
	rep := &Report{URL: base.String(), Users: o.Users, Rate: o.Rate,
		Duration: o.Duration.String(), Writes: o.Writes, Notes: notes}
	if o.ServerPID > 0 {
		sctx, cancel := context.WithCancel(ctx)
		rss := startRSS(sctx, o.ServerPID)
		defer func() {
			var note string
			rep.PeakRSSMiB, note = rss.stop(cancel)
			rep.Notes = append(rep.Notes, note)
		}()
	}
	drive(ctx, o, users, p, rep)
	return rep, nil
}

// signIn signs every virtual user in, a few at a time: the server's
// password hashing is made to be slow and memory-hungry.
func signIn(ctx context.Context, base *url.URL, o Options) ([]*vuser, error) {
	users := make([]*vuser, o.Users)
	errs := make([]error, o.Users)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i := range users {
		users[i] = newVUser(base, i)
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			errs[i] = users[i].login(ctx, AccountEmail(i%o.Accounts), o.Password)
		})
	}
	wg.Wait()
	failed := 0
	var first error
	for _, err := range errs {
		if err != nil {
			failed++
			first = cmp.Or(first, err)
		}
	}
	if first != nil {
		return nil, fmt.Errorf("load test: %d of %d sign-ins failed; the first: %w", failed,
			len(users), first)
	}
	return users, nil
}

// drive starts requests on schedule until the duration is over, then waits
// for those still open.
func drive(ctx context.Context, o Options, users []*vuser, p *pool, rep *Report) {
	mix := browseOps
	if o.Writes {
		mix = append(mix[:len(mix):len(mix)], writeOps...)
	}
	admins := byRole(users, "admin")
	total := 0
	for _, m := range mix {
		total += m.weight
	}
	var (
		rec      recorder
		wg       sync.WaitGroup
		inFlight atomic.Int64
		peak     int64
	)
	rng := rand.New(rand.NewPCG(o.Seed, 1))
	interval := time.Duration(float64(time.Second) / o.Rate)
	start := time.Now()
	rep.Started = start.UTC()
	for i := 0; ; i++ {
		due := start.Add(time.Duration(i) * interval)
		if due.Sub(start) >= o.Duration || ctx.Err() != nil {
			break
		}
		if d := time.Until(due); d > 0 {
			time.Sleep(d)
		}
		m := pickOp(rng, mix, total)
		v := users[i%len(users)]
		if m.admin {
			if len(admins) == 0 {
				rec.add(m.name, sample{skipped: true})
				continue
			}
			v = admins[rng.IntN(len(admins))]
		}
		n := inFlight.Add(1)
		if n > int64(o.MaxInFlight) {
			inFlight.Add(-1)
			rep.Dropped++
			continue
		}
		peak = max(peak, n)
		opRng := rand.New(rand.NewPCG(o.Seed, uint64(i)+2))
		wg.Go(func() {
			defer inFlight.Add(-1)
			rec.add(m.name, send(ctx, o.Timeout, m, p, v, opRng, due))
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	rep.Elapsed, rep.PeakInUse = elapsed.Seconds(), int(peak)
	rep.Ops, rep.Total = rec.summarise(elapsed)
}

// send makes one op's request and times it from when it was due.
//
// TODO: "database is locked" is counted only when an answer says so, and
// the server never puts internal error text in answers; the count stays 0
// even when SQLite is busy, so the server's log must be searched as well.
func send(ctx context.Context, timeout time.Duration, m op, p *pool, v *vuser, rng *rand.Rand,
	due time.Time) sample {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	a, err := m.do(ctx, p, v, rng)
	if errors.Is(err, errNoSubject) {
		return sample{skipped: true}
	}
	return sample{latency: time.Since(due), status: a.status, failed: err != nil || a.status >= 400,
		locked: bytes.Contains(bytes.ToLower(a.body), []byte("database is locked"))}
}

func pickOp(rng *rand.Rand, mix []op, total int) op {
	w := rng.IntN(total)
	for _, m := range mix {
		if w < m.weight {
			return m
		}
		w -= m.weight
	}
	return mix[0]
}

func byRole(users []*vuser, role string) []*vuser {
	var out []*vuser
	for _, u := range users {
		if u.role == role {
			out = append(out, u)
		}
	}
	return out
}
