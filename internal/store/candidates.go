package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/candidate"
	"shortlist/internal/fault"
	"shortlist/internal/resume"
)

// CreateCandidate inserts c and its original file. A file whose content hash
// is already stored is a *candidate.DuplicateError naming the existing row.
func (db *DB) CreateCandidate(ctx context.Context, c *candidate.Candidate, f candidate.File,
	ev activity.Event) error {
	const q = `
		INSERT INTO candidates (job_id, name, email, phone, links, stage, resume_text,
			hidden_text, quality, sections, flags, needs_review, content_hash,
			simhash_a, simhash_b, simhash_c, simhash_d, file_name, file_kind, file_size,
			uploaded_by, created_at, updated_at, engine_text)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
			$14, $15, $16, $17, $18, $19, $20, $21, $22, $22, $23)
		ON CONFLICT (content_hash) DO NOTHING
		RETURNING id`
	j, err := encodeDetails(c)
	if err != nil {
		return err
	}
	bands := candidate.Bands(c.SimHash)
	now := time.Now().UTC()
	return db.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, q, nullID(c.JobID), c.Name, c.Email, c.Phone, j.links,
			string(c.Stage), c.Text, j.hidden, j.quality, j.sections, j.flags, c.NeedsReview,
			c.ContentHash, bands[0], bands[1], bands[2], bands[3], c.FileName, string(c.FileKind),
			c.FileSize, nullID(c.UploadedBy), now, c.EngineText).Scan(&c.ID)
		if errors.Is(err, sql.ErrNoRows) {
			return duplicateOf(ctx, tx, c.ContentHash)
		}
		if err != nil {
			return fmt.Errorf("insert candidate: %w", err)
		}
		const qf = `INSERT INTO candidate_files (candidate_id, data) VALUES ($1, $2)`
		if _, err := tx.ExecContext(ctx, qf, c.ID, f.Data); err != nil {
			return fmt.Errorf("insert file of candidate %d: %w", c.ID, err)
		}
		c.CreatedAt, c.UpdatedAt = now, now
		ev.SubjectID = c.ID
		return appendEvent(ctx, tx, ev)
	})
}

func duplicateOf(ctx context.Context, tx *sql.Tx, hash string) error {
	var dup candidate.DuplicateError
	const q = `SELECT id, is_deleted FROM candidates WHERE content_hash = $1`
	if err := tx.QueryRowContext(ctx, q, hash).Scan(&dup.ExistingID, &dup.Deleted); err != nil {
		return fmt.Errorf("find duplicate: %w", err)
	}
	return &dup
}

// details holds the JSON-encoded columns of a candidate.
type details struct {
	links, hidden, quality, sections, flags string
}

func encodeDetails(c *candidate.Candidate) (details, error) {
	var d details
	for _, f := range []struct {
		dst *string
		v   any
	}{{&d.links, nonNil(c.Links)}, {&d.hidden, nonNil(c.Hidden)}, {&d.quality, c.Quality},
		{&d.sections, nonNil(c.Sections)}, {&d.flags, nonNil(c.Flags)}} {
		b, err := json.Marshal(f.v)
		if err != nil {
			return d, fmt.Errorf("encode candidate: %w", err)
		}
		*f.dst = string(b)
	}
	return d, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func decodeDetails(c *candidate.Candidate, d details) error {
	for _, f := range []struct {
		src string
		dst any
	}{{d.links, &c.Links}, {d.hidden, &c.Hidden}, {d.quality, &c.Quality},
		{d.sections, &c.Sections}, {d.flags, &c.Flags}} {
		if f.src == "" {
			continue
		}
		if err := json.Unmarshal([]byte(f.src), f.dst); err != nil {
			return fmt.Errorf("decode candidate %d: %w", c.ID, err)
		}
	}
	return nil
}

// candidateSummary lists the columns shown in lists: no resume text.
const candidateSummary = `c.id, COALESCE(c.job_id, 0), COALESCE(j.title, ''),
	COALESCE(j.blind, FALSE), c.name, c.email, c.phone, c.stage, c.needs_review, c.flags, c.file_name, c.file_kind, c.file_size, c.score,
	COALESCE(c.uploaded_by, 0), COALESCE(u.email, ''), c.created_at, c.updated_at,
	c.is_deleted, c.deleted_at, c.deleted_by, c.deletion_reason, c.legal_hold,
	c.simhash_a, c.simhash_b, c.simhash_c, c.simhash_d, c.content_hash`

const candidateJoins = `
		FROM candidates c
		LEFT JOIN jobs j ON j.id = c.job_id
		LEFT JOIN users u ON u.id = c.uploaded_by`

func scanSummary(r rowScanner, extra ...any) (*candidate.Candidate, error) {
	var c candidate.Candidate
	var stage, kind, flags string
	var score sql.NullInt64
	var deletedAt sql.NullTime
	var bands [4]int64
	dest := append([]any{&c.ID, &c.JobID, &c.JobTitle, &c.JobBlind, &c.Name, &c.Email, &c.Phone, &stage,
		&c.NeedsReview, &flags, &c.FileName, &kind, &c.FileSize, &score, &c.UploadedBy,
		&c.UploadedByEmail, &c.CreatedAt, &c.UpdatedAt, &c.Deleted, &deletedAt, &c.DeletedBy,
		&c.Reason, &c.LegalHold, &bands[0], &bands[1], &bands[2], &bands[3], &c.ContentHash},
		extra...)
	if err := r.Scan(dest...); err != nil {
		return nil, err
	}
	c.Stage, c.FileKind, c.DeletedAt = candidate.Stage(stage), resume.Kind(kind), deletedAt.Time
	if score.Valid {
		s := int(score.Int64)
		c.Score = &s
	}
	c.SimHash = fromBands(bands)
	if err := json.Unmarshal([]byte(flags), &c.Flags); err != nil {
		return nil, fmt.Errorf("decode flags of candidate %d: %w", c.ID, err)
	}
	return &c, nil
}

// Candidate returns one candidate with everything read from its file,
// soft-deleted or not.
func (db *DB) Candidate(ctx context.Context, id int64) (*candidate.Candidate, error) {
	q := `SELECT ` + candidateSummary + `, c.resume_text, c.engine_text, c.links, c.hidden_text,
		c.quality, c.sections` + candidateJoins + `
		WHERE c.id = $1`
	var d details
	var text, engineText string
	c, err := scanSummary(db.read.QueryRowContext(ctx, q, id), &text, &engineText, &d.links,
		&d.hidden, &d.quality, &d.sections)
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("candidate %d", id), "No such candidate.")
	}
	c.Text, c.EngineText = text, engineText
	d.flags = ""
	return c, decodeDetails(c, d)
}

// CandidateFile returns a candidate's original file.
func (db *DB) CandidateFile(ctx context.Context, id int64) (*candidate.File, error) {
	const q = `
		SELECT c.file_name, c.file_kind, f.data
		FROM candidates c
		JOIN candidate_files f ON f.candidate_id = c.id
		WHERE c.id = $1`
	var f candidate.File
	var kind string
	if err := db.read.QueryRowContext(ctx, q, id).Scan(&f.Name, &kind, &f.Data); err != nil {
		return nil, notFound(err, fmt.Sprintf("file of candidate %d", id), "No such file.")
	}
	f.Kind = resume.Kind(kind)
	return &f, nil
}

// UpdateCandidate saves the editable fields of c.
func (db *DB) UpdateCandidate(ctx context.Context, c *candidate.Candidate, ev activity.Event) error {
	const q = `
		UPDATE candidates
		SET job_id = $2, name = $3, email = $4, phone = $5, links = $6, stage = $7,
			flags = $8, updated_at = $9
		WHERE id = $1
			AND NOT is_deleted`
	j, err := encodeDetails(c)
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	return db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, q, c.ID, nullID(c.JobID), c.Name, c.Email, c.Phone,
			j.links, string(c.Stage), j.flags, now)
		if err != nil {
			return fmt.Errorf("update candidate %d: %w", c.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fault.Conflictf("The candidate was deleted meanwhile.")
		}
		c.UpdatedAt = now
		return appendEvent(ctx, tx, ev)
	})
}

// maxSimilar bounds how many possible duplicates are returned.
const maxSimilar = 20

// SimilarCandidates returns up to 20 active candidates other than c that
// share its email or phone, or whose text fingerprint is within a few bits
// of its own. It first reads only ids and fingerprints of the candidates
// sharing an index band (cheap even when a band is common), keeps the close
// ones, and then loads those.
func (db *DB) SimilarCandidates(ctx context.Context, c *candidate.Candidate) ([]candidate.Candidate, error) {
	q, args := similarQuery(c)
	rows, err := db.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("similar candidates of %d: %w", c.ID, err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() && len(ids) < maxSimilar {
		var id int64
		var bands [4]int64
		var sameContact bool
		if err := rows.Scan(&id, &bands[0], &bands[1], &bands[2], &bands[3], &sameContact); err != nil {
			return nil, fmt.Errorf("similar candidates of %d: %w", c.ID, err)
		}
		if sameContact || candidate.NearDuplicate(c.SimHash, fromBands(bands)) {
			ids = append(ids, id)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("similar candidates of %d: %w", c.ID, err)
	}
	return db.candidateSummaries(ctx, ids)
}

// similarQuery finds the candidates sharing c's email, phone or a band of
// its fingerprint. Each way of matching is its own indexed lookup joined by
// UNION: a single WHERE with OR between them makes both databases read the
// whole table.
func similarQuery(c *candidate.Candidate) (string, []any) {
	w := &where{}
	self := w.next(c.ID)
	var lookups []string
	if c.SimHash != 0 {
		for i, b := range candidate.Bands(c.SimHash) {
			col := []string{"simhash_a", "simhash_b", "simhash_c", "simhash_d"}[i]
			lookups = append(lookups, `SELECT id FROM candidates WHERE `+col+` = `+w.next(b))
		}
	}
	same := "FALSE"
	for _, f := range []struct{ col, val string }{{"email", c.Email}, {"phone", c.Phone}} {
		if f.val == "" {
			continue
		}
		// "<> ''" lets the partial index on the column serve the lookup.
		m := w.next(f.val)
		lookups = append(lookups, `SELECT id FROM candidates WHERE `+f.col+` = `+m+
			` AND `+f.col+` <> ''`)
		same += ` OR c.` + f.col + ` = ` + m
	}
	if len(lookups) == 0 {
		lookups = []string{`SELECT id FROM candidates WHERE FALSE`}
	}
	q := `
		SELECT c.id, c.simhash_a, c.simhash_b, c.simhash_c, c.simhash_d, ` + same + `
		FROM candidates c
		WHERE c.id IN (
			` + strings.Join(lookups, "\n\t\t\tUNION ") + `
		)
			AND c.id <> ` + self + `
			AND NOT c.is_deleted
		LIMIT 5000`
	return q, w.args
}

// fromBands joins the four stored bands of a fingerprint.
func fromBands(b [4]int64) uint64 {
	return uint64(b[0]) | uint64(b[1])<<16 | uint64(b[2])<<32 | uint64(b[3])<<48
}

// candidateSummaries loads the list view of the given candidates, by id.
func (db *DB) candidateSummaries(ctx context.Context, ids []int64) ([]candidate.Candidate, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	w := &where{}
	q := `SELECT ` + candidateSummary + candidateJoins + `
		WHERE c.id IN (` + w.list(ids) + `)
		ORDER BY c.id`
	rows, err := db.read.QueryContext(ctx, q, w.args...)
	if err != nil {
		return nil, fmt.Errorf("load candidates: %w", err)
	}
	return collectSummaries(rows)
}

func collectSummaries(rows *sql.Rows) ([]candidate.Candidate, error) {
	defer rows.Close()
	var out []candidate.Candidate
	for rows.Next() {
		c, err := scanSummary(rows)
		if err != nil {
			return nil, fmt.Errorf("scan candidate: %w", err)
		}
		out = append(out, *c)
	}
	return out, rows.Err()
}

// CandidateHistory returns the activity on one candidate, newest first.
func (db *DB) CandidateHistory(ctx context.Context, id int64) ([]activity.Event, error) {
	const q = `
		SELECT id, at, COALESCE(actor_id, 0), actor_email, actor_role, action,
			subject_type, COALESCE(subject_id, 0), detail
		FROM activity
		WHERE subject_type = 'candidate'
			AND subject_id = $1
		ORDER BY id DESC
		LIMIT 200`
	rows, err := db.read.QueryContext(ctx, q, id)
	if err != nil {
		return nil, fmt.Errorf("history of candidate %d: %w", id, err)
	}
	return collectEvents(rows)
}
