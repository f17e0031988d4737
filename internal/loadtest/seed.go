package loadtest

import (
	"context"
	"crypto/rand"
	"fmt"
	"strings"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/store"
	"shortlist/internal/user"
)

// DefaultPassword is the password of every seeded account unless the plan
// names another.
const DefaultPassword = "loadtest-password"

// Plan sizes a generated data set.
type Plan struct {
	Users, Jobs, Candidates, Activity, Vettings int
	Password                                    string
	Seed                                        uint64    // same seed, same data
	Now                                         time.Time // the data ends here
	Force                                       bool      // seed even when candidates exist
}

// DefaultPlan is the full data set: 20 users, 50 jobs, 100,000 candidates,
// 1,000,000 activity rows and 10,000 vettings.
func DefaultPlan() Plan {
	return Plan{Users: 20, Jobs: 50, Candidates: 100_000, Activity: 1_000_000, Vettings: 10_000,
		Password: DefaultPassword, Seed: 1}
}

// Step is how long one part of seeding took.
type Step struct {
	Name     string
	Rows     int
	Duration time.Duration
}

// Seed fills db with the plan's data set and says how long each part took.
// It refuses a database that already holds candidates unless plan.Force.
func Seed(ctx context.Context, db *store.DB, plan Plan) ([]Step, error) {
	if plan.Users < 1 {
		return nil, fmt.Errorf("seed: at least one user is needed")
	}
	if err := user.CheckPassword(plan.Password); err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	n, err := db.CandidateRows(ctx)
	if err != nil {
		return nil, err
	}
	if n > 0 && !plan.Force {
		return nil, fmt.Errorf("seed: the database already has %d candidates; "+
			"pass --force to add the data set anyway", n)
	}
	if plan.Now.IsZero() {
		plan.Now = time.Now().UTC()
	}
	d := &dataset{plan: plan, tag: strings.ToLower(rand.Text()[:4]), jobHash: map[int64]string{}}
	var steps []Step
	step := func(name string, rows int, fn func() error) error {
		start := time.Now()
		if err := fn(); err != nil {
			return err
		}
		steps = append(steps, Step{Name: name, Rows: rows, Duration: time.Since(start)})
		return nil
	}
	for _, s := range d.steps(ctx, db) {
		if err := step(s.name, s.rows, s.fn); err != nil {
			return steps, err
		}
	}
	return steps, nil
}

type seedStep struct {
	name string
	rows int
	fn   func() error
}

// steps lists the parts of seeding in order; each uses the ids the ones
// before it made.
func (d *dataset) steps(ctx context.Context, db *store.DB) []seedStep {
	p := d.plan
	return []seedStep{
		{"users", p.Users, func() error {
			hash, err := user.HashPassword(p.Password)
			if err == nil {
				d.userIDs, err = db.SeedUsers(ctx, d.makeUsers(hash))
			}
			return err
		}},
		{"jobs", p.Jobs, func() error {
			js := d.makeJobs()
			ids, err := db.SeedJobs(ctx, js)
			for i, id := range ids {
				d.jobHash[id] = js[i].RequirementsHash
			}
			d.jobIDs = ids
			return err
		}},
		{"candidates", p.Candidates, func() error {
			return db.SeedCandidates(ctx, p.Candidates, d.candidate)
		}},
		{"activity", p.Activity, func() error {
			return db.SeedActivity(ctx, p.Activity, func(i int) activity.Event {
				return d.event(i, p.Activity)
			})
		}},
		{"vettings", p.Vettings, func() error {
			refs, err := db.SeedCandidateRefs(ctx, p.Vettings)
			if err == nil {
				err = db.SeedVettings(ctx, d.vettings(refs))
			}
			return err
		}},
		{"analyze", 0, func() error { return db.Analyze(ctx) }},
	}
}
