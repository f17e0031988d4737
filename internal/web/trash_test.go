package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"shortlist/internal/fault"
	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
	"shortlist/internal/user"
	"shortlist/internal/web/webtest"
)

// TestTrashBulkActions restores two candidates and erases a third in two
// bulk requests, each answered with the refreshed list and a toast.
func TestTrashBulkActions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		env := webtest.Start(t, db)
		ctx := context.Background()
		rec := env.CreateUser("rec@example.com", user.Recruiter)
		var nums []int64
		var ids []string
		for _, name := range []string{"Ada Lovelace", "Alan Turing", "Grace Hopper"} {
			id := importCandidate(t, env, rec, name)
			if _, err := env.Candidates.Delete(ctx, rec, id, "Uploaded by mistake"); err != nil {
				t.Fatal(err)
			}
			nums, ids = append(nums, id), append(ids, itoa(id))
		}
		admin := env.Login("admin@example.com", user.Admin)
		admin.Get("/trash")

		res := admin.HTMX("/trash/bulk", url.Values{"action": {"restore"}, "ids": ids[:2]})
		if res.StatusCode != http.StatusOK || !strings.Contains(res.Body, `id="trash-results"`) ||
			!strings.Contains(res.Header.Get("HX-Trigger"), "2 candidates restored") {
			t.Fatalf("bulk restore = %d, trigger %q", res.StatusCode, res.Header.Get("HX-Trigger"))
		}
		if strings.Contains(res.Body, "trash-"+ids[0]+`"`) || !strings.Contains(res.Body, "trash-"+ids[2]+`"`) {
			t.Error("the refreshed trash does not show exactly the one left")
		}
		res = admin.HTMX("/trash/bulk", url.Values{"action": {"purge"}, "ids": ids[2:]})
		if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("HX-Trigger"),
			"1 candidates permanently deleted") {
			t.Fatalf("bulk purge = %d, trigger %q", res.StatusCode, res.Header.Get("HX-Trigger"))
		}
		adminUser, _ := env.Users.Lookup(ctx, "admin@example.com")
		if _, err := env.Candidates.Get(ctx, adminUser, nums[2]); fault.KindOf(err) != fault.NotFound {
			t.Errorf("purged candidate: %v, want NotFound", err)
		}
	})
}
