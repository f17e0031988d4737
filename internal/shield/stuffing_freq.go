package shield

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// frequentWords finds a word that makes up an abnormal share of the text.
// The finding spans the word's first to last occurrence.
func frequentWords(text string, ws []word) []Finding {
	counts := map[string]int{}
	first, last := map[string]int{}, map[string]int{}
	total := 0
	for _, w := range ws {
		if utf8.RuneCountInString(w.text) < 3 {
			continue
		}
		total++
		if stopWords[w.text] || strings.ContainsFunc(w.text, unicode.IsDigit) {
			continue
		}
		if counts[w.text] == 0 {
			first[w.text] = w.start
		}
		counts[w.text]++
		last[w.text] = w.end
	}
	var fs []Finding
	for _, w := range ws {
		n, ok := counts[w.text]
		if !ok || first[w.text] != w.start {
			continue
		}
		share := float64(n) / float64(total)
		if n >= freqAlways || n >= freqMin && share >= freqShare {
			f := newFinding(text, KindStuffing, first[w.text], last[w.text])
			f.Quote = quote(w.text)
			f.Detail = fmt.Sprintf("%q %d times in %d words", w.text, n, total)
			fs = append(fs, f)
		}
	}
	return fs
}

// listSep separates the items of a list.
var listSep = regexp.MustCompile(`[ \t]*[,;|•·]\s*`)

// stuffedLists finds a run of short items (at most four words and 40
// bytes each, separated by commas, semicolons, bars or bullets) that
// repeats one item far too often, or that is listLong items long.
func stuffedLists(text string) []Finding {
	var fs []Finding
	var items [][2]int // offsets of the items of the current list
	flush := func() {
		if f, ok := stuffedList(text, items); ok {
			fs = append(fs, f)
		}
		items = items[:0]
	}
	prev := 0
	seps := append(listSep.FindAllStringIndex(text, -1), []int{len(text), len(text)})
	for _, s := range seps {
		start, end := prev, s[0]
		prev = s[1]
		item := text[start:end]
		if !isListItem(item) {
			flush()
			continue
		}
		items = append(items, [2]int{start, end})
	}
	flush()
	return fs
}

// isListItem reports whether s can be an item of a keyword list.
func isListItem(s string) bool {
	return s != "" && len(s) <= 40 && len(strings.Fields(s)) <= 4
}

// stuffedList judges one run of list items.
func stuffedList(text string, items [][2]int) (Finding, bool) {
	if len(items) < listDupItems {
		return Finding{}, false
	}
	counts := map[string]int{}
	top, most := "", 0
	for _, it := range items {
		k := strings.ToLower(strings.Join(strings.Fields(text[it[0]:it[1]]), " "))
		if counts[k]++; counts[k] > most {
			top, most = k, counts[k]
		}
	}
	dup := most >= listDupMin && float64(most) >= listDupShare*float64(len(items))
	if !dup && len(items) < listLong {
		return Finding{}, false
	}
	f := newFinding(text, KindStuffing, items[0][0], items[len(items)-1][1])
	f.Detail = fmt.Sprintf("a list of %d terms", len(items))
	if dup {
		f.Detail = fmt.Sprintf("a list of %d terms with %q %d times", len(items), top, most)
	}
	return f, true
}
