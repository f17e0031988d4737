package main

import (
	"context"
	"fmt"
	"io"
)

const usage = `Shortlist: a self-hosted resume vetting platform.

Usage:
  shortlist [serve]                      start the web app and its workers
  shortlist migrate up|down|status       manage the database schema
  shortlist user add --email E --role R [--name N] [--password-stdin]
  shortlist user list
  shortlist user set-role --email E --role R
  shortlist user disable|enable --email E
  shortlist user reset-password --email E [--password-stdin]
  shortlist token add --email E [--name N]
  shortlist vet --job JOB.txt [--engine local|llm] [--format table|csv|json] FILE_OR_DIR...
                                         rank resume files against a job, best first
  shortlist purge [--days N]             erase candidates deleted more than N days ago
                                         (default SHORTLIST_RETENTION_DAYS), except legal holds
  shortlist eval --data DIR              measure ranking quality on labelled resumes and jobs
  shortlist healthcheck                  exit 0 when the local server is up
  shortlist loadtest seed|run|model      generate a large data set, load a local server

Configuration comes from the environment and a .env file in the working
directory; see the README for the variables.
`

// run dispatches the command line to a command.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	cmd, rest := "serve", args
	if len(args) > 0 {
		cmd, rest = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return runServe(ctx, rest, stderr)
	case "migrate":
		return runMigrate(ctx, rest, stdout, stderr)
	case "user":
		return runUser(ctx, rest, stdin, stdout, stderr)
	case "token":
		return runToken(ctx, rest, stdout, stderr)
	case "vet":
		return runVet(ctx, rest, stdout, stderr)
	case "purge":
		return runPurge(ctx, rest, stdout, stderr)
	case "eval":
		return runEval(ctx, rest, stdout, stderr)
	case "healthcheck":
		return runHealthcheck(ctx)
	case "loadtest":
		return runLoadtest(ctx, rest, stdout, stderr)
	case "help", "-h", "--help":
		_, err := io.WriteString(stdout, usage)
		return err
	}
	return fmt.Errorf("unknown command %q; run 'shortlist help'", cmd)
}
