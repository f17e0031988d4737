package candidate_test

import (
	"archive/zip"
	"bytes"
	"context"
	"strings"
	"testing"

	"shortlist/internal/candidate"
	"shortlist/internal/fault"
	"shortlist/internal/job"
	"shortlist/internal/store"
	"shortlist/internal/store/storetest"
)

func zipOf(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestImportBatch(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		good := resumeText("Ada Lovelace", "ada@example.com", "+44 20 7946 0958", "Go, PostgreSQL")
		res, err := f.svc.Import(ctx, f.rec, f.job.ID, []candidate.Upload{
			{Name: "ada.txt", Data: good},
			{Name: "empty.pdf", Data: nil},
			{Name: "photo.pdf", Data: []byte{0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1}},
			{Name: "again.txt", Data: good},
			{Name: "batch.zip", Data: zipOf(t, map[string][]byte{
				"grace.txt": resumeText("Grace Hopper", "grace@example.com", "+1 555 0100", "COBOL"),
				"bad.docx":  []byte("not really a docx"),
			})},
		})
		if err != nil {
			t.Fatalf("Import: %v", err)
		}
		byFile := map[string]candidate.Result{}
		for _, r := range res {
			byFile[r.File] = r
		}
		tests := []struct {
			file      string
			wantID    bool
			wantError string
		}{
			{"ada.txt", true, ""},
			{"empty.pdf", false, "empty"},
			{"photo.pdf", false, "not a PDF, DOCX or plain-text"},
			{"again.txt", false, "already stored as candidate"},
			{"batch.zip/grace.txt", true, ""},
			{"batch.zip/bad.docx", true, ""}, // plain text under a .docx name is read as text
		}
		for _, tc := range tests {
			r, ok := byFile[tc.file]
			if !ok {
				t.Errorf("no result for %s in %+v", tc.file, res)
				continue
			}
			if (r.CandidateID != 0) != tc.wantID || !strings.Contains(r.Error, tc.wantError) {
				t.Errorf("result for %s = %+v, want candidate %v, error %q", tc.file, r, tc.wantID,
					tc.wantError)
			}
		}
		if dup := byFile["again.txt"].DuplicateOf; dup != byFile["ada.txt"].CandidateID {
			t.Errorf("again.txt duplicate of %d, want %d", dup, byFile["ada.txt"].CandidateID)
		}
		c, err := f.svc.Get(ctx, f.rec, byFile["ada.txt"].CandidateID)
		if err != nil {
			t.Fatalf("Get: %v", err)
		}
		if c.Email != "ada@example.com" || c.JobID != f.job.ID || !strings.Contains(c.Text, "PostgreSQL") {
			t.Errorf("stored candidate = %q, %q, job %d; want ada@example.com in job %d with text",
				c.Name, c.Email, c.JobID, f.job.ID)
		}
		file, err := f.svc.File(ctx, f.rec, c.ID)
		if err != nil || !bytes.Equal(file.Data, good) {
			t.Errorf("original file = %v, %v; want the uploaded bytes", file, err)
		}
		hist, _ := f.svc.History(ctx, f.rec, c.ID)
		if len(hist) != 1 || hist[0].Action != candidate.ActionUploaded || hist[0].Actor.ID != f.rec.ID {
			t.Errorf("history = %+v, want one upload by the recruiter", hist)
		}
	})
}

func TestImportRefusals(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		closed, err := job.NewService(db).Create(ctx, f.manager, job.Draft{Title: "Old role"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := job.NewService(db).SetStatus(ctx, f.manager, closed.ID, job.Closed); err != nil {
			t.Fatal(err)
		}
		tooMany := make([]candidate.Upload, 6)
		for i := range tooMany {
			tooMany[i] = candidate.Upload{Name: "x.txt", Data: []byte("text")}
		}
		tests := []struct {
			name  string
			jobID int64
			files []candidate.Upload
			want  fault.Kind
		}{
			{"more files than the limit", 0, tooMany, fault.Invalid},
			{"closed job", closed.ID, tooMany[:1], fault.Conflict},
			{"unknown job", 9999, tooMany[:1], fault.NotFound},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				_, err := f.svc.Import(ctx, f.rec, tc.jobID, tc.files)
				if got := fault.KindOf(err); got != tc.want {
					t.Errorf("Import error = %v (kind %v), want kind %v", err, got, tc.want)
				}
			})
		}
		page, _ := f.svc.List(ctx, f.admin, candidate.Filter{})
		if page.Total != 0 {
			t.Errorf("refused imports stored %d candidates, want none", page.Total)
		}
	})
}

func TestPossibleDuplicatesAndMerge(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		a := f.importOne(t, f.rec, "a.txt", resumeText("Ada Lovelace", "ada@example.com", "", "Go"))
		b := f.importOne(t, f.rec, "b.txt", resumeText("A. Lovelace", "ada@example.com", "+44 20 7946 0958", "Go, SQL"))
		other := f.importOne(t, f.rec, "c.txt", resumeText("Alan Turing", "alan@example.com", "", "Maths"))

		dups, err := f.svc.PossibleDuplicates(ctx, f.rec, a)
		if err != nil || len(dups) != 1 || dups[0].ID != b {
			t.Fatalf("PossibleDuplicates(a) = %v, %v; want [b]", dups, err)
		}
		if d, _ := f.svc.PossibleDuplicates(ctx, f.rec, other); len(d) != 0 {
			t.Errorf("PossibleDuplicates(other) = %v, want none", d)
		}

		kept, err := f.svc.Merge(ctx, f.rec, a, b)
		if err != nil {
			t.Fatalf("Merge: %v", err)
		}
		if kept.Phone != "+44 20 7946 0958" {
			t.Errorf("kept phone = %q, want the duplicate's phone copied", kept.Phone)
		}
		gone, err := f.svc.Get(ctx, f.admin, b)
		if err != nil || !gone.Deleted || !strings.Contains(gone.Reason, "Merged into") {
			t.Errorf("duplicate after merge = %+v, %v; want it in the trash", gone, err)
		}
	})
}

func TestListAndSearch(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		ada := f.importOne(t, f.rec, "a.txt", resumeText("Ada Lovelace", "ada@analytical.org", "",
			"Kubernetes, Terraform"))
		alan := f.importOne(t, f.manager, "b.txt", resumeText("Alan Turing", "alan@bletchley.uk", "",
			"Cryptanalysis"))

		tests := []struct {
			name   string
			filter candidate.Filter
			want   []int64
		}{
			{"all, newest first", candidate.Filter{}, []int64{alan, ada}},
			{"oldest first", candidate.Filter{Sort: "oldest"}, []int64{ada, alan}},
			{"by name", candidate.Filter{Query: "lovelace"}, []int64{ada}},
			{"by email part", candidate.Filter{Query: "bletchley"}, []int64{alan}},
			{"by full email", candidate.Filter{Query: "ada@analytical.org"}, []int64{ada}},
			{"by resume word prefix", candidate.Filter{Query: "kubern"}, []int64{ada}},
			{"two words, both needed", candidate.Filter{Query: "turing terraform"}, nil},
			{"query syntax is just words", candidate.Filter{Query: `"ada" (lovelace* -`}, []int64{ada}},
			{"by uploader", candidate.Filter{UploadedBy: f.manager.ID}, []int64{alan}},
			{"by job", candidate.Filter{JobID: f.job.ID}, []int64{alan, ada}},
			{"general pool", candidate.Filter{JobID: -1}, nil},
			{"page size one", candidate.Filter{PerPage: 1, Page: 2}, []int64{ada}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				page, err := f.svc.List(ctx, f.rec, tc.filter)
				if err != nil {
					t.Fatalf("List: %v", err)
				}
				var got []int64
				for _, c := range page.Candidates {
					got = append(got, c.ID)
				}
				if !equalIDs(got, tc.want) {
					t.Errorf("List(%+v) = %v, want %v", tc.filter, got, tc.want)
				}
			})
		}
		for _, tc := range []struct {
			filter        candidate.Filter
			counted, more bool
		}{
			{candidate.Filter{PerPage: 1, Page: 1}, true, true},
			{candidate.Filter{PerPage: 1, Page: 2}, true, false},
			{candidate.Filter{Query: "example", PerPage: 1, Page: 1}, false, true},
			{candidate.Filter{Query: "example", PerPage: 1, Page: 2}, false, false},
		} {
			p, err := f.svc.List(ctx, f.rec, tc.filter)
			if err != nil || p.Counted != tc.counted || p.More != tc.more ||
				(p.Counted && p.Total != 2) {
				t.Errorf("List(%+v) = counted %v total %d more %v, %v; want counted %v more %v",
					tc.filter, p.Counted, p.Total, p.More, err, tc.counted, tc.more)
			}
		}
		if _, err := f.svc.List(ctx, f.rec, candidate.Filter{Sort: "salary"}); fault.KindOf(err) != fault.Invalid {
			t.Errorf("unknown sort error = %v, want Invalid", err)
		}
		if _, err := f.svc.List(ctx, f.rec, candidate.Filter{Deleted: true}); fault.KindOf(err) != fault.Forbidden {
			t.Errorf("recruiter listing the trash = %v, want Forbidden", err)
		}
	})
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
