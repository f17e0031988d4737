package store

import (
	"strings"
	"unicode"

	"shortlist/internal/config"
)

// maxSearchTerms bounds how many words a search uses.
const maxSearchTerms = 12

// searchTerms splits a search into lower-case words of letters and digits,
// which is all either full-text engine is given, so user input can never be
// read as query syntax.
func searchTerms(q string) []string {
	words := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) > maxSearchTerms {
		words = words[:maxSearchTerms]
	}
	return words
}

// addSearch adds the full-text condition for q: every word must start a word
// of the name, email or resume text.
func (db *DB) addSearch(w *where, q string) {
	terms := searchTerms(q)
	if len(terms) == 0 {
		return
	}
	if db.Dialect == config.Postgres {
		w.add(`c.search @@ to_tsquery('simple', ?)`, postgresPrefixQuery(terms))
		return
	}
	w.add(`c.id IN (SELECT rowid FROM candidates_fts WHERE candidates_fts MATCH ?)`,
		sqlitePrefixQuery(terms))
}

// sqlitePrefixQuery writes terms as an FTS5 query of quoted prefix terms.
func sqlitePrefixQuery(terms []string) string {
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = `"` + t + `"*`
	}
	return strings.Join(parts, " ")
}

// postgresPrefixQuery writes terms as a tsquery of prefix terms joined by AND.
func postgresPrefixQuery(terms []string) string {
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = t + ":*"
	}
	return strings.Join(parts, " & ")
}
