package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// onetTech is one O*NET technology example and its commodity family.
type onetTech struct {
	name   string
	family string
}

// onetData is what the generator takes from O*NET.
type onetData struct {
	tech  []onetTech
	prose []string // occupation descriptions, for word statistics
}

// readONET reads technology examples and occupation descriptions.
func readONET(ctx context.Context, src string) (*onetData, error) {
	dir := filepath.Join(src, "onet")
	d := &onetData{}

	// An example can sit under several commodities; keep the most frequent.
	counts := map[string]map[string]int{}
	err := eachLine(ctx, filepath.Join(dir, "Technology Skills.txt"), func(f []string) {
		if len(f) < 4 {
			return
		}
		if counts[f[1]] == nil {
			counts[f[1]] = map[string]int{}
		}
		counts[f[1]][f[3]]++
	})
	if err != nil {
		return nil, err
	}
	for name, fam := range counts {
		d.tech = append(d.tech, onetTech{name: name, family: topKey(fam)})
	}
	sort.Slice(d.tech, func(i, j int) bool { return d.tech[i].name < d.tech[j].name })

	err = eachLine(ctx, filepath.Join(dir, "Occupation Data.txt"), func(f []string) {
		if len(f) >= 3 {
			d.prose = append(d.prose, f[2])
		}
	})
	return d, err
}

// topKey returns the key with the highest count, the smallest on ties.
func topKey(m map[string]int) string {
	best, n := "", -1
	for k, c := range m {
		if c > n || (c == n && k < best) {
			best, n = k, c
		}
	}
	return best
}

// eachLine calls fn with the fields of every data line of a TSV file.
func eachLine(ctx context.Context, path string, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open onet file: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	first := true
	for sc.Scan() {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		if first {
			first = false
			continue
		}
		fn(strings.Split(sc.Text(), "\t"))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}
