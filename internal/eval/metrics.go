// Package eval measures how well a vetting engine ranks resumes for jobs:
// ranking metrics, a plain BM25 baseline, the labelled development data set
// and the harness that runs an engine over it and writes a report.
package eval

import "math"

// PrecisionAt returns the share of the first k ranked items that are
// relevant. Missing positions (fewer than k items) count as not relevant.
func PrecisionAt(k int, ranked []string, relevant map[string]bool) float64 {
	if k <= 0 {
		return 0
	}
	return float64(hits(k, ranked, relevant)) / float64(k)
}

// RecallAt returns the share of the relevant items found in the first k.
func RecallAt(k int, ranked []string, relevant map[string]bool) float64 {
	n := countTrue(relevant)
	if n == 0 {
		return 0
	}
	return float64(hits(k, ranked, relevant)) / float64(n)
}

// NDCGAt returns the normalised discounted cumulative gain of the first k
// items with binary relevance: 1 when the relevant items fill the top.
func NDCGAt(k int, ranked []string, relevant map[string]bool) float64 {
	var dcg, ideal float64
	for i := 0; i < k && i < len(ranked); i++ {
		if relevant[ranked[i]] {
			dcg += 1 / math.Log2(float64(i+2))
		}
	}
	for i := 0; i < k && i < countTrue(relevant); i++ {
		ideal += 1 / math.Log2(float64(i+2))
	}
	if ideal == 0 {
		return 0
	}
	return dcg / ideal
}

func hits(k int, ranked []string, relevant map[string]bool) int {
	n := 0
	for i := 0; i < k && i < len(ranked); i++ {
		if relevant[ranked[i]] {
			n++
		}
	}
	return n
}

func countTrue(m map[string]bool) int {
	n := 0
	for _, v := range m {
		if v {
			n++
		}
	}
	return n
}
