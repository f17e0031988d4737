package shield

import (
	"strings"
	"testing"
)

func TestScanStuffing(t *testing.T) {
	prose := "Accountant with eight years in audit and tax, leading a team of four. "
	tests := []struct {
		name, text string
		want       bool
	}{
		{"word repeated in a row", "Skills: " + strings.Repeat("Python ", 8), true},
		{"phrase repeated in a row",
			strings.Repeat("machine learning, ", 7) + "and statistics.", true},
		{"one word per line", strings.Repeat("Kubernetes\n", 10), true},
		{"frequent word", strings.Repeat("Senior Python developer and Python expert. ", 9),
			true},
		{"list with one term again and again", "Python, SQL, Python, AWS, Python, " +
			"Docker, Python, Linux, Python, Excel", true},
		{"very long list", strings.TrimSuffix(strings.Repeat("alpha, beta, gamma, delta, ", 60),
			", "), true},
		{"five repeats are allowed", strings.Repeat("Python ", 5), false},
		{"repeats with digits", strings.Repeat("5+ yrs\n", 8), false},
		{"ordinary skills list", "Java, J2EE, Spring, Hibernate, SQL, Oracle, Linux, Git, " +
			"Jenkins, Docker, Kubernetes, AWS, Terraform, Python, Bash", false},
		{"ordinary prose", strings.Repeat(prose, 3), false},
		{"awards by year", "Performance Award August 2013 Performance Award August 2012 " +
			"Performance Award August 2011 Performance Award August 2010 Performance Award " +
			"August 2009 Performance Award August 2008", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := Scan(tc.text)
			got := kinds(fs) != ""
			if got != tc.want || got && kinds(fs) != KindStuffing {
				t.Errorf("Scan(%.40q…) = %+v, want stuffing %v", tc.text, fs, tc.want)
			}
			for _, f := range fs {
				if f.Detail == "" || f.Start >= f.End {
					t.Errorf("Scan(%.40q…) finding %+v, want a detail and a span", tc.text, f)
				}
			}
		})
	}
}
