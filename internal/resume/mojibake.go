package resume

import (
	"strings"
	"unicode/utf8"
)

// cp1252High maps the Windows-1252 characters in 0x80–0x9F back to their
// byte. Bytes that Windows-1252 leaves undefined come back as the C1
// control of the same value, which the generic rule below handles.
var cp1252High = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86,
	'‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c,
	'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
	'–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b,
	'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
}

// mojibakeByte returns the byte that r stands for when UTF-8 was read as
// Windows-1252 or Latin-1.
func mojibakeByte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xff {
		return byte(r), true
	}
	b, ok := cp1252High[r]
	return b, ok
}

// repairMojibake undoes UTF-8 text that was read as Windows-1252 or
// Latin-1 ("NaÃ¯ve" becomes "Naïve", "â€“" becomes "–"). Within each run of
// characters from that range, a character is replaced only where its bytes
// and those of its neighbours form a valid multi-byte UTF-8 sequence, so
// genuine accented text ("café") stays as it is. "ï¼" (a full-width colon
// whose last byte was lost) becomes ":", a leftover "â€" becomes "”", and
// once anything was repaired a
// lone "Â" before a space (a lost no-break space) is dropped.
func repairMojibake(s string) (string, bool) {
	out, repaired := s, false
	if strings.ContainsFunc(s, func(r rune) bool { return r >= 0xc2 && r <= 0xf4 }) {
		out, repaired = repairRuns(s)
	}
	if strings.Contains(out, "ï¼") {
		out, repaired = strings.ReplaceAll(out, "ï¼", ":"), true
	}
	if strings.Contains(out, "â€") {
		// What is left is a closing quote whose last byte, undefined in
		// Windows-1252, was dropped.
		out, repaired = strings.ReplaceAll(out, "â€", "”"), true
	}
	if repaired {
		out = strings.ReplaceAll(out, "Â ", " ")
	}
	return out, repaired
}

// repairRuns applies undoRun to every run of mojibake-range characters.
func repairRuns(s string) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	repaired := false
	for i := 0; i < len(s); {
		j := runEnd(s, i)
		if j == i {
			r, n := utf8.DecodeRuneInString(s[i:])
			b.WriteRune(r)
			i += n
			continue
		}
		fixed, ok := undoRun(s[i:j])
		repaired = repaired || ok
		b.WriteString(fixed)
		i = j
	}
	return b.String(), repaired
}

// runEnd returns the end of the run of mojibake-range characters at s[i:].
func runEnd(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if _, ok := mojibakeByte(r); !ok {
			break
		}
		i += n
	}
	return i
}

// undoRun turns a run back into bytes and decodes every multi-byte UTF-8
// sequence found in them; other characters are kept as they were.
func undoRun(run string) (string, bool) {
	runes := []rune(run)
	raw := make([]byte, len(runes))
	for k, r := range runes {
		raw[k], _ = mojibakeByte(r)
	}
	var b strings.Builder
	repaired := false
	for k := 0; k < len(raw); {
		r, n := utf8.DecodeRune(raw[k:])
		if n > 1 && r != utf8.RuneError {
			b.WriteRune(r)
			k += n
			repaired = true
			continue
		}
		b.WriteRune(runes[k])
		k++
	}
	return b.String(), repaired
}
