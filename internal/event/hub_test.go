package event_test

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"shortlist/internal/activity"
	"shortlist/internal/config"
	"shortlist/internal/event"
	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// run starts h until the test ends.
func run(t *testing.T, h *event.Hub) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.Run(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
}

// receive waits up to within for an event on ch.
func receive(t *testing.T, ch <-chan activity.Event, within time.Duration) activity.Event {
	t.Helper()
	select {
	case ev, ok := <-ch:
		if !ok {
			t.Fatal("subscription closed, want an event")
		}
		return ev
	case <-time.After(within):
		t.Fatalf("no event within %s", within)
	}
	return activity.Event{}
}

// waitStarted waits until the hub has read where the log ends, so that rows
// written next count as new.
func waitStarted(t *testing.T, h *event.Hub, db *store.DB) {
	t.Helper()
	want, _ := db.LastActivityID(context.Background())
	for deadline := time.Now().Add(5 * time.Second); h.LastID() < want; {
		if time.Now().After(deadline) {
			t.Fatalf("hub LastID() = %d, want %d", h.LastID(), want)
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond)
}

func TestEventHubDeliversNewActivity(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		h := event.New(db, event.OptionsFor(db.Dialect, db.URL()), quiet)
		ctx := context.Background()
		if err := db.LogActivity(ctx, activity.New(activity.System, activity.Login, "user", 1,
			"before")); err != nil {
			t.Fatal(err)
		}
		run(t, h)
		waitStarted(t, h, db)
		ch := h.Subscribe(t.Context())

		want := activity.Event{At: time.Now().UTC().Truncate(time.Second),
			Actor:  activity.Actor{Email: "system", Role: "system"},
			Action: activity.TokenCreated, SubjectType: "user", SubjectID: 7, Detail: "live"}
		start := time.Now()
		if err := db.LogActivity(ctx, want); err != nil {
			t.Fatal(err)
		}
		got := receive(t, ch, time.Second)
		if time.Since(start) > time.Second {
			t.Errorf("event took %s, want under a second", time.Since(start))
		}
		if got.ID == 0 || got.Action != want.Action || got.Detail != want.Detail ||
			got.SubjectID != want.SubjectID || !got.At.Equal(want.At) {
			t.Errorf("Subscribe() got %+v, want %+v", got, want)
		}
	})
}

// TestEventHubPostgresAcrossProcesses runs two hubs on two handles of one
// PostgreSQL database, as two Shortlist processes would, with polling slowed
// to a minute: each sees the other's rows, which only LISTEN can explain.
func TestEventHubPostgresAcrossProcesses(t *testing.T) {
	c := storetest.Config(t, config.Postgres)
	ctx := context.Background()
	open := func() *store.DB {
		db, err := store.Open(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	a, b := open(), open()
	if _, err := a.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	opts := event.Options{ListenURL: c.URL, Poll: time.Minute}
	hubA, hubB := event.New(a, opts, quiet), event.New(b, opts, quiet)
	run(t, hubA)
	run(t, hubB)
	waitStarted(t, hubA, a)
	waitStarted(t, hubB, b)
	chA, chB := hubA.Subscribe(t.Context()), hubB.Subscribe(t.Context())

	tests := []struct {
		name   string
		writer *store.DB
		reader <-chan activity.Event
	}{{"a to b", a, chB}, {"b to a", b, chA}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ev := activity.New(activity.System, activity.Login, "user", 1, tc.name)
			if err := tc.writer.LogActivity(ctx, ev); err != nil {
				t.Fatal(err)
			}
			// Each hub sees every row, its own process's too; look past
			// those for the other's.
			deadline := time.Now().Add(time.Second)
			for {
				got := receive(t, tc.reader, time.Until(deadline))
				if got.Detail == tc.name {
					return
				}
			}
		})
	}
}

// fakeLog is an in-memory activity log whose rows become visible when
// commit is called, in any order.
type fakeLog struct {
	mu      sync.Mutex
	visible map[int64]activity.Event
}

func newFakeLog() *fakeLog { return &fakeLog{visible: map[int64]activity.Event{}} }

func (f *fakeLog) commit(ids ...int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, id := range ids {
		f.visible[id] = activity.Event{ID: id, Action: activity.Login}
	}
}

func (f *fakeLog) LastActivityID(context.Context) (int64, error) { return 0, nil }

func (f *fakeLog) ActivityAfter(_ context.Context, after int64,
	limit int) ([]activity.Event, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []activity.Event
	for id := after + 1; id <= after+1000 && len(out) < limit; id++ {
		if ev, ok := f.visible[id]; ok {
			out = append(out, ev)
		}
	}
	return out, nil
}

func (f *fakeLog) ActivityByID(_ context.Context, ids []int64) ([]activity.Event, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []activity.Event
	for _, id := range ids {
		if ev, ok := f.visible[id]; ok {
			out = append(out, ev)
		}
	}
	return out, nil
}

func TestEventHubRowCommittedLate(t *testing.T) {
	log := newFakeLog()
	h := event.New(log, event.Options{Poll: 20 * time.Millisecond}, quiet)
	run(t, h)
	ch := h.Subscribe(t.Context())

	// Row 2 commits before row 1: both must arrive.
	log.commit(2)
	if got := receive(t, ch, time.Second); got.ID != 2 {
		t.Fatalf("first event id = %d, want 2", got.ID)
	}
	log.commit(1)
	if got := receive(t, ch, time.Second); got.ID != 1 {
		t.Errorf("late event id = %d, want 1", got.ID)
	}
}

func TestEventHubDropsSlowSubscriber(t *testing.T) {
	log := newFakeLog()
	h := event.New(log, event.Options{Poll: 10 * time.Millisecond, Buffer: 4}, quiet)
	run(t, h)
	slow := h.Subscribe(t.Context())
	fast := h.Subscribe(t.Context())

	const n = 20
	for id := int64(1); id <= n; id++ {
		log.commit(id)
		if got := receive(t, fast, time.Second); got.ID != id {
			t.Fatalf("fast subscriber got id %d, want %d", got.ID, id)
		}
	}
	got := 0
	for range slow {
		got++
	}
	if got != 4 {
		t.Errorf("slow subscriber got %d events before being dropped, want its buffer of 4", got)
	}
	if n := h.Subscribers(); n != 1 {
		t.Errorf("Subscribers() = %d after the drop, want 1", n)
	}
}

func TestEventHubStopEndsSubscriptions(t *testing.T) {
	h := event.New(newFakeLog(), event.Options{Poll: 10 * time.Millisecond}, quiet)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.Run(ctx)
	}()
	ch := h.Subscribe(context.Background())
	cancel()
	<-done
	select {
	case _, ok := <-ch:
		if ok {
			t.Error("subscription delivered an event after stop, want it closed")
		}
	case <-time.After(time.Second):
		t.Error("subscription still open a second after the hub stopped")
	}
	if _, ok := <-h.Subscribe(context.Background()); ok {
		t.Error("Subscribe after stop gave an open channel, want a closed one")
	}
}
