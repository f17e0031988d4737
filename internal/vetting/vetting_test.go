package vetting

import (
	"testing"
)

func TestVerdictFor(t *testing.T) {
	tests := []struct {
		score int
		want  Verdict
	}{
		{100, StrongMatch}, {75, StrongMatch}, {74, GoodMatch}, {55, GoodMatch},
		{54, WeakMatch}, {35, WeakMatch}, {34, NoMatch}, {0, NoMatch},
	}
	for _, tc := range tests {
		if got := VerdictFor(tc.score); got != tc.want {
			t.Errorf("VerdictFor(%d) = %q, want %q", tc.score, got, tc.want)
		}
	}
}

func TestInputHash(t *testing.T) {
	base := Input{JobTitle: "Accountant", JobText: "Needs Excel.", ResumeText: "Excel.",
		Requirements: []Requirement{{ID: 1, Kind: KindMust, Text: "Excel", Weight: 2}}}
	same := base
	same.Requirements = append([]Requirement(nil), base.Requirements...)
	tests := []struct {
		name  string
		in    Input
		equal bool
	}{
		{"same content", same, true},
		{"other resume", Input{JobTitle: "Accountant", JobText: "Needs Excel.",
			ResumeText: "Word.", Requirements: base.Requirements}, false},
		{"text moved between fields", Input{JobTitle: "AccountantNeeds Excel.",
			ResumeText: "Excel.", Requirements: base.Requirements}, false},
		{"other weight", Input{JobTitle: "Accountant", JobText: "Needs Excel.",
			ResumeText: "Excel.", Requirements: []Requirement{{ID: 1, Kind: KindMust,
				Text: "Excel", Weight: 1}}}, false},
	}
	h := InputHash(base)
	if len(h) != 64 {
		t.Fatalf("len(InputHash) = %d, want 64", len(h))
	}
	for _, tc := range tests {
		if got := InputHash(tc.in) == h; got != tc.equal {
			t.Errorf("%s: InputHash equal = %v, want %v", tc.name, got, tc.equal)
		}
	}
}

func TestVerifyEvidence(t *testing.T) {
	text := "Senior Accountant\nUsed  Microsoft\nExcel daily. Led audits."
	r := Result{Requirements: []RequirementResult{
		{RequirementID: 1, Verdict: Met, Evidence: []Evidence{{Quote: "microsoft excel",
			Start: 0, End: 3}}},
		{RequirementID: 2, Verdict: Met, Evidence: []Evidence{{Quote: "Led audits",
			Start: 46, End: 56}}},
		{RequirementID: 3, Verdict: Met, Evidence: []Evidence{{Quote: "Python expert"}}},
		{RequirementID: 4, Verdict: NotMet},
	}}
	if got := VerifyEvidence(text, &r); got != 1 {
		t.Errorf("VerifyEvidence dropped = %d, want 1", got)
	}
	tests := []struct {
		id    int
		want  ReqVerdict
		quote string
	}{
		{0, Met, "Microsoft\nExcel"},
		{1, Met, "Led audits"},
		{2, Unverified, ""},
		{3, NotMet, ""},
	}
	for _, tc := range tests {
		rr := r.Requirements[tc.id]
		if rr.Verdict != tc.want {
			t.Errorf("requirement %d verdict = %q, want %q", tc.id+1, rr.Verdict, tc.want)
		}
		for _, ev := range rr.Evidence {
			if text[ev.Start:ev.End] != tc.quote || ev.Quote != tc.quote {
				t.Errorf("requirement %d evidence = %q at %q, want %q", tc.id+1, ev.Quote,
					text[ev.Start:ev.End], tc.quote)
			}
		}
	}
}

func TestProposeRequirements(t *testing.T) {
	job := `Title: Data Engineer
Company: Acme
Responsibilities:
Build pipelines with Airflow.
Minimum qualifications:
BS degree in Computer Science or equivalent practical experience.
5+ years of experience with Python and SQL.
Preferred qualifications:
Experience with Kubernetes.
`
	got := map[string]RequirementKind{}
	years := 0
	for _, r := range ProposeRequirements(job) {
		got[r.Text] = r.Kind
		if r.Kind == KindYears {
			years = r.Years
		}
	}
	tests := []struct {
		text string
		want RequirementKind
	}{
		{"Python", KindMust},
		{"SQL", KindMust},
		{"Kubernetes", KindNice},
		{"BS degree in Computer Science or equivalent practical experience.", KindCriterion},
		{"Acme", ""},
	}
	for _, tc := range tests {
		if got[tc.text] != tc.want {
			t.Errorf("ProposeRequirements kind of %q = %q, want %q", tc.text, got[tc.text],
				tc.want)
		}
	}
	if years != 5 {
		t.Errorf("ProposeRequirements years = %d, want 5", years)
	}
}
