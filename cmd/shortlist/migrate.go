package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"shortlist/internal/queue"
	"shortlist/internal/store"
)

func runMigrate(ctx context.Context, args []string, stdout, logOut io.Writer) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: shortlist migrate up|down|status")
	}
	cfg, err := loadConfig()
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, cfg.Database)
	if err != nil {
		return err
	}
	defer db.Close()

	switch args[0] {
	case "up":
		applied, err := db.Migrate(ctx)
		if err != nil {
			return err
		}
		if err := queue.Migrate(ctx, cfg.Database.Dialect, db.Writer()); err != nil {
			return err
		}
		if len(applied) == 0 {
			fmt.Fprintln(stdout, "Nothing to apply; the schema is current.")
		}
		for _, v := range applied {
			fmt.Fprintf(stdout, "Applied %05d\n", v)
		}
		return nil
	case "down":
		v, err := db.MigrateDown(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Rolled back %05d\n", v)
		return nil
	case "status":
		return printMigrationStatus(ctx, db, stdout)
	}
	return fmt.Errorf("unknown migrate action %q; use up, down or status", args[0])
}

func printMigrationStatus(ctx context.Context, db *store.DB, stdout io.Writer) error {
	st, err := db.MigrationStatus(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "DATABASE\t%s\n", db.Dialect)
	fmt.Fprintln(tw, "VERSION\tSTATE\tFILE")
	for _, m := range st {
		state := "pending"
		if m.Applied {
			state = "applied"
		}
		fmt.Fprintf(tw, "%05d\t%s\t%s\n", m.Version, state, m.Name)
	}
	return tw.Flush()
}
