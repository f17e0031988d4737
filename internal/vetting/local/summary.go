package local

import (
	"fmt"
	"strings"

	"shortlist/internal/vetting"
)

// maxMissing is how many unmet requirements the summary names.
const maxMissing = 3

// summary says in one or two sentences how the resume fared.
func summary(results []vetting.RequirementResult, years float64) string {
	var met, partly int
	var missing []string
	for _, r := range results {
		switch r.Verdict {
		case vetting.Met:
			met++
		case vetting.PartlyMet:
			partly++
		default:
			if len(missing) < maxMissing {
				missing = append(missing, r.Text)
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Meets %d of %d requirements", met, len(results))
	if partly > 0 {
		fmt.Fprintf(&b, " and partly %d more", partly)
	}
	b.WriteString(".")
	if len(missing) > 0 {
		fmt.Fprintf(&b, " Not found: %s.", strings.Join(missing, "; "))
	}
	if years > 0 {
		fmt.Fprintf(&b, " About %.0f years of dated experience.", years)
	}
	return b.String()
}
