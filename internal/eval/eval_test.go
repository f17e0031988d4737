package eval

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shortlist/internal/vetting"
)

func TestMetrics(t *testing.T) {
	rel := map[string]bool{"a": true, "b": true, "c": true}
	tests := []struct {
		name         string
		k            int
		ranked       []string
		p, ndcg, rec float64
	}{
		{"perfect", 3, []string{"a", "b", "c", "x"}, 1, 1, 1},
		{"none", 2, []string{"x", "y", "a"}, 0, 0, 0},
		{"second only", 2, []string{"x", "a"}, 0.5, (1 / math.Log2(3)) / (1 + 1/math.Log2(3)),
			1.0 / 3},
		{"short list", 4, []string{"a"}, 0.25, 1 / (1 + 1/math.Log2(3) + 0.5), 1.0 / 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := PrecisionAt(tc.k, tc.ranked, rel); !near(got, tc.p) {
				t.Errorf("PrecisionAt(%d) = %.3f, want %.3f", tc.k, got, tc.p)
			}
			if got := NDCGAt(tc.k, tc.ranked, rel); !near(got, tc.ndcg) {
				t.Errorf("NDCGAt(%d) = %.3f, want %.3f", tc.k, got, tc.ndcg)
			}
			if got := RecallAt(tc.k, tc.ranked, rel); !near(got, tc.rec) {
				t.Errorf("RecallAt(%d) = %.3f, want %.3f", tc.k, got, tc.rec)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestBM25(t *testing.T) {
	m := NewBM25([]string{"payroll clerk payroll", "line cook kitchen", "nurse ward care"})
	tests := []struct {
		query, better, worse string
	}{
		{"payroll", "payroll clerk payroll", "line cook kitchen"},
		{"kitchen cook", "line cook kitchen", "nurse ward care"},
		{"Payroll!", "payroll clerk", "payroll clerk and many other words besides payroll"},
	}
	for _, tc := range tests {
		if a, b := m.Score(tc.query, tc.better), m.Score(tc.query, tc.worse); a <= b {
			t.Errorf("Score(%q) = %.3f for %q, %.3f for %q, want the first higher", tc.query,
				a, tc.better, b, tc.worse)
		}
	}
}

// writeDataset writes a tiny data set in the layout of the shared one.
func writeDataset(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"resumes/labels.csv": "file,category,category_updated25,source,format,notes\n" +
			"a/1.txt,CHEF,,s,txt,\na/2.txt,CHEF,,s,txt,\na/3.txt,HR,,s,txt,\n" +
			"a/4.pdf,HR,,s,pdf,\nb/5.txt,,Sales,s,txt,\nb/6.txt,,Testing,s,txt,\n",
		"resumes/a/1.txt": "CHEF\nCooked in a kitchen.",
		"resumes/a/2.txt": "SOUS CHEF\nKitchen and menu planning.",
		"resumes/a/3.txt": "HR ASSISTANT\nPayroll and recruiting.",
		"resumes/a/4.pdf": "%PDF-",
		"resumes/b/5.txt": "Sales executive, quota, pipeline.",
		"resumes/b/6.txt": "Test engineer, Selenium.",
		"jobs/jobs.csv": "file,category,title,category_updated25,match,source_category,source\n" +
			"j1.txt,CHEF,Chef,,good,,\nj2.txt,,Sales Lead,Sales|Testing,partial: both,,\n",
		"jobs/j1.txt": "Chef for a busy kitchen.",
		"jobs/j2.txt": "Sales pipeline and quota.",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// wordEngine scores a resume by how many words of the job title it has.
type wordEngine struct{}

func (wordEngine) Name() string { return "words" }

func (wordEngine) Vet(_ context.Context, in vetting.Input) (vetting.Result, error) {
	n := 0
	for _, w := range strings.Fields(strings.ToLower(in.JobTitle)) {
		n += strings.Count(strings.ToLower(in.ResumeText), w)
	}
	return vetting.Result{Score: n}, nil
}

func TestRun(t *testing.T) {
	ds, err := LoadDataset(writeDataset(t), ReadText)
	if err != nil {
		t.Fatalf("LoadDataset = %v", err)
	}
	if len(ds.Resumes) != 5 || len(ds.Jobs) != 2 {
		t.Fatalf("LoadDataset = %d resumes, %d jobs, want 5 and 2", len(ds.Resumes),
			len(ds.Jobs))
	}
	rep, err := Run(context.Background(), ds, wordEngine{})
	if err != nil {
		t.Fatalf("Run = %v", err)
	}
	tests := []struct {
		job, corpus string
		partial     bool
		relevant    int
		ndcg        float64
	}{
		{"j1.txt", CorpusA, false, 2, 1},
		{"j2.txt", CorpusB, true, 2, 1},
	}
	if len(rep.PerJob) != len(tests) {
		t.Fatalf("Run = %d job rows, want %d", len(rep.PerJob), len(tests))
	}
	for i, tc := range tests {
		js := rep.PerJob[i]
		if js.Job != tc.job || js.Corpus != tc.corpus || js.Partial != tc.partial ||
			js.Relevant != tc.relevant || !near(js.NDCG10, tc.ndcg) {
			t.Errorf("Run row %d = %+v, want %+v", i, js, tc)
		}
	}
	if rep.Overall.Jobs != 1 || rep.Partial.Jobs != 1 {
		t.Errorf("Run averages = %d good, %d partial jobs, want 1 and 1", rep.Overall.Jobs,
			rep.Partial.Jobs)
	}
	var buf bytes.Buffer
	if err := rep.WriteText(&buf); err != nil || !strings.Contains(buf.String(), "j1.txt") {
		t.Errorf("WriteText = %v, %q, want a table naming j1.txt", err, buf.String())
	}
}
