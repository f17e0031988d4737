package local

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"shortlist/internal/vetting"
)

// fixedClock pins "present" to June 2025.
func fixedClock() time.Time { return time.Date(2025, 6, 15, 0, 0, 0, 0, time.UTC) }

const devResume = `BACKEND SOFTWARE ENGINEER
Skills: Go, PostgreSQL, Docker, k8s
Experience
Software Engineer, Acme, Jan 2018 - Present
Built billing services in golang on Kubernetes.
Developer, Initech, 2014-2017
Education
B.S. in Computer Science, State University, 2010 - 2014
`

const cookResume = `LINE COOK
Skills: knife skills, food safety, menu planning
Cook, Bistro, 03/2019 to 06/2020
Prepared sauces and managed stock.
`

var devJob = vetting.Input{
	JobTitle: "Backend Software Engineer",
	JobText:  "We build billing services in Go on Kubernetes with PostgreSQL.",
	Requirements: []vetting.Requirement{
		{ID: 1, Kind: vetting.KindMust, Text: "Kubernetes"},
		{ID: 2, Kind: vetting.KindMust, Text: "Java"},
		{ID: 3, Kind: vetting.KindNice, Text: "MySQL"},
		{ID: 4, Kind: vetting.KindYears, Text: "5+ years", Years: 5},
		{ID: 5, Kind: vetting.KindCriterion, Text: "Bachelor's degree in Computer Science"},
	},
}

func TestVetRequirements(t *testing.T) {
	in := devJob
	in.ResumeText = devResume
	res, err := New(WithClock(fixedClock)).Vet(context.Background(), in)
	if err != nil {
		t.Fatalf("Vet = %v", err)
	}
	tests := []struct {
		id    int64
		want  vetting.ReqVerdict
		quote string // first evidence quote, if any
	}{
		{1, vetting.Met, "k8s"},
		{2, vetting.PartlyMet, ""}, // a skill of Java's family
		{3, vetting.PartlyMet, "PostgreSQL"},
		{4, vetting.Met, "Jan 2018 - Present"},
		{5, vetting.Met, "B.S. in Computer Science, State University, 2010 - 2014"},
	}
	for _, tc := range tests {
		rr := find(res.Requirements, tc.id)
		if rr.Verdict != tc.want {
			t.Errorf("requirement %d verdict = %q (%s), want %q", tc.id, rr.Verdict, rr.Reason,
				tc.want)
			continue
		}
		if len(rr.Evidence) == 0 || (tc.quote != "" && rr.Evidence[0].Quote != tc.quote) {
			t.Errorf("requirement %d evidence = %+v, want %q", tc.id, rr.Evidence, tc.quote)
			continue
		}
		for _, ev := range rr.Evidence {
			if got := in.ResumeText[ev.Start:ev.End]; got != ev.Quote {
				t.Errorf("requirement %d text at offsets = %q, want %q", tc.id, got, ev.Quote)
			}
		}
	}
	if res.Engine != "local" || res.RubricVersion == "" || res.Summary == "" {
		t.Errorf("Vet = engine %q rubric %q summary %q, want all set", res.Engine,
			res.RubricVersion, res.Summary)
	}
}

func find(rs []vetting.RequirementResult, id int64) vetting.RequirementResult {
	for _, r := range rs {
		if r.RequirementID == id {
			return r
		}
	}
	return vetting.RequirementResult{}
}

func TestVetRanksTheFittingResumeFirst(t *testing.T) {
	e := New(WithClock(fixedClock))
	tests := []struct {
		name string
		job  vetting.Input
	}{
		{"with requirements", devJob},
		{"proposed requirements", vetting.Input{JobTitle: devJob.JobTitle,
			JobText: "Requirements:\nGo and Kubernetes.\n3 years of experience."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dev, cook := tc.job, tc.job
			dev.ResumeText, cook.ResumeText = devResume, cookResume
			a, _ := e.Vet(context.Background(), dev)
			b, _ := e.Vet(context.Background(), cook)
			if a.Score <= b.Score {
				t.Errorf("Vet score developer = %d, cook = %d, want developer higher", a.Score,
					b.Score)
			}
			if b.Verdict != vetting.VerdictFor(b.Score) {
				t.Errorf("Vet verdict = %q, want %q", b.Verdict, vetting.VerdictFor(b.Score))
			}
		})
	}
}

func TestVetDeterministic(t *testing.T) {
	in := devJob
	in.Requirements = nil
	in.ResumeText = devResume
	first, _ := New(WithClock(fixedClock)).Vet(context.Background(), in)
	for range 5 {
		again, _ := New(WithClock(fixedClock)).Vet(context.Background(), in)
		if !reflect.DeepEqual(first, again) {
			t.Fatalf("Vet = %+v, want the same as %+v", again, first)
		}
	}
}

func TestVetEvidenceVerifies(t *testing.T) {
	in := devJob
	in.ResumeText = devResume
	res, _ := New(WithClock(fixedClock)).Vet(context.Background(), in)
	if n := vetting.VerifyEvidence(in.ResumeText, &res); n != 0 {
		t.Errorf("VerifyEvidence of local evidence dropped %d, want 0", n)
	}
}

func TestExperience(t *testing.T) {
	asOf := 2025*12 + 6
	tests := []struct {
		text string
		want float64
	}{
		{"Analyst, Jan 2015 – Present", 10.4},
		{"Clerk 2012-2016", 4},
		{"Cook 03/2018 to 06/2020", 2.2},
		{"A 2010 - 2014\nB 2012 - 2016", 6},
		{"BSc, University of X, 2010 - 2014", 0},
		{"Analyst, Jan 2015 â€“ Dec 2015", 0.9},
		{"no dates here", 0},
	}
	for _, tc := range tests {
		got, _ := experience(tc.text, asOf)
		if got < tc.want-0.05 || got > tc.want+0.05 {
			t.Errorf("experience(%q) = %.2f, want %.1f", tc.text, got, tc.want)
		}
	}
}

func TestEducation(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"Ph.D. in Physics", eduDoctorate},
		{"MBA, 2015", eduMaster},
		{"B.S. in Biology", eduBachelor},
		{"BS in Nursing", eduBachelor},
		{"Skilled in MS Excel", eduNone},
		{"High school diploma", eduAssociate},
	}
	for _, tc := range tests {
		if got, _ := education(tc.text); got != tc.want {
			t.Errorf("education(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

// realisticResume is about 5 KB of resume text.
var realisticResume = strings.Repeat(devResume+`Led a team of five engineers delivering payment
APIs; reduced latency by 40% with caching in Redis and careful SQL tuning. Wrote runbooks,
mentored juniors, and ran incident reviews. Tools: Terraform, AWS, GitHub Actions, Grafana.
`, 8)

func BenchmarkLocalVet(b *testing.B) {
	e := New(WithClock(fixedClock))
	in := devJob
	in.Requirements = nil
	in.ResumeText = realisticResume
	ctx := context.Background()
	b.SetBytes(int64(len(in.ResumeText)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := e.Vet(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "resumes/s")
}
