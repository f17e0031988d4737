package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
)

// runPurge erases soft-deleted candidates older than the retention period,
// as the server's scheduled purge does, and prints one line per erasure.
func runPurge(ctx context.Context, args []string, stdout, logOut io.Writer) error {
	fset := flag.NewFlagSet("purge", flag.ContinueOnError)
	fset.SetOutput(logOut)
	days := fset.Int("days", -1, "erase candidates deleted more than this many days ago")
	if err := fset.Parse(args); err != nil {
		return err
	}
	a, err := open(ctx, logOut)
	if err != nil {
		return err
	}
	defer a.close()
	if *days < 0 {
		*days = a.cfg.RetentionDays
	}
	if *days == 0 {
		return errors.New("no retention period: pass --days N or set SHORTLIST_RETENTION_DAYS")
	}
	svc, err := a.newServices(ctx)
	if err != nil {
		return err
	}
	defer svc.close(ctx, a.log)
	receipts, err := svc.candidates.PurgeExpired(ctx, *days)
	for _, r := range receipts {
		fmt.Fprintf(stdout, "erased candidate #%d (content hash %s)\n", r.CandidateID, r.ContentHash)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d candidates erased.\n", len(receipts))
	return nil
}
