package candidate

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/fault"
	"shortlist/internal/user"
)

// Activity actions of deletion.
const (
	ActionDeleted   activity.Action = "candidate.deleted"
	ActionRestored  activity.Action = "candidate.restored"
	ActionPurged    activity.Action = "candidate.purged"
	ActionLegalHold activity.Action = "candidate.legal_hold"
)

// CommonReasons are offered when deleting; any other reason may be typed.
var CommonReasons = []string{
	"Duplicate of another candidate",
	"Withdrew from the process",
	"Not a fit for any open role",
	"Uploaded by mistake",
	"Asked for their data to be erased",
}

// Deletion records who soft-deleted a candidate, when and why.
type Deletion struct {
	At     time.Time
	ByID   int64
	By     string // "email (role)" at the time
	Reason string
}

// Receipt says what a permanent erasure removed.
type Receipt struct {
	CandidateID int64     `json:"candidate_id"`
	ContentHash string    `json:"content_hash"`
	Removed     []string  `json:"removed"`
	At          time.Time `json:"at"`
	By          string    `json:"by"`
}

// Erased counts what a purge removed, for the receipt.
type Erased struct {
	FileBytes int64
	TextChars int
	Vettings  int
}

// DeletionStore is the part of the store that deletes.
type DeletionStore interface {
	// SoftDeleteCandidate marks an active candidate deleted; a candidate
	// already deleted is a Conflict.
	SoftDeleteCandidate(ctx context.Context, id int64, d Deletion, ev activity.Event) error
	// RestoreCandidate brings a deleted candidate back; one not deleted is a
	// Conflict.
	RestoreCandidate(ctx context.Context, id int64, ev activity.Event) error
	// PurgeCandidate erases a soft-deleted candidate that is not under legal
	// hold, with everything derived from it, leaving ev as a tombstone.
	PurgeCandidate(ctx context.Context, id int64, ev activity.Event) (Erased, error)
	SetLegalHold(ctx context.Context, id int64, hold bool, ev activity.Event) error
	// ExpiredCandidates lists soft-deleted candidates deleted before t and
	// not under legal hold.
	ExpiredCandidates(ctx context.Context, before time.Time) ([]int64, error)
}

func requireAdmin(actor *user.User, what string) error {
	if actor != nil && actor.Role != user.Admin {
		return fault.Forbiddenf("Only admins can %s.", what)
	}
	return nil
}

// Delete moves a candidate to the trash, recording who did it and why.
func (s *Service) Delete(ctx context.Context, actor *user.User, id int64, reason string) (*Candidate, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, fault.Invalidf("Give a reason for deleting the candidate.")
	}
	if len(reason) > 500 {
		return nil, fault.Invalidf("The reason must have at most 500 characters.")
	}
	c, err := s.Get(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if c.Deleted {
		return nil, fault.Conflictf("The candidate is already deleted.")
	}
	d := Deletion{At: time.Now().UTC(), ByID: actor.ID, By: actor.Label(), Reason: reason}
	ev := activity.New(actor.Actor(), ActionDeleted, "candidate", id, "because: "+scrub(reason, c))
	if err := s.deletions.SoftDeleteCandidate(ctx, id, d, ev); err != nil {
		return nil, fmt.Errorf("delete candidate %d: %w", id, err)
	}
	c.Deleted, c.DeletedAt, c.DeletedBy, c.Reason = true, d.At, d.By, reason
	return c, nil
}

// Restore brings a candidate back from the trash (admins only).
func (s *Service) Restore(ctx context.Context, actor *user.User, id int64) error {
	if err := requireAdmin(actor, "restore candidates"); err != nil {
		return err
	}
	ev := activity.New(actor.Actor(), ActionRestored, "candidate", id, "")
	if err := s.deletions.RestoreCandidate(ctx, id, ev); err != nil {
		return fmt.Errorf("restore candidate %d: %w", id, err)
	}
	return nil
}

// Purge erases a deleted candidate for good (admins only, or the retention
// job when actor is nil) and returns a receipt of what was removed.
func (s *Service) Purge(ctx context.Context, actor *user.User, id int64) (*Receipt, error) {
	if err := requireAdmin(actor, "delete candidates forever"); err != nil {
		return nil, err
	}
	c, err := s.store.Candidate(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("purge candidate %d: %w", id, err)
	}
	if !c.Deleted {
		return nil, fault.Conflictf("Only a deleted candidate can be deleted forever; delete it first.")
	}
	if c.LegalHold {
		return nil, fault.Conflictf("The candidate is under legal hold and cannot be erased.")
	}
	// The tombstone keeps who, when, why and the file's hash, never who the
	// candidate was.
	detail := fmt.Sprintf("erased; content hash %s; deleted by %s on %s because: %s",
		c.ContentHash, c.DeletedBy, c.DeletedAt.Format(time.DateOnly), scrub(c.Reason, c))
	ev := activity.New(actor.Actor(), ActionPurged, "candidate", id, detail)
	erased, err := s.deletions.PurgeCandidate(ctx, id, ev)
	if err != nil {
		return nil, fmt.Errorf("purge candidate %d: %w", id, err)
	}
	return receipt(c, erased, ev), nil
}

func receipt(c *Candidate, e Erased, ev activity.Event) *Receipt {
	return &Receipt{
		CandidateID: c.ID, ContentHash: c.ContentHash, At: ev.At, By: ev.Actor.Email,
		Removed: []string{
			"the candidate record and contact details",
			fmt.Sprintf("the original file (%d bytes)", e.FileBytes),
			fmt.Sprintf("the extracted text (%d characters) and hidden text", e.TextChars),
			fmt.Sprintf("%d vetting records with their model output", e.Vettings),
			"the search index entries",
		},
	}
}

// SetLegalHold puts a candidate under legal hold, which stops any erasure,
// or lifts it (admins only).
func (s *Service) SetLegalHold(ctx context.Context, actor *user.User, id int64, hold bool) error {
	if err := requireAdmin(actor, "set legal holds"); err != nil {
		return err
	}
	detail := "lifted"
	if hold {
		detail = "set"
	}
	ev := activity.New(actor.Actor(), ActionLegalHold, "candidate", id, detail)
	if err := s.deletions.SetLegalHold(ctx, id, hold, ev); err != nil {
		return fmt.Errorf("legal hold on %d: %w", id, err)
	}
	return nil
}

// PurgeExpired erases every candidate deleted more than days ago that is not
// under legal hold, and returns their receipts. days 0 means never.
func (s *Service) PurgeExpired(ctx context.Context, days int) ([]*Receipt, error) {
	if days <= 0 {
		return nil, nil
	}
	ids, err := s.deletions.ExpiredCandidates(ctx, time.Now().UTC().AddDate(0, 0, -days))
	if err != nil {
		return nil, fmt.Errorf("purge expired: %w", err)
	}
	var out []*Receipt
	for _, id := range ids {
		r, err := s.Purge(ctx, nil, id)
		if fault.KindOf(err) == fault.Conflict || fault.KindOf(err) == fault.NotFound {
			continue // restored, held or erased meanwhile
		}
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	return out, nil
}

// scrub removes a candidate's name, email and phone from free text before it
// goes into the activity log, which outlives the candidate.
func scrub(text string, c *Candidate) string {
	for _, v := range []string{c.Email, c.Phone, c.Name} {
		v = strings.TrimSpace(v)
		if len(v) < 3 {
			continue
		}
		text = regexp.MustCompile(`(?i)`+regexp.QuoteMeta(v)).ReplaceAllString(text, "[redacted]")
	}
	for _, part := range strings.Fields(c.Name) {
		if len(part) >= 3 {
			text = regexp.MustCompile(`(?i)\b`+regexp.QuoteMeta(part)+`\b`).
				ReplaceAllString(text, "[redacted]")
		}
	}
	return text
}
