package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"shortlist/internal/candidate"
	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
)

// TestSearchPagesRareAndCommonWords fills 1,500 candidates so that one word
// is in all of them, one in every 50th and one in a single resume (and a
// third of them have a word starting with the letter searched for), and
// checks that each search pages newest first through exactly its matches,
// with deleted candidates left out, whichever way the database chooses to
// find a common word's matches and a rare word's.
func TestSearchPagesRareAndCommonWords(t *testing.T) {
	const n = 1500
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		at := time.Now().UTC().Add(-time.Hour)
		err := db.SeedCandidates(ctx, n, func(i int) store.SeedCandidate {
			text := "Generalist with teamwork experience."
			if i%50 == 0 {
				text += " Certified in Fortran."
			}
			if i == 777 {
				text += " Speaks Quenya."
			}
			if i%3 == 0 {
				text += " Maintains Cobol."
			}
			return store.SeedCandidate{Name: fmt.Sprintf("Person %d", i), Stage: "new",
				Text: text, ContentHash: fmt.Sprintf("search-test-%d", i),
				FileName: "r.txt", CreatedAt: at, Deleted: i == 100,
				DeletedAt: at, DeletedBy: "admin@example.com (admin)", DeletionReason: "test"}
		})
		if err != nil {
			t.Fatal(err)
		}
		// "c" starts Cobol and Certified; a one-letter prefix has an index
		// of its own on SQLite.
		startsWithC := 0
		for i := range n {
			if i != 100 && (i%3 == 0 || i%50 == 0) {
				startsWithC++
			}
		}
		tests := []struct {
			query string
			want  int // matches among the live candidates
		}{
			{"teamwork", n - 1},
			{"fortr", n/50 - 1},
			{"quenya", 1},
			{"klingon", 0},
			{"c", startsWithC},
		}
		for _, tc := range tests {
			var got []int64
			for page := 1; page <= n/100+2; page++ {
				p, err := db.Candidates(ctx, candidate.Filter{Query: tc.query, Page: page,
					PerPage: 100})
				if err != nil {
					t.Fatalf("search %q page %d: %v", tc.query, page, err)
				}
				for _, c := range p.Candidates {
					got = append(got, c.ID)
				}
				if !p.More {
					break
				}
			}
			if len(got) != tc.want {
				t.Errorf("search %q found %d candidates, want %d", tc.query, len(got), tc.want)
			}
			if !slices.IsSortedFunc(got, func(a, b int64) int { return int(b - a) }) ||
				len(slices.Compact(slices.Clone(got))) != len(got) {
				t.Errorf("search %q pages are not newest first without repeats", tc.query)
			}
		}
	})
}
