package resume

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// decodeText turns the bytes of a text file into a string: UTF-8 (with or
// without a byte-order mark), UTF-16 with a byte-order mark, or else
// Windows-1252, the usual superset of Latin-1.
func decodeText(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return strings.ToValidUTF8(string(data[3:]), "\uFFFD")
	case hasUTF16BOM(data):
		return decodeUTF16(data)
	case utf8.Valid(data):
		return string(data)
	}
	s, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD")
	}
	return string(s)
}

// decodeUTF16 decodes UTF-16 text that starts with a byte-order mark.
func decodeUTF16(data []byte) string {
	big := data[0] == 0xfe
	data = data[2:]
	units := make([]uint16, 0, len(data)/2)
	for i := 0; i+1 < len(data); i += 2 {
		if big {
			units = append(units, uint16(data[i])<<8|uint16(data[i+1]))
		} else {
			units = append(units, uint16(data[i+1])<<8|uint16(data[i]))
		}
	}
	return string(utf16.Decode(units))
}

// isZeroWidth reports characters that take no space on the page.
func isZeroWidth(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e':
		return true
	}
	return false
}

// cleanText prepares extracted text for use: it repairs mojibake, removes
// zero-width characters (reporting those that split words), normalises to
// NFC, turns odd spaces into plain ones, drops control characters and
// collapses runs of blank lines.
func cleanText(s string) (text string, hidden []Hidden, repaired bool) {
	s, repaired = repairMojibake(s)
	s, hidden = stripZeroWidth(s)
	s = norm.NFC.String(ligatures.Replace(s))
	return tidySpace(s), hidden, repaired
}

// ligatures expands typographic ligatures so that words can be matched.
var ligatures = strings.NewReplacer("ﬀ", "ff", "ﬁ", "fi", "ﬂ", "fl", "ﬃ", "ffi", "ﬄ", "ffl",
	"ﬅ", "st", "ﬆ", "st")

// tidySpace normalises white space: no control characters, no trailing
// spaces, at most one blank line in a row.
func tidySpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	blank := 0
	for line := range strings.SplitSeq(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		line = strings.TrimRightFunc(strings.Map(spaceMap, line), unicode.IsSpace)
		if line == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n")
			if blank > 0 {
				b.WriteString("\n")
			}
		}
		blank = 0
		b.WriteString(line)
	}
	return b.String()
}

// spaceMap maps exotic spaces to a plain space and drops control characters.
func spaceMap(r rune) rune {
	switch {
	case r == '\t':
		return ' '
	case r == '\r' || r == '\f' || r == '\v':
		return -1
	case unicode.Is(unicode.Zs, r):
		return ' '
	case unicode.IsControl(r), r == '\uFFFE', r == '\uFFFF':
		return -1
	}
	return r
}

// stripZeroWidth removes zero-width characters. When they sit inside a
// word, where they defeat keyword search or smuggle a payload, the word is
// reported as hidden.
func stripZeroWidth(s string) (string, []Hidden) {
	if strings.IndexFunc(s, isZeroWidth) < 0 {
		return s, nil
	}
	var hidden []Hidden
	fields := strings.FieldsFunc(s, unicode.IsSpace)
	for _, f := range fields {
		clean := strings.Map(dropZeroWidth, f)
		if clean != f && splitsWord(f) {
			hidden = append(hidden, Hidden{Text: clean, Reason: ReasonZeroWidth})
		}
	}
	return strings.Map(dropZeroWidth, s), hidden
}

// dropZeroWidth is a strings.Map function removing zero-width characters.
func dropZeroWidth(r rune) rune {
	if isZeroWidth(r) {
		return -1
	}
	return r
}

// splitsWord reports whether a zero-width character other than a soft
// hyphen sits between two letters or digits of word.
func splitsWord(word string) bool {
	rs := []rune(word)
	for i := 1; i+1 < len(rs); i++ {
		if !isZeroWidth(rs[i]) || rs[i] == '\u00ad' {
			continue
		}
		j := i
		for j+1 < len(rs) && isZeroWidth(rs[j+1]) {
			j++
		}
		if j+1 < len(rs) && isWordRune(rs[i-1]) && isWordRune(rs[j+1]) {
			return true
		}
	}
	return false
}

// isWordRune reports letters and digits.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
