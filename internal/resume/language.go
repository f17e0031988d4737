package resume

import (
	"strings"
	"unicode"
)

// stopwords holds frequent short words of each language guessed.
var stopwords = map[string][]string{
	"en": {"the", "and", "of", "to", "in", "for", "with", "on", "as", "at", "by", "is", "from"},
	"fr": {"le", "la", "les", "et", "des", "du", "pour", "dans", "avec", "une", "sur", "au"},
	"de": {"der", "die", "und", "das", "mit", "für", "von", "den", "im", "zu", "auf", "ich"},
	"es": {"el", "los", "las", "y", "del", "para", "con", "por", "una", "en", "como", "que"},
	"it": {"il", "di", "che", "e", "della", "per", "con", "gli", "delle", "nel", "una", "sono"},
	"nl": {"de", "het", "een", "en", "van", "voor", "met", "op", "ik", "niet", "zijn", "bij"},
	"pt": {"o", "os", "da", "do", "das", "dos", "para", "com", "uma", "em", "não", "na"},
}

// stopwordLang maps each stopword to the languages using it.
var stopwordLang = func() map[string][]string {
	m := map[string][]string{}
	for lang, words := range stopwords {
		for _, w := range words {
			m[w] = append(m[w], lang)
		}
	}
	return m
}()

// TODO: only seven languages are told apart, by stopwords; short texts,
// texts made of keywords and other languages give "".
// guessLanguage returns the language whose stopwords are most frequent,
// or "" when the text has too few of them or no clear winner.
func guessLanguage(text string) string {
	counts := map[string]int{}
	for w := range strings.FieldsFuncSeq(strings.ToLower(text), notLetter) {
		for _, lang := range stopwordLang[w] {
			counts[lang]++
		}
	}
	best, second := "", 0
	for lang, n := range counts {
		switch {
		case best == "" || n > counts[best] || n == counts[best] && lang < best:
			second = max(second, counts[best])
			best = lang
		case n > second:
			second = n
		}
	}
	if best == "" || counts[best] < 5 || float64(counts[best]) < 1.3*float64(second) {
		return ""
	}
	return best
}

// notLetter splits words on anything but letters.
func notLetter(r rune) bool { return !unicode.IsLetter(r) }
