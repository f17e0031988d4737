package candidate_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"shortlist/internal/candidate"
	"shortlist/internal/config"
	"shortlist/internal/fault"
	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
)

func TestSoftDeleteAndRestore(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		id := f.importOne(t, f.rec, "a.txt", resumeText("Ada Lovelace", "ada@example.com", "", "Go"))

		if _, err := f.svc.Delete(ctx, f.rec, id, "  "); fault.KindOf(err) != fault.Invalid {
			t.Errorf("Delete without a reason = %v, want Invalid", err)
		}
		if _, err := f.svc.Delete(ctx, f.rec, id, "Withdrew from the process"); err != nil {
			t.Fatalf("Delete: %v", err)
		}
		active, _ := f.svc.List(ctx, f.rec, candidate.Filter{})
		found, _ := f.svc.List(ctx, f.rec, candidate.Filter{Query: "lovelace"})
		if active.Total != 0 || len(found.Candidates) != 0 {
			t.Errorf("after delete: list %d, search %d; want both 0", active.Total,
				len(found.Candidates))
		}
		if _, err := f.svc.Get(ctx, f.rec, id); fault.KindOf(err) != fault.NotFound {
			t.Errorf("recruiter Get of a deleted candidate = %v, want NotFound", err)
		}
		trash, err := f.svc.List(ctx, f.admin, candidate.Filter{Deleted: true})
		if err != nil || trash.Total != 1 {
			t.Fatalf("trash = %+v, %v; want one candidate", trash, err)
		}
		got := trash.Candidates[0]
		if got.DeletedBy != "recruiter@example.com (recruiter)" || got.Reason != "Withdrew from the process" ||
			got.DeletedAt.IsZero() {
			t.Errorf("trash entry by %q because %q at %v; want the recruiter, the reason and a time",
				got.DeletedBy, got.Reason, got.DeletedAt)
		}
		if _, err := f.svc.Delete(ctx, f.admin, id, "again"); fault.KindOf(err) != fault.Conflict {
			t.Errorf("deleting twice = %v, want Conflict", err)
		}
		if err := f.svc.Restore(ctx, f.manager, id); fault.KindOf(err) != fault.Forbidden {
			t.Errorf("manager Restore = %v, want Forbidden", err)
		}
		if err := f.svc.Restore(ctx, f.admin, id); err != nil {
			t.Fatalf("Restore: %v", err)
		}
		back, _ := f.svc.List(ctx, f.rec, candidate.Filter{Query: "lovelace"})
		if len(back.Candidates) != 1 {
			t.Errorf("after restore search finds %d, want 1", len(back.Candidates))
		}
	})
}

// TestPurgeErasesEverything erases a candidate and then scans every text
// column of every table, and on SQLite the database files themselves, for
// the candidate's name, email and phone.
func TestPurgeErasesEverything(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		id := f.importOne(t, f.rec, "zq.txt", resumeText("Zebulon Quixotic", "zebulon.q@example.net",
			"+1 415 555 0199", "Go"))
		keep := f.importOne(t, f.rec, "other.txt", resumeText("Alan Turing", "alan@example.com", "", "Go"))
		mustExec(t, db, `INSERT INTO vettings (candidate_id, job_id, engine, raw_output, requested_at)
			VALUES ($1, $2, 'llm', 'Zebulon Quixotic looks strong', $3)`, id, f.job.ID, time.Now().UTC())

		if _, err := f.svc.Purge(ctx, f.admin, id); fault.KindOf(err) != fault.Conflict {
			t.Errorf("Purge of an active candidate = %v, want Conflict", err)
		}
		if _, err := f.svc.Delete(ctx, f.rec, id, "Zebulon Quixotic asked to be erased"); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.Purge(ctx, f.manager, id); fault.KindOf(err) != fault.Forbidden {
			t.Errorf("manager Purge = %v, want Forbidden", err)
		}
		rec, err := f.svc.Purge(ctx, f.admin, id)
		if err != nil {
			t.Fatalf("Purge: %v", err)
		}
		if rec.CandidateID != id || rec.ContentHash == "" || rec.By != "admin@example.com" ||
			!strings.Contains(strings.Join(rec.Removed, ";"), "1 vetting records") {
			t.Errorf("receipt = %+v", rec)
		}
		if _, err := f.svc.Get(ctx, f.admin, id); fault.KindOf(err) != fault.NotFound {
			t.Errorf("Get after purge = %v, want NotFound", err)
		}
		for _, needle := range []string{"Zebulon", "Quixotic", "zebulon.q@example.net", "555 0199"} {
			if where := scanDatabase(t, db, needle); where != "" {
				t.Errorf("%q still found after erasure in %s", needle, where)
			}
		}
		hist, _ := f.svc.History(ctx, f.admin, id)
		if len(hist) == 0 || hist[0].Action != candidate.ActionPurged ||
			!strings.Contains(hist[0].Detail, rec.ContentHash) {
			t.Errorf("tombstone = %+v, want a purge event with the content hash", hist)
		}
		if _, err := f.svc.Get(ctx, f.rec, keep); err != nil {
			t.Errorf("the other candidate was touched: %v", err)
		}
	})
}

func mustExec(t *testing.T, db *store.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Writer().Exec(q, args...); err != nil {
		t.Fatalf("exec: %v", err)
	}
}

// scanDatabase looks for needle in every text column of every table and,
// on SQLite, in the raw bytes of the database and its WAL; it returns where
// it was found, or "".
func scanDatabase(t *testing.T, db *store.DB, needle string) string {
	t.Helper()
	tables, cols := textColumns(t, db)
	for i, table := range tables {
		var n int
		q := `SELECT COUNT(*) FROM ` + table + ` WHERE CAST(` + cols[i] + ` AS TEXT) LIKE $1`
		if err := db.Reader().QueryRow(q, "%"+needle+"%").Scan(&n); err != nil {
			t.Fatalf("scan %s.%s: %v", table, cols[i], err)
		}
		if n > 0 {
			return table + "." + cols[i]
		}
	}
	if db.Dialect != config.SQLite {
		return ""
	}
	var path string
	db.Reader().QueryRow(`SELECT file FROM pragma_database_list WHERE name = 'main'`).Scan(&path)
	for _, p := range []string{path, path + "-wal"} {
		data, err := os.ReadFile(p)
		if err == nil && bytes.Contains(bytes.ToLower(data), bytes.ToLower([]byte(needle))) {
			return "the file " + p
		}
	}
	return ""
}

func textColumns(t *testing.T, db *store.DB) (tables, cols []string) {
	t.Helper()
	q := `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND data_type IN ('text', 'bytea')`
	if db.Dialect == config.SQLite {
		q = `SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
			WHERE m.type = 'table'`
	}
	rows, err := db.Reader().Query(q)
	if err != nil {
		t.Fatalf("list columns: %v", err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, col string
		rows.Scan(&table, &col)
		tables, cols = append(tables, table), append(cols, col)
	}
	return tables, cols
}

func TestLegalHoldAndRetention(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		old := f.importOne(t, f.rec, "old.txt", resumeText("Old One", "old@example.com", "", "Go"))
		held := f.importOne(t, f.rec, "held.txt", resumeText("Held One", "held@example.com", "", "SQL"))
		recent := f.importOne(t, f.rec, "new.txt", resumeText("New One", "new@example.com", "", "C"))
		for _, id := range []int64{old, held, recent} {
			if _, err := f.svc.Delete(ctx, f.rec, id, "Not a fit for any open role"); err != nil {
				t.Fatal(err)
			}
		}
		monthAgo := time.Now().UTC().AddDate(0, 0, -40)
		mustExec(t, db, `UPDATE candidates SET deleted_at = $1 WHERE id IN ($2, $3)`, monthAgo, old, held)
		if err := f.svc.SetLegalHold(ctx, f.admin, held, true); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.Purge(ctx, f.admin, held); fault.KindOf(err) != fault.Conflict {
			t.Errorf("Purge under legal hold = %v, want Conflict", err)
		}

		receipts, err := f.svc.PurgeExpired(ctx, 30)
		if err != nil || len(receipts) != 1 || receipts[0].CandidateID != old {
			t.Fatalf("PurgeExpired(30) = %v, %v; want the old candidate only", receipts, err)
		}
		if none, _ := f.svc.PurgeExpired(ctx, 0); len(none) != 0 {
			t.Errorf("PurgeExpired(0) erased %d, want none", len(none))
		}
		trash, _ := f.svc.List(ctx, f.admin, candidate.Filter{Deleted: true})
		if trash.Total != 2 {
			t.Errorf("trash holds %d after retention, want the held and the recent one", trash.Total)
		}
	})
}

// TestDeletionRaces runs conflicting admin actions at once: exactly one
// wins, the others get Conflict or NotFound, and the candidate ends in one
// consistent state.
func TestDeletionRaces(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		tests := []struct {
			name      string
			a, b      func(id int64) error
			wantState func(c *candidate.Candidate, err error) bool
		}{
			{"two restores", func(id int64) error { return f.svc.Restore(ctx, f.admin, id) },
				func(id int64) error { return f.svc.Restore(ctx, f.admin, id) },
				func(c *candidate.Candidate, err error) bool { return err == nil && !c.Deleted }},
			{"restore against purge", func(id int64) error { return f.svc.Restore(ctx, f.admin, id) },
				func(id int64) error { _, err := f.svc.Purge(ctx, f.admin, id); return err },
				func(c *candidate.Candidate, err error) bool {
					return (err == nil && !c.Deleted) || fault.KindOf(err) == fault.NotFound
				}},
		}
		for i, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				for round := range 5 {
					race(t, f, i*10+round, tc.a, tc.b, tc.wantState)
				}
			})
		}
	})
}

// race deletes a fresh candidate, then runs a and b on it at once.
func race(t *testing.T, f *fixture, n int, a, b func(id int64) error,
	wantState func(c *candidate.Candidate, err error) bool) {
	t.Helper()
	ctx := context.Background()
	id := f.importOne(t, f.rec, "r.txt", resumeText("Racer", "r@example.com", "",
		fmt.Sprint("skill", n)))
	if _, err := f.svc.Delete(ctx, f.rec, id, "Uploaded by mistake"); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for j, fn := range []func(int64) error{a, b} {
		wg.Add(1)
		go func() { defer wg.Done(); errs[j] = fn(id) }()
	}
	wg.Wait()
	wins := 0
	for _, err := range errs {
		switch k := fault.KindOf(err); {
		case err == nil:
			wins++
		case k != fault.Conflict && k != fault.NotFound:
			t.Errorf("loser got %v, want Conflict or NotFound", err)
		}
	}
	if wins != 1 {
		t.Errorf("%d winners (%v), want exactly 1", wins, errs)
	}
	if c, err := f.svc.Get(ctx, f.admin, id); !wantState(c, err) {
		t.Errorf("final state = %+v, %v", c, err)
	}
}
