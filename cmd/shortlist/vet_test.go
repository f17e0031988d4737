package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestVetCommand(t *testing.T) {
	t.Setenv("OPENAI_API_KEY", "")
	t.Setenv("OPENAI_BASE_URL", "")
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	job := write("job.txt", "Title: Data engineer\n\nMinimum qualifications:\n"+
		"- Python, SQL, Apache Spark\n- 3+ years of experience\n")
	os.Mkdir(filepath.Join(dir, "resumes"), 0o700)
	write("resumes/strong.txt", "Ana Data\nSKILLS\nPython, SQL, Apache Spark, Airflow\n"+
		"EXPERIENCE\nData engineer, 2016 - 2024: Spark pipelines in Python and SQL.\n")
	write("resumes/weak.txt", "Bo Chef\nSKILLS\nCooking, menu planning\nEXPERIENCE\nChef, 2019 - 2024.\n")
	write("resumes/empty.txt", "")

	tests := []struct {
		format string
		check  func(t *testing.T, out string)
	}{
		{"json", func(t *testing.T, out string) {
			var rows []struct {
				File    string `json:"file"`
				Score   *int   `json:"score"`
				Verdict string `json:"verdict"`
				Error   string `json:"error"`
			}
			if err := json.Unmarshal([]byte(out), &rows); err != nil {
				t.Fatalf("output is not JSON: %v\n%s", err, out)
			}
			if len(rows) != 3 || !strings.HasSuffix(rows[0].File, "strong.txt") ||
				!strings.HasSuffix(rows[1].File, "weak.txt") || rows[2].Error == "" {
				t.Fatalf("rows = %+v, want strong, weak, then the empty file's error", rows)
			}
			if *rows[0].Score <= *rows[1].Score || rows[0].Verdict == "" {
				t.Errorf("scores %d then %d, want the strong resume higher", *rows[0].Score, *rows[1].Score)
			}
		}},
		{"csv", func(t *testing.T, out string) {
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if len(lines) != 4 || lines[0] != "rank,file,score,verdict,error" ||
				!strings.Contains(lines[1], "strong.txt") {
				t.Errorf("csv = %q", out)
			}
		}},
		{"table", func(t *testing.T, out string) {
			if !strings.HasPrefix(out, "RANK") || !strings.Contains(out, "strong.txt") {
				t.Errorf("table = %q", out)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.format, func(t *testing.T) {
			out, err := runCmd(t, "", "vet", "--job", job, "--format", tc.format,
				filepath.Join(dir, "resumes"))
			if err != nil {
				t.Fatalf("vet: %v", err)
			}
			tc.check(t, out)
		})
	}
	if _, err := runCmd(t, "", "vet", "--job", job, "--engine", "llm", dir); err == nil ||
		!strings.Contains(err.Error(), "OPENAI_API_KEY") {
		t.Errorf("--engine llm without a model = %v, want an error naming OPENAI_API_KEY", err)
	}
}
