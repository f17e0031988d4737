package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"text/tabwriter"
	"time"

	"shortlist/internal/config"
	"shortlist/internal/loadtest"
	"shortlist/internal/vetting/llm/llmtest"
)

const loadtestUsage = `usage:
  shortlist loadtest seed [--candidates N] [--activity N] [--jobs N] [--users N]
                          [--vettings N] [--password P] [--force]
  shortlist loadtest run [--url http://127.0.0.1:8080] [--users N] [--rate R]
                         [--duration D] [--writes] [--json FILE] [--server-pid PID]
  shortlist loadtest model [--delay 2s]`

// runLoadtest seeds a database with a generated data set, drives load at a
// running server, or serves a fake model for vetting under load.
func runLoadtest(ctx context.Context, args []string, stdout, logOut io.Writer) error {
	if len(args) == 0 {
		return errors.New(loadtestUsage)
	}
	switch args[0] {
	case "seed":
		return runLoadtestSeed(ctx, args[1:], stdout, logOut)
	case "run":
		return runLoadtestRun(ctx, args[1:], stdout, logOut)
	case "model":
		return runLoadtestModel(ctx, args[1:], stdout, logOut)
	}
	return fmt.Errorf("unknown loadtest command %q\n%s", args[0], loadtestUsage)
}

func runLoadtestSeed(ctx context.Context, args []string, stdout, logOut io.Writer) error {
	p := loadtest.DefaultPlan()
	fs := flag.NewFlagSet("loadtest seed", flag.ContinueOnError)
	fs.SetOutput(logOut)
	fs.IntVar(&p.Candidates, "candidates", p.Candidates, "candidates to generate")
	fs.IntVar(&p.Activity, "activity", p.Activity, "activity rows over the last 90 days")
	fs.IntVar(&p.Jobs, "jobs", p.Jobs, "jobs, each with six requirements")
	fs.IntVar(&p.Users, "users", p.Users, "accounts of every role")
	fs.IntVar(&p.Vettings, "vettings", p.Vettings, "finished vettings")
	fs.StringVar(&p.Password, "password", p.Password, "password of every generated account")
	fs.Uint64Var(&p.Seed, "seed", p.Seed, "random seed; the same seed makes the same data")
	fs.BoolVar(&p.Force, "force", false, "seed even when the database has candidates")
	if err := fs.Parse(args); err != nil {
		return err
	}
	a, err := open(ctx, logOut)
	if err != nil {
		return err
	}
	defer a.close()
	fmt.Fprintf(stdout, "Seeding %s.\n", describeDatabase(a.cfg.Database))
	start := time.Now()
	steps, err := loadtest.Seed(ctx, a.db, p)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	for _, s := range steps {
		fmt.Fprintf(tw, "%s\t%d rows\t%s\n", s.Name, s.Rows, s.Duration.Round(time.Millisecond))
	}
	fmt.Fprintf(tw, "total\t\t%s\n", time.Since(start).Round(time.Millisecond))
	tw.Flush()
	fmt.Fprintf(stdout, "Accounts %s to %s, password %q.\n", loadtest.AccountEmail(0),
		loadtest.AccountEmail(p.Users-1), p.Password)
	return nil
}

// describeDatabase names the database without its password.
func describeDatabase(c config.Database) string {
	if c.Dialect == config.SQLite {
		return "SQLite database " + c.URL
	}
	u, err := url.Parse(c.URL)
	if err != nil {
		return "PostgreSQL database"
	}
	return fmt.Sprintf("PostgreSQL database %s on %s", u.Path, u.Host)
}

func runLoadtestRun(ctx context.Context, args []string, stdout, logOut io.Writer) error {
	o := loadtest.Options{Accounts: 20, Password: loadtest.DefaultPassword, Seed: 1}
	var jsonOut string
	fs := flag.NewFlagSet("loadtest run", flag.ContinueOnError)
	fs.SetOutput(logOut)
	fs.StringVar(&o.URL, "url", "http://127.0.0.1:8080", "the server (loopback addresses only)")
	fs.IntVar(&o.Users, "users", 50, "virtual users, each with a session of its own")
	fs.Float64Var(&o.Rate, "rate", 25, "requests per second over all users")
	fs.DurationVar(&o.Duration, "duration", time.Minute, "how long to start requests for")
	fs.BoolVar(&o.Writes, "writes", false, "add uploads, deletes, restores and vetting requests")
	fs.IntVar(&o.Accounts, "accounts", o.Accounts, "seeded accounts to sign in with")
	fs.StringVar(&o.Password, "password", o.Password, "password of the seeded accounts")
	fs.DurationVar(&o.Timeout, "timeout", 10*time.Second, "one request's time limit")
	fs.IntVar(&o.VetJobs, "vet-jobs", 0, "first ask for vettings of every candidate of N jobs")
	fs.IntVar(&o.ServerPID, "server-pid", 0, "sample this process's resident memory")
	fs.StringVar(&jsonOut, "json", "", "also write the report as JSON to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	rep, err := loadtest.Run(ctx, o)
	if err != nil {
		return err
	}
	if err := rep.WriteText(stdout); err != nil {
		return err
	}
	if jsonOut == "" {
		return nil
	}
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return fmt.Errorf("encode report: %w", err)
	}
	if err := os.WriteFile(jsonOut, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// runLoadtestModel serves a fake OpenAI-compatible model that answers every
// vetting after a delay, until interrupted; start the server with
// OPENAI_BASE_URL set to the address it prints.
func runLoadtestModel(ctx context.Context, args []string, stdout, logOut io.Writer) error {
	fs := flag.NewFlagSet("loadtest model", flag.ContinueOnError)
	fs.SetOutput(logOut)
	delay := fs.Duration("delay", 2*time.Second, "how long each answer takes")
	if err := fs.Parse(args); err != nil {
		return err
	}
	m := llmtest.Start(*delay)
	defer m.Close()
	fmt.Fprintf(stdout, "OPENAI_BASE_URL=%s\n", m.URL())
	t := time.NewTicker(10 * time.Second)
	defer t.Stop()
	last := int64(0)
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintf(stdout, "answered %d requests\n", m.Calls())
			return nil
		case <-t.C:
			n := m.Calls()
			fmt.Fprintf(stdout, "answered %d requests (%.1f/s)\n", n, float64(n-last)/10)
			last = n
		}
	}
}
