package eval

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// WriteText writes the report as a plain-text table: one row per job and
// corpus, then the averages. In corpus B a label has only 1 to 5 resumes,
// so P@10 cannot reach 1 there; read NDCG@10 for it.
func (r *Report) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "engine %s\n", r.Engine)
	fmt.Fprintln(tw, "job\tcorpus\tmatch\trelevant/resumes\tP@10\tNDCG@10\tR@50\ttop")
	for _, js := range r.PerJob {
		match := "good"
		if js.Partial {
			match = "partial"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d/%d\t%.2f\t%.2f\t%.2f\t%v\n", js.Job, js.Corpus, match,
			js.Relevant, js.Resumes, js.P10, js.NDCG10, js.R50, js.Top)
	}
	writeScores(tw, "overall (good jobs)", r.Overall)
	for _, c := range []string{CorpusA, CorpusB} {
		if s, ok := r.ByCorpus[c]; ok {
			writeScores(tw, "  corpus "+c, s)
		}
	}
	writeScores(tw, "partial jobs", r.Partial)
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

func writeScores(w io.Writer, name string, s Scores) {
	fmt.Fprintf(w, "%s\t\t\t%d jobs\t%.3f\t%.3f\t%.3f\t\n", name, s.Jobs, s.P10, s.NDCG10, s.R50)
}
