package eval

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"shortlist/internal/vetting"
)

// BM25 is a plain Okapi BM25 ranker (k1 = 1.2, b = 0.75) whose statistics
// come from a corpus of documents, with lower-cased alphanumeric words as
// tokens and no stemming or stop words. It is the baseline the local engine
// is measured against, and it implements vetting.Engine so that the same
// harness runs both. Its statistics come from whatever documents it is
// given; the harness test gives it every resume of both corpora.
type BM25 struct {
	df     map[string]int
	docs   int
	avgLen float64
}

// BM25 parameters.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// NewBM25 gathers document frequencies and the average length of docs.
func NewBM25(docs []string) *BM25 {
	m := &BM25{df: map[string]int{}, docs: len(docs)}
	total := 0
	for _, d := range docs {
		words := simpleTokens(d)
		total += len(words)
		seen := map[string]bool{}
		for _, w := range words {
			if !seen[w] {
				seen[w] = true
				m.df[w]++
			}
		}
	}
	if len(docs) > 0 {
		m.avgLen = float64(total) / float64(len(docs))
	}
	return m
}

// Score returns the BM25 score of doc for query.
func (m *BM25) Score(query, doc string) float64 {
	words := simpleTokens(doc)
	tf := map[string]int{}
	for _, w := range words {
		tf[w]++
	}
	norm := bm25K1 * (1 - bm25B + bm25B*float64(len(words))/math.Max(m.avgLen, 1))
	var s float64
	for _, q := range simpleTokens(query) {
		f := float64(tf[q])
		if f == 0 {
			continue
		}
		df := float64(m.df[q])
		idf := math.Log(1 + (float64(m.docs)-df+0.5)/(df+0.5))
		s += idf * f * (bm25K1 + 1) / (f + norm)
	}
	return s
}

// Name returns "bm25".
func (m *BM25) Name() string { return "bm25" }

// Vet scores the resume with the job title and text as the query. The score
// is the BM25 score capped at 100; the exact score is in
// Params["rank_score"], which the harness ranks by.
func (m *BM25) Vet(ctx context.Context, in vetting.Input) (vetting.Result, error) {
	if err := ctx.Err(); err != nil {
		return vetting.Result{}, fmt.Errorf("bm25 score: %w", err)
	}
	s := m.Score(in.JobTitle+"\n"+in.JobText, in.ResumeText)
	score := min(int(s), 100)
	return vetting.Result{Score: score, Verdict: vetting.VerdictFor(score), Engine: m.Name(),
		Params: map[string]string{"rank_score": strconv.FormatFloat(s, 'f', 6, 64)}}, nil
}

// simpleTokens lower-cases text and splits it on anything but letters and
// digits.
func simpleTokens(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
