package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/candidate"
	"shortlist/internal/fault"
)

// SoftDeleteCandidate moves an active candidate to the trash.
func (db *DB) SoftDeleteCandidate(ctx context.Context, id int64, d candidate.Deletion,
	ev activity.Event) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		if err := softDelete(ctx, tx, id, d); err != nil {
			return err
		}
		return appendEvent(ctx, tx, ev)
	})
}

func softDelete(ctx context.Context, tx *sql.Tx, id int64, d candidate.Deletion) error {
	const q = `
		UPDATE candidates
		SET is_deleted = TRUE, deleted_at = $2, deleted_by_id = $3, deleted_by = $4,
			deletion_reason = $5, updated_at = $2
		WHERE id = $1
			AND NOT is_deleted`
	res, err := tx.ExecContext(ctx, q, id, d.At, nullID(d.ByID), d.By, d.Reason)
	if err != nil {
		return fmt.Errorf("soft delete candidate %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return lostRace(ctx, tx, id, "The candidate is already deleted.")
	}
	return cancelQueuedVettings(ctx, tx, id)
}

// lostRace explains why a conditional update of a candidate changed nothing:
// it is gone (NotFound) or in another state than expected (Conflict).
func lostRace(ctx context.Context, tx *sql.Tx, id int64, conflict string) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM candidates WHERE id = $1`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fault.NotFoundf("No such candidate; it may have been deleted forever.")
	}
	if err != nil {
		return fmt.Errorf("check candidate %d: %w", id, err)
	}
	return fault.Conflictf("%s", conflict)
}

// RestoreCandidate brings a soft-deleted candidate back.
func (db *DB) RestoreCandidate(ctx context.Context, id int64, ev activity.Event) error {
	const q = `
		UPDATE candidates
		SET is_deleted = FALSE, deleted_at = NULL, deleted_by_id = NULL, deleted_by = '',
			deletion_reason = '', updated_at = $2
		WHERE id = $1
			AND is_deleted`
	return db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, q, id, time.Now().UTC())
		if err != nil {
			return fmt.Errorf("restore candidate %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return lostRace(ctx, tx, id, "The candidate is not in the trash; it was restored already.")
		}
		return appendEvent(ctx, tx, ev)
	})
}

// PurgeCandidate erases a soft-deleted candidate not under legal hold: the
// row, its file, its text and search entries, and its vettings. ev is the
// tombstone left in the activity log.
func (db *DB) PurgeCandidate(ctx context.Context, id int64, ev activity.Event) (candidate.Erased, error) {
	var e candidate.Erased
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		// Claim the row first: the conditional update locks it, so a restore
		// racing with this purge waits, then finds nothing to restore.
		const claim = `
			UPDATE candidates
			SET updated_at = updated_at
			WHERE id = $1
				AND is_deleted
				AND NOT legal_hold`
		res, err := tx.ExecContext(ctx, claim, id)
		if err != nil {
			return fmt.Errorf("purge candidate %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return lostRace(ctx, tx, id, "The candidate was restored or put under legal hold meanwhile.")
		}
		const sizes = `
			SELECT LENGTH(c.resume_text), COALESCE(LENGTH(f.data), 0)
			FROM candidates c
			LEFT JOIN candidate_files f ON f.candidate_id = c.id
			WHERE c.id = $1`
		if err := tx.QueryRowContext(ctx, sizes, id).Scan(&e.TextChars, &e.FileBytes); err != nil {
			return fmt.Errorf("purge candidate %d: %w", id, err)
		}
		if e.Vettings, err = deleteVettings(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM candidates WHERE id = $1`, id); err != nil {
			return fmt.Errorf("purge candidate %d: %w", id, err)
		}
		return appendEvent(ctx, tx, ev)
	})
	if err != nil {
		return e, err
	}
	return e, db.afterErasure(ctx)
}

// SetLegalHold sets or lifts a legal hold.
func (db *DB) SetLegalHold(ctx context.Context, id int64, hold bool, ev activity.Event) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		const q = `UPDATE candidates SET legal_hold = $2, updated_at = $3 WHERE id = $1`
		res, err := tx.ExecContext(ctx, q, id, hold, time.Now().UTC())
		if err != nil {
			return fmt.Errorf("legal hold on %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fault.NotFoundf("No such candidate.")
		}
		return appendEvent(ctx, tx, ev)
	})
}

// ExpiredCandidates lists soft-deleted candidates deleted before t and not
// under legal hold, oldest first.
func (db *DB) ExpiredCandidates(ctx context.Context, before time.Time) ([]int64, error) {
	const q = `
		SELECT id
		FROM candidates
		WHERE is_deleted
			AND NOT legal_hold
			AND deleted_at < $1
		ORDER BY deleted_at
		LIMIT 1000`
	rows, err := db.read.QueryContext(ctx, q, before.UTC())
	if err != nil {
		return nil, fmt.Errorf("expired candidates: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("expired candidates: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// MergeCandidates saves keep's contact details and moves the duplicate to the
// trash, in one transaction.
func (db *DB) MergeCandidates(ctx context.Context, keep *candidate.Candidate, dupID int64,
	d candidate.Deletion, ev activity.Event) error {
	const q = `
		UPDATE candidates
		SET name = $2, email = $3, phone = $4, links = $5, updated_at = $6
		WHERE id = $1
			AND NOT is_deleted`
	j, err := encodeDetails(keep)
	if err != nil {
		return err
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, q, keep.ID, keep.Name, keep.Email, keep.Phone, j.links, d.At)
		if err != nil {
			return fmt.Errorf("merge into %d: %w", keep.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return lostRace(ctx, tx, keep.ID, "The candidate to keep was deleted meanwhile.")
		}
		if err := softDelete(ctx, tx, dupID, d); err != nil {
			return err
		}
		return appendEvent(ctx, tx, ev)
	})
}

// cancelQueuedVettings cancels a candidate's vettings that have not
// finished; a worker that is running one discards its result.
func cancelQueuedVettings(ctx context.Context, tx *sql.Tx, candidateID int64) error {
	const q = `
		UPDATE vettings
		SET status = 'cancelled', error = 'The candidate was deleted.', finished_at = $2
		WHERE candidate_id = $1
			AND status IN ('queued', 'running')`
	if _, err := tx.ExecContext(ctx, q, candidateID, time.Now().UTC()); err != nil {
		return fmt.Errorf("cancel vettings of %d: %w", candidateID, err)
	}
	return nil
}

// deleteVettings erases a candidate's vettings, model output included, and
// returns how many there were.
func deleteVettings(ctx context.Context, tx *sql.Tx, candidateID int64) (int, error) {
	res, err := tx.ExecContext(ctx, `DELETE FROM vettings WHERE candidate_id = $1`, candidateID)
	if err != nil {
		return 0, fmt.Errorf("delete vettings of %d: %w", candidateID, err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}
