package local

import "math"

// relevance scores how well the resume covers the job's words, from 0 to 1:
// BM25 of the resume for the job as a query, with IDF from the fixed
// background statistics of the skills dictionary, divided by the score of a
// resume that had every word, and scaled so that RelevanceFull counts as
// full relevance.
//
// TODO: the background statistics come from the taxonomies' descriptions of
// skills, where domain words ("sales", "financial") are common, so they
// weigh less here than in a general corpus.
func relevance(p *profile, jm *jobModel) float64 {
	if jm.best == 0 {
		return 0
	}
	norm := rubric.K1 * (1 - rubric.B + rubric.B*float64(p.length)/rubric.AvgLen)
	var got float64
	for st, w := range jm.query {
		if tf := float64(p.stems[st]); tf > 0 {
			got += w * tf / (tf + norm)
		}
	}
	return math.Min(1, got/jm.best/rubric.RelevanceFull)
}

// titleMatch returns the weighted share of the job title's words found in
// the resume: in its headline they count fully, elsewhere a quarter.
//
// TODO: the headline is the first headBytes bytes; a resume that opens with
// a name and contact lines longer than that loses its title, and a title
// written with other words ("bookkeeper" for "accountant") is not matched.
func titleMatch(p *profile, jm *jobModel) float64 {
	var got, total float64
	for st, w := range jm.title {
		total += w
		switch {
		case p.head[st]:
			got += w
		case p.stems[st] > 0:
			got += w / 4
		}
	}
	if total == 0 {
		return 0
	}
	return got / total
}
