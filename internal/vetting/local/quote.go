package local

import (
	"strings"

	"shortlist/internal/vetting"
)

// maxQuote is the longest quote taken around a match.
const maxQuote = 160

// quote returns the evidence for the span [start, end) of text.
func quote(text string, start, end int) vetting.Evidence {
	return vetting.Evidence{Quote: text[start:end], Start: start, End: end}
}

// lineAround quotes the line that holds [start, end), cut to maxQuote bytes
// around the span at word boundaries.
func lineAround(text string, start, end int) vetting.Evidence {
	ls := strings.LastIndexByte(text[:start], '\n') + 1
	le := strings.IndexByte(text[end:], '\n')
	if le < 0 {
		le = len(text)
	} else {
		le += end
	}
	if room := maxQuote - (end - start); le-ls > maxQuote && room > 0 {
		ls = max(ls, start-room/2)
		le = min(le, end+room/2)
	}
	ls, le = trimWord(text, ls, le, start, end)
	s := strings.TrimSpace(text[ls:le])
	off := ls + strings.Index(text[ls:le], s)
	return vetting.Evidence{Quote: s, Start: off, End: off + len(s)}
}

// trimWord moves ls and le inward so that the quote neither starts nor ends
// inside a word or a UTF-8 sequence, keeping [start, end) inside.
func trimWord(text string, ls, le, start, end int) (int, int) {
	for ls < start && ls > 0 && !boundary(text[ls-1]) {
		ls++
	}
	for le > end && le < len(text) && !boundary(text[le]) {
		le--
	}
	return ls, le
}

func boundary(c byte) bool { return c == ' ' || c == '\n' || c == '\t' }
