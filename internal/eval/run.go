package eval

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"shortlist/internal/vetting"
)

// Cut-offs of the reported metrics.
const (
	precisionK = 10
	ndcgK      = 10
	recallK    = 50
)

// Corpus names. The two resume sources use different label sets, so each is
// ranked on its own.
const (
	CorpusA = "A" // livecareer PDFs and the layout samples, by Category
	CorpusB = "B" // the plain-text resumes, by Category25
)

// JobScore holds the metrics of one job ranked against one corpus.
type JobScore struct {
	Job      string
	Corpus   string
	Partial  bool
	Resumes  int
	Relevant int
	P10      float64
	NDCG10   float64
	R50      float64
	Top      []string // the first ranked files, for reading the report
}

// Scores are metrics averaged over jobs.
type Scores struct {
	Jobs   int
	P10    float64
	NDCG10 float64
	R50    float64
}

// Report is the outcome of one engine over the data set. Overall averages
// the jobs that fit their category well, over both corpora; Partial averages
// the partial-match jobs; ByCorpus splits Overall by corpus.
type Report struct {
	Engine   string
	PerJob   []JobScore
	Overall  Scores
	Partial  Scores
	ByCorpus map[string]Scores
}

// Run ranks each corpus for each job with engine and measures the rankings.
// A resume is relevant when its Category equals the job's (corpus A) or its
// Category25 is one of the job's (corpus B). Resumes are ranked by
// Params["rank_score"] when the engine gives it, else by Score, then by file
// name.
func Run(ctx context.Context, ds *Dataset, engine vetting.Engine) (*Report, error) {
	rep := &Report{Engine: engine.Name(), ByCorpus: map[string]Scores{}}
	for _, job := range ds.Jobs {
		for _, c := range []string{CorpusA, CorpusB} {
			rel := relevantSet(ds, job, c)
			if len(rel) == 0 {
				continue
			}
			js, err := rankJob(ctx, ds, job, c, rel, engine)
			if err != nil {
				return nil, err
			}
			rep.PerJob = append(rep.PerJob, js)
		}
	}
	rep.summarise()
	return rep, nil
}

// corpusOf says which corpus a resume belongs to.
func corpusOf(r Resume) string {
	if r.Category25 != "" {
		return CorpusB
	}
	return CorpusA
}

// relevantSet returns the files of corpus c that are relevant to job.
func relevantSet(ds *Dataset, job Job, c string) map[string]bool {
	rel := map[string]bool{}
	for _, r := range ds.Resumes {
		if corpusOf(r) != c {
			continue
		}
		if c == CorpusA && job.Category != "" && r.Category == job.Category {
			rel[r.File] = true
		}
		if c == CorpusB && contains(job.Categories25, r.Category25) {
			rel[r.File] = true
		}
	}
	return rel
}

type scored struct {
	file  string
	score float64
}

// rankJob vets every resume of corpus c for job and measures the ranking.
func rankJob(ctx context.Context, ds *Dataset, job Job, c string, rel map[string]bool,
	engine vetting.Engine) (JobScore, error) {
	var list []scored
	for _, r := range ds.Resumes {
		if corpusOf(r) != c {
			continue
		}
		res, err := engine.Vet(ctx, vetting.Input{JobTitle: job.Title, JobText: job.Text,
			ResumeText: r.Text})
		if err != nil {
			return JobScore{}, fmt.Errorf("vet %s for %s: %w", r.File, job.File, err)
		}
		list = append(list, scored{r.File, rankScore(res)})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].score != list[j].score {
			return list[i].score > list[j].score
		}
		return list[i].file < list[j].file
	})
	ranked := make([]string, len(list))
	for i, s := range list {
		ranked[i] = s.file
	}
	return JobScore{Job: job.File, Corpus: c, Partial: job.Partial(), Resumes: len(list),
		Relevant: len(rel), P10: PrecisionAt(precisionK, ranked, rel),
		NDCG10: NDCGAt(ndcgK, ranked, rel), R50: RecallAt(recallK, ranked, rel),
		Top: ranked[:min(3, len(ranked))]}, nil
}

func rankScore(res vetting.Result) float64 {
	if s, err := strconv.ParseFloat(res.Params["rank_score"], 64); err == nil {
		return s
	}
	return float64(res.Score)
}

// summarise averages the per-job scores.
func (r *Report) summarise() {
	var all, partial []JobScore
	byCorpus := map[string][]JobScore{}
	for _, js := range r.PerJob {
		if js.Partial {
			partial = append(partial, js)
			continue
		}
		all = append(all, js)
		byCorpus[js.Corpus] = append(byCorpus[js.Corpus], js)
	}
	r.Overall, r.Partial = mean(all), mean(partial)
	for c, list := range byCorpus {
		r.ByCorpus[c] = mean(list)
	}
}

func mean(list []JobScore) Scores {
	s := Scores{Jobs: len(list)}
	if len(list) == 0 {
		return s
	}
	for _, js := range list {
		s.P10 += js.P10
		s.NDCG10 += js.NDCG10
		s.R50 += js.R50
	}
	n := float64(len(list))
	s.P10, s.NDCG10, s.R50 = s.P10/n, s.NDCG10/n, s.R50/n
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
