package web

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/dashboard"
	"shortlist/internal/user"
)

// heartbeat is how often an idle event stream sends a comment, so that
// proxies keep it open and a dead client is noticed.
const heartbeat = 15 * time.Second

// backlogLimit bounds how many missed rows a reconnecting stream replays.
// A client away for longer misses the older rows in its feed; the figures,
// which it fetches again on reconnecting, still count them.
const backlogLimit = 200

// apiEvents streams new activity as server-sent events. Managers and admins
// receive every row as "event: activity" with the row as JSON data. A
// recruiter receives their own rows so; for anyone else's they receive only
// "event: tick" with the row's id, which tells their page to refresh its
// figures without showing them what others did. A client that reconnects
// with Last-Event-ID first gets the rows it missed (up to backlogLimit).
func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) error {
	after, _ := strconv.ParseInt(r.Header.Get("Last-Event-ID"), 10, 64)
	ctx := r.Context()
	// Subscribe before reading the backlog, so no row falls between them.
	live := s.Dashboard.Subscribe(ctx)
	var backlog []activity.Event
	if after > 0 {
		var err error
		if backlog, err = s.Dashboard.ActivityAfter(ctx, after, backlogLimit); err != nil {
			return err
		}
	}

	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	st := &stream{w: w, rc: http.NewResponseController(w), u: currentUser(r),
		sent: map[int64]bool{}}
	// A first event tells the page the stream is up.
	st.write("retry: 2000\nevent: ready\ndata: {}\n\n")
	for _, ev := range backlog {
		st.send(ev)
	}
	if err := st.flush(); err != nil {
		return nil
	}

	t := time.NewTicker(heartbeat)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-live:
			if !ok {
				// The hub stopped or dropped this slow stream; the client
				// reconnects with Last-Event-ID and catches up.
				return nil
			}
			st.send(ev)
		case <-t.C:
			st.comment("heartbeat")
		}
		if err := st.flush(); err != nil {
			s.Log.DebugContext(ctx, "event stream ended", slog.String("request_id", requestID(r)),
				slog.String("error", err.Error()))
			return nil
		}
	}
}

// stream writes server-sent events to one client.
type stream struct {
	w    http.ResponseWriter
	rc   *http.ResponseController
	u    *user.User
	sent map[int64]bool // rows of the backlog, not to be sent twice
	err  error
}

func (st *stream) comment(text string) {
	st.write(": " + text + "\n\n")
}

// send writes one activity row as the client's role may see it.
func (st *stream) send(ev activity.Event) {
	if st.sent[ev.ID] {
		return
	}
	if len(st.sent) < backlogLimit {
		st.sent[ev.ID] = true
	}
	if !st.u.Role.AtLeast(user.Manager) && ev.Actor.ID != st.u.ID {
		st.write(fmt.Sprintf("id: %d\nevent: tick\ndata: {\"id\":%d}\n\n", ev.ID, ev.ID))
		return
	}
	b, err := json.Marshal(dashboard.ToActivity(ev))
	if err != nil {
		st.err = err
		return
	}
	st.write(fmt.Sprintf("id: %d\nevent: activity\ndata: %s\n\n", ev.ID, b))
}

func (st *stream) write(s string) {
	if st.err == nil {
		_, st.err = st.w.Write([]byte(s))
	}
}

func (st *stream) flush() error {
	if st.err != nil {
		return st.err
	}
	return st.rc.Flush()
}
