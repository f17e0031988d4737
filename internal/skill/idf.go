package skill

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// idfTable holds how many of the taxonomies' descriptions contain each word:
// a fixed background corpus that weighs words without looking at any other
// resume.
type idfTable struct {
	docs int
	df   map[string]int
}

func (t *idfTable) addLine(line string) error {
	if line == "" {
		return nil
	}
	if t.df == nil {
		n, err := strconv.Atoi(line)
		if err != nil {
			return fmt.Errorf("parse document count: %w", err)
		}
		t.docs, t.df = n, map[string]int{}
		return nil
	}
	w, n, ok := strings.Cut(line, "\t")
	if !ok {
		return fmt.Errorf("parse word line %q: no tab", line)
	}
	df, err := strconv.Atoi(n)
	if err != nil {
		return fmt.Errorf("parse word count: %w", err)
	}
	t.df[w] = df
	return nil
}

// IDF returns the inverse document frequency of a normalised token (see
// package token) in the ESCO and O*NET descriptions, in the BM25 form
// ln(1 + (N - df + 0.5) / (df + 0.5)). Rare and unknown words weigh most.
func (d *Dictionary) IDF(norm string) float64 {
	df := float64(d.idf.df[norm])
	n := float64(d.idf.docs)
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}
