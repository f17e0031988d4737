package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"shortlist/internal/resume"
	"shortlist/internal/vetting"
)

// vetRow is one file's outcome in 'shortlist vet'.
type vetRow struct {
	File    string          `json:"file"`
	Score   *int            `json:"score"`
	Verdict vetting.Verdict `json:"verdict"`
	Summary string          `json:"summary,omitempty"`
	Hidden  int             `json:"hidden_text_pieces,omitempty"`
	Error   string          `json:"error,omitempty"`
}

// runVet ranks resume files against a job description without a server or
// a database, reading files exactly as the server does.
func runVet(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("vet", flag.ContinueOnError)
	fset.SetOutput(stderr)
	jobPath := fset.String("job", "", "a text file with the job description")
	engine := fset.String("engine", "", "local or llm (default: llm when a model is configured)")
	format := fset.String("format", "table", "table, csv or json")
	if err := fset.Parse(args); err != nil {
		return err
	}
	if *jobPath == "" || fset.NArg() == 0 {
		return errors.New("usage: shortlist vet --job JOB.txt [--engine local|llm] " +
			"[--format table|csv|json] FILE_OR_DIR...")
	}
	if *format != "table" && *format != "csv" && *format != "json" {
		return fmt.Errorf("--format must be table, csv or json, not %q", *format)
	}
	jobText, err := os.ReadFile(*jobPath)
	if err != nil {
		return fmt.Errorf("read job: %w", err)
	}
	eng, err := pickEngine(*engine, stderr)
	if err != nil {
		return err
	}
	files, err := resumeFiles(fset.Args())
	if err != nil {
		return err
	}
	rows, err := vetFiles(ctx, eng, string(jobText), files)
	if err != nil {
		return err
	}
	return writeVetRows(stdout, *format, rows)
}

// pickEngine returns the named engine, or the default one.
func pickEngine(name string, logOut io.Writer) (vetting.Engine, error) {
	cfg, err := loadConfig()
	if err != nil {
		return nil, err
	}
	log := newLogger(cfg, logOut)
	engs, def, err := engines(cfg, log)
	if err != nil {
		return nil, err
	}
	if name == "" {
		name = def
	}
	e, ok := engs[name]
	if !ok {
		if name == "llm" {
			return nil, errors.New("--engine llm needs OPENAI_API_KEY or OPENAI_BASE_URL")
		}
		return nil, fmt.Errorf("--engine must be local or llm, not %q", name)
	}
	return e, nil
}

// resumeFiles expands directories into the PDF, DOCX and TXT files below
// them, in name order.
func resumeFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", a, err)
		}
		if !info.IsDir() {
			out = append(out, a)
			continue
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			switch strings.ToLower(filepath.Ext(p)) {
			case ".pdf", ".docx", ".txt":
				if !d.IsDir() {
					out = append(out, p)
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", a, err)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no PDF, DOCX or TXT files found")
	}
	return out, nil
}

// vetFiles reads and vets each file; requirements come from the job text.
func vetFiles(ctx context.Context, eng vetting.Engine, jobText string, files []string) ([]vetRow, error) {
	ex, err := resume.NewExtractor(ctx, resume.Config{CacheDir: cliCacheDir()})
	if err != nil {
		return nil, err
	}
	defer ex.Close()
	title, _, _ := strings.Cut(strings.TrimSpace(jobText), "\n")
	in := vetting.Input{JobTitle: strings.TrimPrefix(title, "Title:"), JobText: jobText,
		Requirements: vetting.ProposeRequirements(jobText)}
	rows := make([]vetRow, 0, len(files))
	for _, f := range files {
		rows = append(rows, vetFile(ctx, ex, eng, in, f))
	}
	sort.SliceStable(rows, func(i, j int) bool { return scoreOf(rows[i]) > scoreOf(rows[j]) })
	return rows, nil
}

func vetFile(ctx context.Context, ex *resume.Extractor, eng vetting.Engine, in vetting.Input,
	path string) vetRow {
	row := vetRow{File: path}
	data, err := os.ReadFile(path)
	if err == nil {
		var doc *resume.Document
		if doc, err = ex.Extract(ctx, data); err == nil {
			row.Hidden = len(doc.Hidden)
			if !doc.Quality.HasText {
				row.Error = "no readable text; review the file"
				return row
			}
			in.ResumeText = doc.Text
			var res vetting.Result
			if res, err = eng.Vet(ctx, in); err == nil {
				vetting.VerifyEvidence(doc.Text, &res)
				row.Score, row.Verdict, row.Summary = &res.Score, res.Verdict, res.Summary
				return row
			}
		}
	}
	row.Error = err.Error()
	return row
}

func scoreOf(r vetRow) int {
	if r.Score == nil {
		return -1
	}
	return *r.Score
}

func writeVetRows(w io.Writer, format string, rows []vetRow) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"rank", "file", "score", "verdict", "error"})
		for i, r := range rows {
			score := ""
			if r.Score != nil {
				score = fmt.Sprint(*r.Score)
			}
			cw.Write([]string{fmt.Sprint(i + 1), r.File, score, string(r.Verdict), r.Error})
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RANK\tSCORE\tVERDICT\tFILE")
	for i, r := range rows {
		score, verdict := "-", string(r.Verdict)
		if r.Score != nil {
			score = fmt.Sprint(*r.Score)
		} else {
			verdict = "error: " + r.Error
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", i+1, score, verdict, r.File)
	}
	return tw.Flush()
}

// cliCacheDir keeps the compiled PDF engine between runs of the batch
// commands, in the user's cache directory.
func cliCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "shortlist", "pdf")
}
