package eval

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"shortlist/internal/resume"
)

// Resume is one labelled resume of the data set.
type Resume struct {
	File       string // relative to the resumes folder
	Category   string // 24-label taxonomy of the PDF corpus, may be empty
	Category25 string // 25-label taxonomy of the plain-text corpus, may be empty
	Text       string
}

// Job is one labelled job posting of the data set.
type Job struct {
	File         string
	Title        string
	Category     string   // the resume Category it should retrieve, may be empty
	Categories25 []string // the resume Category25 labels it should retrieve
	Match        string   // "good" or "partial: why"
	Text         string
}

// Partial reports whether the posting only partly fits its category.
func (j Job) Partial() bool { return strings.HasPrefix(j.Match, "partial") }

// Dataset is the development data: resumes and jobs with their labels.
type Dataset struct {
	Resumes []Resume
	Jobs    []Job
}

// ErrSkip, returned (or wrapped) by a read function, leaves a resume out of
// the data set, for example a PDF when no extractor is at hand.
var ErrSkip = errors.New("skip this resume")

// LoadDataset reads dir/resumes/labels.csv and dir/jobs/jobs.csv. read turns
// a resume file into text; resumes for which it returns ErrSkip are left out.
func LoadDataset(dir string, read func(path string) (string, error)) (*Dataset, error) {
	ds := &Dataset{}
	rows, err := readCSV(filepath.Join(dir, "resumes", "labels.csv"))
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		text, err := read(filepath.Join(dir, "resumes", r["file"]))
		if errors.Is(err, ErrSkip) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read resume %s: %w", r["file"], err)
		}
		ds.Resumes = append(ds.Resumes, Resume{File: r["file"], Category: r["category"],
			Category25: r["category_updated25"], Text: text})
	}
	if err := ds.loadJobs(filepath.Join(dir, "jobs")); err != nil {
		return nil, err
	}
	return ds, nil
}

func (ds *Dataset) loadJobs(dir string) error {
	rows, err := readCSV(filepath.Join(dir, "jobs.csv"))
	if err != nil {
		return err
	}
	for _, r := range rows {
		b, err := os.ReadFile(filepath.Join(dir, r["file"]))
		if err != nil {
			return fmt.Errorf("read job %s: %w", r["file"], err)
		}
		j := Job{File: r["file"], Title: r["title"], Category: r["category"],
			Match: r["match"], Text: string(b)}
		if c := r["category_updated25"]; c != "" {
			j.Categories25 = strings.Split(c, "|")
		}
		ds.Jobs = append(ds.Jobs, j)
	}
	return nil
}

// readCSV reads a CSV file with a header into one map per row.
func readCSV(path string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("read %s: no header", path)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			if i < len(rec) {
				row[h] = rec[i]
			}
		}
		out = append(out, row)
	}
	return out, nil
}

// ReadText is a read function for LoadDataset that reads .txt files as they
// are and skips every other format.
func ReadText(path string) (string, error) {
	if !strings.EqualFold(filepath.Ext(path), ".txt") {
		return "", ErrSkip
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("read text resume: %w", err)
	}
	return string(b), nil
}

// Extractor reads a resume file into text; *resume.Extractor is one.
type Extractor interface {
	Extract(ctx context.Context, data []byte) (*resume.Document, error)
}

// ExtractWith returns a read function for LoadDataset that reads each file
// (PDF, DOCX or TXT) the way the product does. A file without readable text
// is skipped.
func ExtractWith(ctx context.Context, ex Extractor) func(path string) (string, error) {
	return func(path string) (string, error) {
		data, err := os.ReadFile(path)
		if err != nil {
			return "", fmt.Errorf("read %s: %w", path, err)
		}
		doc, err := ex.Extract(ctx, data)
		if err != nil || !doc.Quality.HasText {
			return "", errors.Join(ErrSkip, err)
		}
		return doc.Text, nil
	}
}
