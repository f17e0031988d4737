package screening

import (
	"context"
	"fmt"

	"shortlist/internal/activity"
	"shortlist/internal/fault"
	"shortlist/internal/user"
)

// Cancel stops a vetting that has not finished. The person who asked for it
// may cancel it, and so may managers and admins. A worker already running it
// discards its result.
func (s *Service) Cancel(ctx context.Context, actor *user.User, id int64) error {
	r, err := s.Get(ctx, actor, id)
	if err != nil {
		return err
	}
	if r.RequestedBy != actor.ID && !actor.Role.AtLeast(user.Manager) {
		return fault.Forbiddenf("Only the person who asked for a vetting, or a manager, can cancel it.")
	}
	ev := activity.New(actor.Actor(), ActionCancelled, "job", r.JobID,
		fmt.Sprintf("candidate #%d", r.CandidateID))
	if err := s.store.CancelVetting(ctx, id, "Cancelled by "+actor.Label()+".", ev); err != nil {
		return fmt.Errorf("cancel vetting %d: %w", id, err)
	}
	return nil
}
