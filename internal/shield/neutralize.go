package shield

import (
	"slices"
	"strings"
)

// Marker replaces each neutralized span.
const Marker = "[removed: text addressed to an AI model]"

// StuffingMarker replaces a run of keyword stuffing.
const StuffingMarker = "[removed: repeated keywords]"

// closers end the message a role tag opens.
var closers = map[string]string{"[inst]": "[/INST]", "<<sys>>": "<</SYS>>",
	"<|im_start|>": "<|im_end|>"}

// closingTags end a message and introduce nothing.
var closingTags = map[string]bool{"[/inst]": true, "<</sys>>": true, "<|im_end|>": true,
	"<|eot_id|>": true, "<|end|>": true, "<|endoftext|>": true}

// closerReach is how far after a role tag its closer is looked for.
const closerReach = 4000

// Neutralize returns text with every instruction, role tag and score
// demand of fs replaced by Marker, so that an obedient model never reads
// them, and every run of keyword stuffing replaced by StuffingMarker, so that
// repeating words a resume does not back up earns nothing. An instruction
// finding is widened to its sentence; a finding that introduces a message ("Note to
// AI:", "system:", "<|im_start|>") is widened to the end of its line, or to
// the end of the next line when nothing follows it, or to its closing tag.
// Findings whose offsets do not fit text are ignored.
//
// Offsets into the result differ from offsets into text, so evidence quoted
// from the result must be checked against the result.
//
// TODO: a message that goes on past the line it starts on, without a
// closing tag, is cut only where a sentence or line of its own matches a
// rule; the rest reaches the model, whose prompt tells it to distrust the
// resume.
func Neutralize(text string, fs []Finding) string {
	spans := neutralSpans(text, fs)
	if len(spans) == 0 {
		return text
	}
	var b strings.Builder
	prev := 0
	for _, s := range spans {
		b.WriteString(text[prev:s.start])
		b.WriteString(s.marker)
		prev = s.end
	}
	b.WriteString(text[prev:])
	return b.String()
}

// span is a part of the text to replace and what replaces it.
type span struct {
	start, end int
	marker     string
}

// neutralSpans returns the merged, sorted spans to replace: instructions
// widened to their message, stuffing exactly as found.
func neutralSpans(text string, fs []Finding) []span {
	var spans []span
	for _, f := range fs {
		if f.Start < 0 || f.End > len(text) || f.Start >= f.End {
			continue
		}
		if f.Kind == KindStuffing {
			spans = append(spans, span{f.Start, f.End, StuffingMarker})
			continue
		}
		w := widen(text, f)
		spans = append(spans, span{w[0], w[1], Marker})
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	var out []span
	for _, s := range spans {
		n := len(out)
		if n > 0 && (s.start < out[n-1].end ||
			(s.marker == out[n-1].marker && strings.TrimSpace(text[out[n-1].end:s.start]) == "")) {
			out[n-1].end = max(out[n-1].end, s.end)
			if s.marker == Marker {
				out[n-1].marker = Marker
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// widen returns the span of text that f's message takes up.
func widen(text string, f Finding) [2]int {
	start, end := sentenceStart(text, f.Start), sentenceEnd(text, f.End)
	if !isIntro(text, f) {
		return [2]int{start, end}
	}
	tag := strings.ToLower(strings.TrimSpace(text[f.Start:f.End]))
	if closingTags[tag] {
		return [2]int{f.Start, f.End}
	}
	if c, ok := closers[tag]; ok {
		reach := text[f.End:min(len(text), f.End+closerReach)]
		if i := strings.Index(strings.ToLower(reach), strings.ToLower(c)); i >= 0 {
			return [2]int{start, f.End + i + len(c)}
		}
	}
	end = lineEnd(text, f.End)
	if strings.Trim(text[f.End:end], " \t:-–—.,") == "" {
		end = lineEnd(text, skipBlankLines(text, end))
	}
	return [2]int{start, end}
}

// sentenceStart returns the start of the sentence holding text[i]: just
// after the previous line break or sentence end (".", "!" or "?" followed
// by a space), with spaces skipped.
func sentenceStart(text string, i int) int {
	j := i
	for ; j > 0; j-- {
		c := text[j-1]
		if c == '\n' {
			break
		}
		if j < i && (c == '.' || c == '!' || c == '?') && (text[j] == ' ' || text[j] == '\t') {
			break
		}
	}
	for j < i && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	return j
}

// sentenceEnd returns the end of the sentence holding text[i-1]: after the
// next ".", "!" or "?" that ends the text or is followed by a space, or at
// the line break.
func sentenceEnd(text string, i int) int {
	for j := i; j < len(text); j++ {
		switch c := text[j]; {
		case c == '\n':
			return j
		case (c == '.' || c == '!' || c == '?') &&
			(j+1 == len(text) || text[j+1] == ' ' || text[j+1] == '\t' || text[j+1] == '\n'):
			return j + 1
		}
	}
	return len(text)
}

// lineEnd returns the offset of the line break at or after i.
func lineEnd(text string, i int) int {
	if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(text)
}

// skipBlankLines returns the start of the first line after i that is not
// blank, or len(text).
func skipBlankLines(text string, i int) int {
	for i < len(text) {
		e := lineEnd(text, i)
		if strings.TrimSpace(text[i:e]) != "" && i > 0 && text[i-1] == '\n' {
			return i
		}
		i = e + 1
	}
	return len(text)
}
