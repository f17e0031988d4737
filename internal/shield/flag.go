package shield

import (
	"fmt"
	"strings"
)

// kindOrder is the order and wording of the kinds in Flag.
var kindOrder = []struct{ kind, words string }{
	{KindInstruction, "text addressed to an AI model"},
	{KindRoleTag, "chat role tags"},
	{KindScoreDemand, "demands about the score or ranking"},
	{KindStuffing, "keyword stuffing"},
}

// Flag returns one line for reviewers that names what fs found, with the
// first example of each kind, or "" when fs is empty.
func Flag(fs []Finding) string {
	var parts []string
	removed := false
	for _, k := range kindOrder {
		n, first := 0, Finding{}
		for _, f := range fs {
			if f.Kind == k.kind {
				if n == 0 {
					first = f
				}
				n++
			}
		}
		if n == 0 {
			continue
		}
		removed = removed || k.kind != KindStuffing
		example := fmt.Sprintf("%q", first.Quote)
		if first.Detail != "" {
			example = first.Detail
		}
		part := fmt.Sprintf("%s (%s", k.words, example)
		if n > 1 {
			part += fmt.Sprintf(", and %d more", n-1)
		}
		parts = append(parts, part+")")
	}
	if len(parts) == 0 {
		return ""
	}
	line := "The resume tries to steer the screening: " + strings.Join(parts, "; ") + "."
	if removed {
		line += " Text addressed to the model is kept from it."
	}
	return line
}
