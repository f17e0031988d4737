package candidate

import (
	"context"
	"fmt"
	"slices"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/fault"
	"shortlist/internal/user"
)

// MergeStore saves a merge of two candidates in one transaction.
type MergeStore interface {
	MergeCandidates(ctx context.Context, keep *Candidate, dupID int64, d Deletion, ev activity.Event) error
}

// Merge folds a duplicate into the candidate to keep: contact details the
// kept one lacks are copied over, and the duplicate goes to the trash with a
// reason naming the kept one, so an admin can still restore it.
func (s *Service) Merge(ctx context.Context, actor *user.User, keepID, dupID int64) (*Candidate, error) {
	if keepID == dupID {
		return nil, fault.Invalidf("A candidate cannot be merged into itself.")
	}
	keep, err := s.Get(ctx, actor, keepID)
	if err != nil {
		return nil, err
	}
	dup, err := s.Get(ctx, actor, dupID)
	if err != nil {
		return nil, err
	}
	if keep.Deleted || dup.Deleted {
		return nil, fault.Conflictf("Both candidates must be active to merge them.")
	}
	if keep.Name == "" {
		keep.Name = dup.Name
	}
	if keep.Email == "" {
		keep.Email = dup.Email
	}
	if keep.Phone == "" {
		keep.Phone = dup.Phone
	}
	for _, l := range dup.Links {
		if !slices.Contains(keep.Links, l) {
			keep.Links = append(keep.Links, l)
		}
	}
	d := Deletion{At: time.Now().UTC(), ByID: actor.ID, By: actor.Label(),
		Reason: fmt.Sprintf("Merged into candidate #%d", keep.ID)}
	ev := activity.New(actor.Actor(), ActionMerged, "candidate", dupID,
		fmt.Sprintf("merged into candidate #%d", keep.ID))
	if err := s.merges.MergeCandidates(ctx, keep, dupID, d, ev); err != nil {
		return nil, fmt.Errorf("merge %d into %d: %w", dupID, keepID, err)
	}
	return keep, nil
}
