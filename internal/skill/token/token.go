// Package token splits text into normalised word tokens, the unit that the
// skills dictionary, its generator and the local vetting engine all match on.
//
// A token is a run of letters and digits, lower-cased, with a few joins that
// technical names need: an inner dot between letters or digits ("node.js",
// "asp.net"), a leading dot before letters (".net"), and trailing plus or
// hash signs ("c++", "c#"). Hyphens, slashes and other punctuation separate
// tokens, so "front-end" and "front end" give the same tokens. A light
// plural rule folds "databases" into "database" and "technologies" into
// "technology" so that labels and resumes meet halfway.
package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one normalised word and its byte span in the original text.
type Token struct {
	Norm       string // lower-cased, plural-folded form
	Start, End int    // byte offsets into the text
}

// Surface returns the token's original spelling in text.
func (t Token) Surface(text string) string { return text[t.Start:t.End] }

// Tokenize splits text into tokens in order of appearance.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/6)
	i := 0
	for i < len(text) {
		start, end := next(text, i)
		if start < 0 {
			break
		}
		toks = append(toks, Token{Norm: Normalize(text[start:end]), Start: start, End: end})
		i = end
	}
	return toks
}

// Norms returns only the normalised forms of the tokens of text.
func Norms(text string) []string {
	toks := Tokenize(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Norm
	}
	return out
}

// Key returns the normalised tokens of text joined by single spaces, the form
// under which labels are compared.
func Key(text string) string { return strings.Join(Norms(text), " ") }

// next finds the token that starts at or after byte i and returns its span,
// or -1, -1 when there is none.
func next(text string, i int) (int, int) {
	start := -1
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWord(r) {
			start = i
			break
		}
		if r == '.' && leadingDot(text, i) {
			start = i
			i += n
			break
		}
		i += n
	}
	if start < 0 {
		return -1, -1
	}
	end := wordEnd(text, i)
	return start, suffixEnd(text, end)
}

// wordEnd returns the end of the run of word runes and inner dots at i.
func wordEnd(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWord(r) {
			i += n
			continue
		}
		if r == '.' && i+1 < len(text) {
			r2, _ := utf8.DecodeRuneInString(text[i+1:])
			if isWord(r2) {
				i += n
				continue
			}
		}
		break
	}
	return i
}

// suffixEnd absorbs trailing '+' and '#' signs, as in "c++" and "c#", when
// they are not followed by another word character.
func suffixEnd(text string, end int) int {
	j := end
	for j < len(text) && j-end < 2 && (text[j] == '+' || text[j] == '#') {
		j++
	}
	if j == end {
		return end
	}
	if j < len(text) {
		r, _ := utf8.DecodeRuneInString(text[j:])
		if isWord(r) {
			return end
		}
	}
	return j
}

// leadingDot reports whether the dot at i starts a name such as ".net": it
// follows a non-word character and precedes a letter.
func leadingDot(text string, i int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if isWord(r) {
			return false
		}
	}
	if i+1 >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i+1:])
	return unicode.IsLetter(r)
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Normalize lower-cases one token and folds simple English plurals of
// plain words; names with digits or symbols ("k8s", "node.js") are kept.
func Normalize(s string) string {
	s = lower(s)
	n := len(s)
	if strings.ContainsAny(s, ".+#0123456789") {
		return s
	}
	switch {
	case n > 4 && strings.HasSuffix(s, "ies"):
		return s[:n-3] + "y"
	case n > 3 && s[n-1] == 's' && !strings.HasSuffix(s, "ss") &&
		!strings.HasSuffix(s, "us") && !strings.HasSuffix(s, "is"):
		return s[:n-1]
	}
	return s
}

// lower is strings.ToLower with a fast path for ASCII.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		if 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}
