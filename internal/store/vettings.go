package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/candidate"
	"shortlist/internal/fault"
	"shortlist/internal/screening"
	"shortlist/internal/vetting"
)

// Enqueuer puts vetting jobs on the queue within a transaction of the store.
type Enqueuer interface {
	EnqueueVettings(ctx context.Context, tx *sql.Tx, engine string, ids []int64) error
}

// SetEnqueuer connects the store to the queue; CreateVettings needs it.
func (db *DB) SetEnqueuer(e Enqueuer) { db.enqueuer = e }

// CreateVettings inserts queued vettings and their queue jobs in one
// transaction: a request either is recorded and queued, or neither.
func (db *DB) CreateVettings(ctx context.Context, rs []*screening.Record, ev activity.Event) error {
	if db.enqueuer == nil {
		return errors.New("create vettings: no queue is connected")
	}
	const q = `
		INSERT INTO vettings (candidate_id, job_id, status, engine, requirements_hash,
			requested_by, requested_at)
		VALUES ($1, $2, 'queued', $3, $4, $5, $6)
		RETURNING id`
	return db.inTx(ctx, func(tx *sql.Tx) error {
		byEngine := map[string][]int64{}
		for _, r := range rs {
			err := tx.QueryRowContext(ctx, q, r.CandidateID, r.JobID, r.Engine, r.RequirementsHash,
				nullID(r.RequestedBy), r.RequestedAt).Scan(&r.ID)
			if err != nil {
				return fmt.Errorf("insert vetting: %w", err)
			}
			byEngine[r.Engine] = append(byEngine[r.Engine], r.ID)
		}
		for engine, ids := range byEngine {
			if err := db.enqueuer.EnqueueVettings(ctx, tx, engine, ids); err != nil {
				return err
			}
		}
		return appendEvent(ctx, tx, ev)
	})
}

const vettingColumns = `v.id, v.candidate_id, COALESCE(c.name, ''), v.job_id, v.status, v.engine,
	v.model, v.rubric_version, v.input_hash, v.requirements_hash, v.params, v.raw_output, v.score,
	v.verdict, v.summary, v.requirements, v.tokens_in, v.tokens_out, v.duration_ms, v.attempts,
	v.error, COALESCE(v.requested_by, 0), COALESCE(u.email, ''), v.requested_at, v.started_at,
	v.finished_at`

const vettingJoins = `
		FROM vettings v
		JOIN candidates c ON c.id = v.candidate_id
		LEFT JOIN users u ON u.id = v.requested_by`

func scanVetting(r rowScanner) (*screening.Record, error) {
	var v screening.Record
	var status, verdict, params, reqs string
	var score sql.NullInt64
	var started, finished sql.NullTime
	err := r.Scan(&v.ID, &v.CandidateID, &v.CandidateName, &v.JobID, &status, &v.Engine, &v.Model,
		&v.RubricVersion, &v.InputHash, &v.RequirementsHash, &params, &v.Raw, &score, &verdict,
		&v.Summary, &reqs, &v.TokensIn, &v.TokensOut, &v.DurationMS, &v.Attempts, &v.Error,
		&v.RequestedBy, &v.RequestedByEmail, &v.RequestedAt, &started, &finished)
	if err != nil {
		return nil, err
	}
	v.Status, v.Verdict = screening.Status(status), vetting.Verdict(verdict)
	v.StartedAt, v.FinishedAt = started.Time, finished.Time
	if score.Valid {
		n := int(score.Int64)
		v.Score = &n
	}
	if err := json.Unmarshal([]byte(params), &v.Params); err != nil {
		return nil, fmt.Errorf("decode vetting %d: %w", v.ID, err)
	}
	if err := json.Unmarshal([]byte(reqs), &v.Requirements); err != nil {
		return nil, fmt.Errorf("decode vetting %d: %w", v.ID, err)
	}
	return &v, nil
}

// Vetting returns one vetting.
func (db *DB) Vetting(ctx context.Context, id int64) (*screening.Record, error) {
	q := `SELECT ` + vettingColumns + vettingJoins + ` WHERE v.id = $1`
	v, err := scanVetting(db.read.QueryRowContext(ctx, q, id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("vetting %d", id), "No such vetting.")
	}
	return v, nil
}

// StartVetting moves a queued vetting, or one left running by a crashed
// process, to running.
func (db *DB) StartVetting(ctx context.Context, id int64, at time.Time) (*screening.Record, error) {
	const q = `
		UPDATE vettings
		SET status = 'running', started_at = $2, attempts = attempts + 1
		WHERE id = $1
			AND status IN ('queued', 'running')`
	var out *screening.Record
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, q, id, at)
		if err != nil {
			return fmt.Errorf("start vetting %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return vettingGone(ctx, tx, id)
		}
		sel := `SELECT ` + vettingColumns + vettingJoins + ` WHERE v.id = $1`
		out, err = scanVetting(tx.QueryRowContext(ctx, sel, id))
		return err
	})
	return out, err
}

// vettingGone explains why a vetting could not change state.
func vettingGone(ctx context.Context, tx *sql.Tx, id int64) error {
	var status string
	err := tx.QueryRowContext(ctx, `SELECT status FROM vettings WHERE id = $1`, id).Scan(&status)
	if errors.Is(err, sql.ErrNoRows) {
		return fault.NotFoundf("No such vetting.")
	}
	if err != nil {
		return fmt.Errorf("vetting %d: %w", id, err)
	}
	return fault.Conflictf("The vetting is %s.", status)
}

// RetryLater puts a failed attempt back to queued with its error.
func (db *DB) RetryLater(ctx context.Context, id int64, msg string) error {
	const q = `
		UPDATE vettings
		SET status = 'queued', error = $2
		WHERE id = $1
			AND status = 'running'`
	if _, err := db.write.ExecContext(ctx, q, id, msg); err != nil {
		return fmt.Errorf("retry vetting %d: %w", id, err)
	}
	return nil
}

// FinishVetting saves the outcome of a running vetting and, for the
// candidate's own job, its score on the candidate.
func (db *DB) FinishVetting(ctx context.Context, r *screening.Record, ev *activity.Event) error {
	const q = `
		UPDATE vettings
		SET status = $2, model = $3, rubric_version = $4, input_hash = $5,
			requirements_hash = $6, params = $7, raw_output = $8, score = $9, verdict = $10,
			summary = $11, requirements = $12, tokens_in = $13, tokens_out = $14,
			duration_ms = $15, error = $16, finished_at = $17
		WHERE id = $1
			AND status = 'running'`
	params, err := json.Marshal(nonNilMap(r.Params))
	if err != nil {
		return fmt.Errorf("encode vetting %d: %w", r.ID, err)
	}
	reqs, err := json.Marshal(nonNil(r.Requirements))
	if err != nil {
		return fmt.Errorf("encode vetting %d: %w", r.ID, err)
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, q, r.ID, string(r.Status), r.Model, r.RubricVersion,
			r.InputHash, r.RequirementsHash, string(params), r.Raw, r.Score, string(r.Verdict),
			r.Summary, string(reqs), r.TokensIn, r.TokensOut, r.DurationMS, r.Error, r.FinishedAt)
		if err != nil {
			return fmt.Errorf("finish vetting %d: %w", r.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return vettingGone(ctx, tx, r.ID)
		}
		if r.Status == screening.Done {
			const qs = `UPDATE candidates SET score = $3 WHERE id = $1 AND job_id = $2`
			if _, err := tx.ExecContext(ctx, qs, r.CandidateID, r.JobID, r.Score); err != nil {
				return fmt.Errorf("score candidate %d: %w", r.CandidateID, err)
			}
		}
		if ev == nil {
			return nil
		}
		return appendEvent(ctx, tx, *ev)
	})
}

func nonNilMap(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

// CandidateVettings lists a candidate's vettings, newest first.
func (db *DB) CandidateVettings(ctx context.Context, candidateID int64) ([]screening.Record, error) {
	q := `SELECT ` + vettingColumns + vettingJoins + `
		WHERE v.candidate_id = $1
		ORDER BY v.id DESC
		LIMIT 100`
	rows, err := db.read.QueryContext(ctx, q, candidateID)
	if err != nil {
		return nil, fmt.Errorf("vettings of candidate %d: %w", candidateID, err)
	}
	return collectVettings(rows)
}

func collectVettings(rows *sql.Rows) ([]screening.Record, error) {
	defer rows.Close()
	var out []screening.Record
	for rows.Next() {
		v, err := scanVetting(rows)
		if err != nil {
			return nil, fmt.Errorf("scan vetting: %w", err)
		}
		out = append(out, *v)
	}
	return out, rows.Err()
}

// Decide moves a candidate to a stage and records the decision.
func (db *DB) Decide(ctx context.Context, d screening.Decision, ev activity.Event) error {
	const qc = `
		UPDATE candidates
		SET stage = $2, updated_at = $3
		WHERE id = $1
			AND NOT is_deleted`
	const qd = `
		INSERT INTO decisions (candidate_id, job_id, stage, reason, engine_verdict, overrules,
			decided_by, decided_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`
	return db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, qc, d.CandidateID, string(d.Stage), d.At)
		if err != nil {
			return fmt.Errorf("decide on %d: %w", d.CandidateID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return lostRace(ctx, tx, d.CandidateID, "The candidate was deleted meanwhile.")
		}
		_, err = tx.ExecContext(ctx, qd, d.CandidateID, nullID(d.JobID), string(d.Stage), d.Reason,
			string(d.EngineVerdict), d.Overrules, nullID(d.By), d.At)
		if err != nil {
			return fmt.Errorf("record decision on %d: %w", d.CandidateID, err)
		}
		return appendEvent(ctx, tx, ev)
	})
}

// CandidateDecisions lists the decisions on a candidate, oldest first, with
// the email of the person who made each.
func (db *DB) CandidateDecisions(ctx context.Context, candidateID int64) ([]screening.DecisionView, error) {
	const q = `
		SELECT d.candidate_id, COALESCE(d.job_id, 0), d.stage, d.reason, d.engine_verdict,
			d.overrules, COALESCE(d.decided_by, 0), COALESCE(u.email, ''), d.decided_at
		FROM decisions d
		LEFT JOIN users u ON u.id = d.decided_by
		WHERE d.candidate_id = $1
		ORDER BY d.id`
	rows, err := db.read.QueryContext(ctx, q, candidateID)
	if err != nil {
		return nil, fmt.Errorf("decisions of %d: %w", candidateID, err)
	}
	defer rows.Close()
	var out []screening.DecisionView
	for rows.Next() {
		var d screening.DecisionView
		var stage, verdict string
		err := rows.Scan(&d.CandidateID, &d.JobID, &stage, &d.Reason, &verdict, &d.Overrules,
			&d.By, &d.ByEmail, &d.At)
		if err != nil {
			return nil, fmt.Errorf("decisions of %d: %w", candidateID, err)
		}
		d.Stage, d.EngineVerdict = candidate.Stage(stage), vetting.Verdict(verdict)
		out = append(out, d)
	}
	return out, rows.Err()
}

// CancelVetting cancels a vetting that has not finished; a worker running
// it discards its result.
func (db *DB) CancelVetting(ctx context.Context, id int64, msg string, ev activity.Event) error {
	const q = `
		UPDATE vettings
		SET status = 'cancelled', error = $2, finished_at = $3
		WHERE id = $1
			AND status IN ('queued', 'running')`
	return db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, q, id, msg, ev.At)
		if err != nil {
			return fmt.Errorf("cancel vetting %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return vettingGone(ctx, tx, id)
		}
		return appendEvent(ctx, tx, ev)
	})
}
