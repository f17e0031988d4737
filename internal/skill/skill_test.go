package skill

import (
	"strings"
	"sync"
	"testing"
)

func TestFind(t *testing.T) {
	d := Default()
	tests := []struct {
		name string
		text string
		want []string // matched text → skill name
	}{
		{"alias and case", "Skilled in javascript and K8s.",
			[]string{"javascript=JavaScript", "K8s=Kubernetes"}},
		{"longest match wins", "Built reports in Microsoft Excel daily.",
			[]string{"Microsoft Excel=Microsoft Excel"}},
		{"go in a list", "Languages: Go, Python",
			[]string{"Go=Go", "Python=Python (computer programming)"}},
		{"go alone on a line", "Skills\nGo\nRust\n", []string{"Go=Go", "Rust=Rust"}},
		{"golang", "Wrote services in golang", []string{"golang=Go"}},
		{"symbols", "C#, C++ and .NET", []string{"C#=C#", "C++=C++", ".NET=.NET"}},
		{"hyphen and plural", "front-end databases: PostgreSQL/postgres",
			[]string{"PostgreSQL=PostgreSQL", "postgres=PostgreSQL"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, m := range d.Find(tc.text) {
				pair := tc.text[m.Start:m.End] + "=" + m.Skill.Name
				if contains(tc.want, pair) {
					got = append(got, pair)
				}
			}
			if strings.Join(got, ";") != strings.Join(tc.want, ";") {
				t.Errorf("Find(%q) = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}

// TestFindIgnored checks texts that must not yield the given skills.
func TestFindIgnored(t *testing.T) {
	d := Default()
	tests := []struct{ text, skill string }{
		{"ready to go to market", "Go"},
		{"Go to market plans.", "Go"},
		{"Javascripting is not a word", "JavaScript"},
		{"Executive Chef at a busy bistro", "Chef"},
		{"I excel at teamwork", "Microsoft Excel"},
		{"Access to the building", "Microsoft Access"},
		{"Work History", "Microsoft Word"},
	}
	for _, tc := range tests {
		for _, m := range d.Find(tc.text) {
			if m.Skill.Name == tc.skill {
				t.Errorf("Find(%q) = %s at %d, want no %s", tc.text, m.Skill.Name, m.Start,
					tc.skill)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestLookup(t *testing.T) {
	d := Default()
	tests := []struct {
		name, want string
		ok         bool
	}{
		{"k8s", "Kubernetes", true},
		{"JS", "JavaScript", true},
		{"golang", "Go", true},
		{"Postgres", "PostgreSQL", true},
		{"ms excel", "Microsoft Excel", true},
		{"node.js", "Node.js", true},
		{"bookkeeping", "accounting", true},
		{"no such skill anywhere", "", false},
	}
	for _, tc := range tests {
		s, ok := d.Lookup(tc.name)
		got := ""
		if ok {
			got = s.Name
		}
		if got != tc.want || ok != tc.ok {
			t.Errorf("Lookup(%q) = %q, %v, want %q, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}

func TestDictionaryShape(t *testing.T) {
	d := Default()
	if d.Len() < 10000 {
		t.Errorf("Len() = %d, want at least 10000", d.Len())
	}
	s, ok := d.Lookup("Kubernetes")
	if !ok || s.Family == "" || !contains(s.Aliases, "k8s") {
		t.Errorf("Lookup(Kubernetes) = %+v, want a family and the alias k8s", s)
	}
	if d.IDF("the") >= d.IDF("kubernetes") {
		t.Errorf("IDF(the) = %.2f, want below IDF(kubernetes) = %.2f", d.IDF("the"),
			d.IDF("kubernetes"))
	}
}

func TestDefaultConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if n := len(Default().Find("Python, SQL, Excel")); n != 3 {
				t.Errorf("len(Find) = %d, want 3", n)
			}
		}()
	}
	wg.Wait()
}

func BenchmarkFind(b *testing.B) {
	d := Default()
	text := strings.Repeat("Senior engineer with Python, Go, Kubernetes and PostgreSQL. "+
		"Managed budgets, led a team of five and wrote reports in Microsoft Excel. ", 70)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		d.Find(text)
	}
}
