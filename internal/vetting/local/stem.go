package local

import "strings"

// suffixes are stripped by stem, longest first.
var suffixes = []string{"ational", "ations", "ation", "ments", "ment", "ings", "ing",
	"ical", "ially", "ial", "ally", "ance", "ence", "ants", "ant", "ents", "ent", "ness",
	"ship", "ists", "ist", "ism", "ity", "ive", "ers", "er", "ors", "or", "ed", "al", "ly",
	"ic", "es", "e", "s"}

// minStem is the shortest stem left by stem.
const minStem = 4

// stem folds a normalised token to a crude stem so that related forms meet:
// "financial" and "finance" both give "financ", "accounting" and
// "accountant" both give "account". It is used for relevance only; skills
// are matched by the dictionary's labels.
//
// TODO: this is a short list of suffixes, not a real stemmer; irregular
// forms ("analyst" and "analysis") stay apart.
func stem(w string) string {
	if strings.ContainsAny(w, ".+#0123456789") {
		return w
	}
	for _, s := range suffixes {
		if len(w)-len(s) >= minStem && strings.HasSuffix(w, s) {
			return w[:len(w)-len(s)]
		}
	}
	return w
}
