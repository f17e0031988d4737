package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/fault"
	"shortlist/internal/job"
	"shortlist/internal/vetting"
)

// CreateJob inserts j with its requirements.
func (db *DB) CreateJob(ctx context.Context, j *job.Job, ev activity.Event) error {
	const q = `
		INSERT INTO jobs (title, description, location, status, blind, requirements_hash,
			created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
		RETURNING id`
	now := time.Now().UTC()
	return db.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, q, j.Title, j.Description, j.Location, string(j.Status),
			j.Blind, j.RequirementsHash, nullID(j.CreatedBy), now).Scan(&j.ID)
		if err != nil {
			return fmt.Errorf("insert job: %w", err)
		}
		j.CreatedAt, j.UpdatedAt = now, now
		if err := insertRequirements(ctx, tx, j); err != nil {
			return err
		}
		ev.SubjectID = j.ID
		return appendEvent(ctx, tx, ev)
	})
}

// UpdateJob saves j's fields and replaces its requirements.
func (db *DB) UpdateJob(ctx context.Context, j *job.Job, ev activity.Event) error {
	const q = `
		UPDATE jobs
		SET title = $2, description = $3, location = $4, status = $5,
			requirements_hash = $6, updated_at = $7, blind = $8
		WHERE id = $1`
	now := time.Now().UTC()
	return db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, q, j.ID, j.Title, j.Description, j.Location,
			string(j.Status), j.RequirementsHash, now, j.Blind)
		if err != nil {
			return fmt.Errorf("update job %d: %w", j.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fault.NotFoundf("No such job.")
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM job_requirements WHERE job_id = $1`, j.ID); err != nil {
			return fmt.Errorf("clear requirements of job %d: %w", j.ID, err)
		}
		if err := insertRequirements(ctx, tx, j); err != nil {
			return err
		}
		j.UpdatedAt = now
		return appendEvent(ctx, tx, ev)
	})
}

func insertRequirements(ctx context.Context, tx *sql.Tx, j *job.Job) error {
	const q = `
		INSERT INTO job_requirements (job_id, position, kind, text, weight, years)
		VALUES ($1, $2, $3, $4, $5, $6)
		RETURNING id`
	for i := range j.Requirements {
		r := &j.Requirements[i]
		err := tx.QueryRowContext(ctx, q, j.ID, i, string(r.Kind), r.Text, r.Weight, r.Years).Scan(&r.ID)
		if err != nil {
			return fmt.Errorf("insert requirement of job %d: %w", j.ID, err)
		}
	}
	return nil
}

const jobColumns = `id, title, description, location, status, blind, requirements_hash,
	COALESCE(created_by, 0), created_at, updated_at`

func scanJob(r rowScanner) (*job.Job, error) {
	var j job.Job
	var status string
	err := r.Scan(&j.ID, &j.Title, &j.Description, &j.Location, &status, &j.Blind,
		&j.RequirementsHash, &j.CreatedBy, &j.CreatedAt, &j.UpdatedAt)
	j.Status = job.Status(status)
	return &j, err
}

// Job returns a job with its requirements.
func (db *DB) Job(ctx context.Context, id int64) (*job.Job, error) {
	j, err := scanJob(db.read.QueryRowContext(ctx, `SELECT `+jobColumns+` FROM jobs WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("job %d", id), "No such job.")
	}
	if j.Requirements, err = db.requirements(ctx, id); err != nil {
		return nil, err
	}
	return j, nil
}

func (db *DB) requirements(ctx context.Context, jobID int64) ([]vetting.Requirement, error) {
	const q = `
		SELECT id, kind, text, weight, years
		FROM job_requirements
		WHERE job_id = $1
		ORDER BY position`
	rows, err := db.read.QueryContext(ctx, q, jobID)
	if err != nil {
		return nil, fmt.Errorf("requirements of job %d: %w", jobID, err)
	}
	defer rows.Close()
	var out []vetting.Requirement
	for rows.Next() {
		var r vetting.Requirement
		var kind string
		if err := rows.Scan(&r.ID, &kind, &r.Text, &r.Weight, &r.Years); err != nil {
			return nil, fmt.Errorf("requirements of job %d: %w", jobID, err)
		}
		r.Kind = vetting.RequirementKind(kind)
		out = append(out, r)
	}
	return out, rows.Err()
}

// Jobs lists jobs newest first, of one status or ("" ) all.
func (db *DB) Jobs(ctx context.Context, status job.Status) ([]job.Job, error) {
	q := `
		SELECT ` + jobColumns + `
		FROM jobs
		WHERE $1 = '' OR status = $1
		ORDER BY id DESC`
	rows, err := db.read.QueryContext(ctx, q, string(status))
	if err != nil {
		return nil, fmt.Errorf("list jobs: %w", err)
	}
	defer rows.Close()
	var out []job.Job
	for rows.Next() {
		j, err := scanJob(rows)
		if err != nil {
			return nil, fmt.Errorf("list jobs: %w", err)
		}
		out = append(out, *j)
	}
	return out, rows.Err()
}
