package shield

import (
	"regexp"
	"strings"
)

// sep is what may stand between two words of a phrase: spaces, line
// breaks and punctuation, a few of them, so that "ignore -- all previous
// instructions" still reads as the phrase.
const sep = `[^\p{L}\p{N}]{1,6}`

// compile turns a rule pattern into a regular expression for folded text.
// In a pattern a space stands for sep and "~" for an optional sep; the
// letter l is written as i, as fold reads it, so that patterns can be
// written in plain words. The longest match wins, so that a finding
// covers "Note to the AI reviewer" rather than "Note to the AI".
func compile(pattern string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("(?i)")
	escaped := false
	for _, r := range pattern {
		switch {
		case escaped:
			b.WriteRune(r)
			escaped = false
		case r == '\\':
			b.WriteRune(r)
			escaped = true
		case r == ' ':
			b.WriteString(sep)
		case r == '~':
			b.WriteString(`[^\p{L}\p{N}]{0,6}`)
		case r == 'l':
			b.WriteRune('i')
		default:
			b.WriteRune(r)
		}
	}
	re := regexp.MustCompile(b.String())
	re.Longest()
	return re
}
