package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// escoSkill is one ESCO skill or knowledge concept with its family.
type escoSkill struct {
	name   string
	alts   []string
	family string
}

// escoData is what the generator takes from ESCO.
type escoData struct {
	skills []escoSkill
	prose  []string // descriptions, for word statistics
}

// readESCO reads skills, groups and the broader relations of ESCO.
func readESCO(ctx context.Context, src string) (*escoData, error) {
	dir := filepath.Join(src, "esco")
	groups, err := readKeyed(ctx, filepath.Join(dir, "skillGroups_en.csv"), "conceptUri",
		"preferredLabel")
	if err != nil {
		return nil, err
	}
	broader, err := readBroader(ctx, filepath.Join(dir, "broaderRelationsSkillPillar.csv"))
	if err != nil {
		return nil, err
	}
	d := &escoData{}
	err = eachRecord(ctx, filepath.Join(dir, "skills_en.csv"), func(r map[string]string) {
		d.skills = append(d.skills, escoSkill{
			name:   r["preferredLabel"],
			alts:   strings.Split(r["altLabels"], "\n"),
			family: familyOf(r["conceptUri"], groups, broader),
		})
		d.prose = append(d.prose, r["description"])
	})
	if err != nil {
		return nil, err
	}
	err = eachRecord(ctx, filepath.Join(dir, "occupations_en.csv"), func(r map[string]string) {
		d.prose = append(d.prose, r["description"])
	})
	return d, err
}

// familyOf follows broader links upward from uri, breadth first, and returns
// the label of the first skill group reached.
func familyOf(uri string, groups map[string]string, broader map[string][]string) string {
	seen := map[string]bool{uri: true}
	queue := []string{uri}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for _, b := range broader[u] {
			if g, ok := groups[b]; ok {
				return clean(g)
			}
			if !seen[b] {
				seen[b] = true
				queue = append(queue, b)
			}
		}
	}
	return ""
}

// readBroader maps each concept to its broader concepts, sorted so that the
// walk in familyOf is deterministic.
func readBroader(ctx context.Context, path string) (map[string][]string, error) {
	m := map[string][]string{}
	err := eachRecord(ctx, path, func(r map[string]string) {
		m[r["conceptUri"]] = append(m[r["conceptUri"]], r["broaderUri"])
	})
	for _, v := range m {
		sort.Strings(v)
	}
	return m, err
}

// readKeyed maps column key to column val for every record of a CSV file.
func readKeyed(ctx context.Context, path, key, val string) (map[string]string, error) {
	m := map[string]string{}
	err := eachRecord(ctx, path, func(r map[string]string) { m[r[key]] = r[val] })
	return m, err
}

// eachRecord calls fn with every record of a CSV file, keyed by header.
func eachRecord(ctx context.Context, path string, fn func(map[string]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open esco file: %w", err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return fmt.Errorf("read header of %s: %w", path, err)
	}
	for {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		row := make(map[string]string, len(head))
		for i, h := range head {
			if i < len(rec) {
				row[h] = rec[i]
			}
		}
		fn(row)
	}
}
