package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"shortlist/internal/eval"
	"shortlist/internal/resume"
	"shortlist/internal/vetting/local"
)

// runEval ranks labelled resumes against labelled jobs with the local engine
// and a plain BM25 baseline, and prints precision@10, NDCG@10 and recall@50
// per job and overall.
func runEval(ctx context.Context, args []string, stdout, logOut io.Writer) error {
	fset := flag.NewFlagSet("eval", flag.ContinueOnError)
	fset.SetOutput(logOut)
	dir := fset.String("data", "", "a folder with resumes/labels.csv and jobs/jobs.csv")
	if err := fset.Parse(args); err != nil {
		return err
	}
	if *dir == "" {
		return errors.New("usage: shortlist eval --data DIR")
	}
	ex, err := resume.NewExtractor(ctx, resume.Config{CacheDir: cliCacheDir()})
	if err != nil {
		return err
	}
	defer ex.Close()
	ds, err := eval.LoadDataset(*dir, eval.ExtractWith(ctx, ex))
	if err != nil {
		return err
	}
	texts := make([]string, len(ds.Resumes))
	for i, r := range ds.Resumes {
		texts[i] = r.Text
	}
	for _, e := range []struct {
		name string
		run  func() (*eval.Report, error)
	}{
		{"local", func() (*eval.Report, error) { return eval.Run(ctx, ds, local.New()) }},
		{"bm25", func() (*eval.Report, error) { return eval.Run(ctx, ds, eval.NewBM25(texts)) }},
	} {
		rep, err := e.run()
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "== engine %s (%d resumes, %d jobs)\n", e.name, len(ds.Resumes), len(ds.Jobs))
		if err := rep.WriteText(stdout); err != nil {
			return err
		}
	}
	return nil
}
