package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"shortlist/internal/activity"
	"shortlist/internal/candidate"
	"shortlist/internal/config"
)

// This file loads generated data sets in bulk, for load tests: rows go in
// by COPY on PostgreSQL and by large multi-row INSERTs in long transactions
// on SQLite, bypassing the one-row-per-action paths the app uses. Seeding
// assumes nothing else writes to the database meanwhile: the ids of the new
// candidates are read back as every id above the largest one before.

// SeedUser is one account of a generated data set.
type SeedUser struct {
	Email, Name, Role, PasswordHash string
}

// SeedJob is one job of a generated data set, with its requirements.
type SeedJob struct {
	Title, Description, Location, Status, RequirementsHash string
	CreatedBy                                              int64
	CreatedAt                                              time.Time
	Requirements                                           []SeedRequirement
}

// SeedRequirement is one requirement of a SeedJob.
type SeedRequirement struct {
	Kind, Text string
	Weight     float64
	Years      int
}

// SeedCandidate is one candidate of a generated data set; its original file
// is stored as its text.
type SeedCandidate struct {
	JobID, UploadedBy           int64
	Name, Email, Phone, Stage   string
	Text, ContentHash, FileName string
	Score                       *int
	CreatedAt                   time.Time
	Deleted                     bool
	DeletedAt                   time.Time
	DeletedByID                 int64
	DeletedBy, DeletionReason   string
	NeedsReview                 bool
	SimHash                     uint64
}

// SeedVetting is one finished vetting of a generated data set.
type SeedVetting struct {
	CandidateID, JobID, RequestedBy    int64
	Score                              int
	Verdict, Summary, RequirementsHash string
	RequestedAt, FinishedAt            time.Time
}

// CandidateRef names a candidate and its job, for generating vettings.
type CandidateRef struct {
	ID, JobID int64
	Score     int
}

// CandidateRows counts every candidate row, deleted or not.
func (db *DB) CandidateRows(ctx context.Context) (int64, error) {
	var n int64
	if err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM candidates`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count candidates: %w", err)
	}
	return n, nil
}

// SeedUsers adds the users that do not exist yet and returns the ids of all
// of them, in order.
func (db *DB) SeedUsers(ctx context.Context, us []SeedUser) ([]int64, error) {
	const ins = `
		INSERT INTO users (email, name, role, password_hash, disabled, created_at, updated_at)
		VALUES ($1, $2, $3, $4, FALSE, $5, $5)
		ON CONFLICT (email) DO NOTHING`
	const sel = `SELECT id FROM users WHERE email = $1`
	ids := make([]int64, len(us))
	now := time.Now().UTC()
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		for i, u := range us {
			if _, err := tx.ExecContext(ctx, ins, u.Email, u.Name, u.Role, u.PasswordHash,
				now); err != nil {
				return fmt.Errorf("seed user %s: %w", u.Email, err)
			}
			if err := tx.QueryRowContext(ctx, sel, u.Email).Scan(&ids[i]); err != nil {
				return fmt.Errorf("seed user %s: %w", u.Email, err)
			}
		}
		return nil
	})
	return ids, err
}

// SeedJobs inserts jobs with their requirements and returns their ids.
func (db *DB) SeedJobs(ctx context.Context, js []SeedJob) ([]int64, error) {
	const q = `
		INSERT INTO jobs (title, description, location, status, requirements_hash,
			created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
		RETURNING id`
	const qr = `
		INSERT INTO job_requirements (job_id, position, kind, text, weight, years)
		VALUES ($1, $2, $3, $4, $5, $6)`
	ids := make([]int64, len(js))
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		for i, j := range js {
			err := tx.QueryRowContext(ctx, q, j.Title, j.Description, j.Location, j.Status,
				j.RequirementsHash, nullID(j.CreatedBy), j.CreatedAt).Scan(&ids[i])
			if err != nil {
				return fmt.Errorf("seed job %q: %w", j.Title, err)
			}
			for p, r := range j.Requirements {
				if _, err := tx.ExecContext(ctx, qr, ids[i], p+1, r.Kind, r.Text, r.Weight,
					r.Years); err != nil {
					return fmt.Errorf("seed requirement of job %d: %w", ids[i], err)
				}
			}
		}
		return nil
	})
	return ids, err
}

var seedCandidateColumns = []string{"job_id", "name", "email", "phone", "stage", "resume_text",
	"needs_review", "content_hash", "simhash_a", "simhash_b", "simhash_c", "simhash_d",
	"file_name", "file_kind", "file_size", "score", "uploaded_by", "created_at", "updated_at",
	"is_deleted", "deleted_at", "deleted_by_id", "deleted_by", "deletion_reason", "engine_text"}

// SeedCandidates inserts n candidates made by gen and stores each one's text
// as its original file.
func (db *DB) SeedCandidates(ctx context.Context, n int, gen func(i int) SeedCandidate) error {
	var before int64
	const qmax = `SELECT COALESCE(MAX(id), 0) FROM candidates`
	if err := db.write.QueryRowContext(ctx, qmax).Scan(&before); err != nil {
		return fmt.Errorf("seed candidates: %w", err)
	}
	err := db.bulkInsert(ctx, "candidates", seedCandidateColumns, n, func(i int) []any {
		c := gen(i)
		b := candidate.Bands(c.SimHash)
		var score, deletedAt any
		if c.Score != nil {
			score = int64(*c.Score)
		}
		if c.Deleted {
			deletedAt = c.DeletedAt
		}
		return []any{nullID(c.JobID), c.Name, c.Email, c.Phone, c.Stage, c.Text, c.NeedsReview,
			c.ContentHash, b[0], b[1], b[2], b[3], c.FileName, "txt", int64(len(c.Text)), score,
			nullID(c.UploadedBy), c.CreatedAt, c.CreatedAt, c.Deleted, deletedAt,
			nullID(c.DeletedByID), c.DeletedBy, c.DeletionReason,
			// Generated texts hold nothing the shield would take out, so the
			// text engines read is the text itself, as an upload would keep.
			c.Text}
	})
	if err != nil {
		return err
	}
	// The original files are the texts themselves, copied in one statement.
	q := `
		INSERT INTO candidate_files (candidate_id, data)
		SELECT id, CAST(resume_text AS BLOB)
		FROM candidates
		WHERE id > $1`
	if db.Dialect == config.Postgres {
		q = strings.Replace(q, "CAST(resume_text AS BLOB)", "convert_to(resume_text, 'UTF8')", 1)
	}
	if _, err := db.write.ExecContext(ctx, q, before); err != nil {
		return fmt.Errorf("seed candidate files: %w", err)
	}
	return nil
}

// SeedCandidateRefs returns up to n live candidates that belong to a job and
// have a score, spread over the whole table, for generating vettings.
func (db *DB) SeedCandidateRefs(ctx context.Context, n int) ([]CandidateRef, error) {
	const q = `
		SELECT id, job_id, score
		FROM candidates
		WHERE job_id IS NOT NULL
			AND score IS NOT NULL
			AND NOT is_deleted
		ORDER BY id`
	rows, err := db.read.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("seed candidate refs: %w", err)
	}
	defer rows.Close()
	var all []CandidateRef
	for rows.Next() {
		var r CandidateRef
		if err := rows.Scan(&r.ID, &r.JobID, &r.Score); err != nil {
			return nil, fmt.Errorf("seed candidate refs: %w", err)
		}
		all = append(all, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("seed candidate refs: %w", err)
	}
	if n >= len(all) {
		return all, nil
	}
	out := make([]CandidateRef, 0, n)
	for i := range n {
		out = append(out, all[i*len(all)/n])
	}
	return out, nil
}

var seedActivityColumns = []string{"at", "actor_id", "actor_email", "actor_role", "action",
	"subject_type", "subject_id", "detail"}

// SeedActivity appends n activity rows made by gen.
func (db *DB) SeedActivity(ctx context.Context, n int, gen func(i int) activity.Event) error {
	return db.bulkInsert(ctx, "activity", seedActivityColumns, n, func(i int) []any {
		e := gen(i)
		return []any{e.At, nullID(e.Actor.ID), e.Actor.Email, e.Actor.Role, string(e.Action),
			e.SubjectType, nullID(e.SubjectID), e.Detail}
	})
}

var seedVettingColumns = []string{"candidate_id", "job_id", "status", "engine",
	"rubric_version", "requirements_hash", "score", "verdict", "summary", "duration_ms",
	"attempts", "requested_by", "requested_at", "started_at", "finished_at"}

// SeedVettings inserts finished vettings.
func (db *DB) SeedVettings(ctx context.Context, vs []SeedVetting) error {
	return db.bulkInsert(ctx, "vettings", seedVettingColumns, len(vs), func(i int) []any {
		v := vs[i]
		return []any{v.CandidateID, v.JobID, "done", "local", "seed", v.RequirementsHash,
			int64(v.Score), v.Verdict, v.Summary, v.FinishedAt.Sub(v.RequestedAt).Milliseconds(),
			int64(1), nullID(v.RequestedBy), v.RequestedAt, v.RequestedAt, v.FinishedAt}
	})
}

// Analyze refreshes the planner's statistics after a bulk load. On
// PostgreSQL it also vacuums, as autovacuum soon would, so that counts can
// be answered from indexes alone (index-only scans need the visibility map
// that VACUUM sets); without it a fresh load measures slower than a
// database in steady state.
func (db *DB) Analyze(ctx context.Context) error {
	q := `ANALYZE`
	if db.Dialect == config.Postgres {
		q = `VACUUM ANALYZE`
	}
	if _, err := db.write.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	return nil
}

// bulkInsert inserts n rows made by row into table. A goroutine makes the
// rows while the database takes the previous ones.
func (db *DB) bulkInsert(ctx context.Context, table string, cols []string, n int,
	row func(i int) []any) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	rows := make(chan []any, 2048)
	go func() {
		defer close(rows)
		for i := range n {
			select {
			case rows <- row(i):
			case <-ctx.Done():
				return
			}
		}
	}()
	var err error
	if db.Dialect == config.Postgres {
		err = db.copyPostgres(ctx, table, cols, rows)
	} else {
		err = db.insertSQLite(ctx, table, cols, rows)
	}
	if err != nil {
		return fmt.Errorf("seed %s: %w", table, err)
	}
	return nil
}

// copyPostgres streams rows into table with COPY on one connection of the
// pool.
func (db *DB) copyPostgres(ctx context.Context, table string, cols []string,
	rows <-chan []any) error {
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		pc := dc.(*stdlib.Conn).Conn()
		src := pgx.CopyFromFunc(func() ([]any, error) {
			r, ok := <-rows
			if !ok {
				return nil, nil
			}
			return r, nil
		})
		if _, err := pc.CopyFrom(ctx, pgx.Identifier{table}, cols, src); err != nil {
			return fmt.Errorf("copy: %w", err)
		}
		return nil
	})
}

// sqliteRowsPerTx is how many rows one SQLite transaction takes; bigger
// transactions gain little and hold the write lock longer.
const sqliteRowsPerTx = 50_000

// insertSQLite inserts rows into table with multi-row INSERT statements,
// many to a transaction.
func (db *DB) insertSQLite(ctx context.Context, table string, cols []string,
	rows <-chan []any) error {
	// SQLite takes at most 32766 parameters per statement.
	per := min(500, 32000/len(cols))
	stmt := func(k int) string {
		one := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
		return "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ")\nVALUES " +
			strings.TrimSuffix(strings.Repeat(one+",\n", k), ",\n")
	}
	full := stmt(per)
	args := make([]any, 0, per*len(cols))
	done := false
	for !done {
		err := db.inTx(ctx, func(tx *sql.Tx) error {
			for inTx := 0; inTx < sqliteRowsPerTx; {
				args, done = args[:0], true
				k := 0
				for r := range rows {
					args, k = append(args, r...), k+1
					if k == per {
						done = false
						break
					}
				}
				if k == 0 {
					return nil
				}
				q := full
				if k < per {
					q = stmt(k)
				}
				if _, err := tx.ExecContext(ctx, q, args...); err != nil {
					return err
				}
				if done {
					return nil
				}
				inTx += k
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return ctx.Err()
}
