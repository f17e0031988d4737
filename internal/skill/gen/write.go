package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"sort"
	"strings"

	"shortlist/internal/skill/token"
)

// writeSkills writes one skill a line: id, name, family, source and the
// labels separated by '|', each label prefixed with its flag if any.
func writeSkills(path string, skills []*skillOut) error {
	return writeGzip(path, func(w *bufio.Writer) {
		fmt.Fprintln(w, "# id\tname\tfamily\tsource\tlabels (= exact case, ~ exact case in a list)")
		for i, s := range skills {
			labels := make([]string, len(s.labels))
			for j, l := range s.labels {
				labels[j] = l.text
				if l.flag != 0 {
					labels[j] = string(l.flag) + l.text
				}
			}
			fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\n", i+1, s.name, s.family, s.source,
				strings.Join(labels, "|"))
		}
	})
}

// minDF drops words seen in fewer descriptions from the IDF table; a word
// missing from the table gets the highest weight anyway.
const minDF = 2

// writeIDF writes the number of documents on the first line, then each word
// and the number of descriptions that contain it, sorted by word.
func writeIDF(path string, prose []string) error {
	df := map[string]int{}
	for _, p := range prose {
		seen := map[string]bool{}
		for _, n := range token.Norms(p) {
			if !seen[n] {
				seen[n] = true
				df[n]++
			}
		}
	}
	words := make([]string, 0, len(df))
	for w, n := range df {
		if n >= minDF && !strings.ContainsAny(w, "\t\n") && len(w) < 40 {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	return writeGzip(path, func(w *bufio.Writer) {
		fmt.Fprintf(w, "%d\n", len(prose))
		for _, word := range words {
			fmt.Fprintf(w, "%s\t%d\n", word, df[word])
		}
	})
}

// writeGzip writes a gzip file deterministically (no name, no time stamp).
func writeGzip(path string, fill func(*bufio.Writer)) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return fmt.Errorf("compress %s: %w", path, err)
	}
	bw := bufio.NewWriter(zw)
	fill(bw)
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", path, err)
	}
	return nil
}
