package llm

import (
	"strings"
	"testing"
)

func TestParseAnswer(t *testing.T) {
	valid := answerJSON(70, false, claim{1, "met", "Go"})
	tests := []struct {
		name    string
		content string
		wantErr string // "" for none
	}{
		{"valid", valid, ""},
		{"in a code fence", "```json\n" + valid + "\n```", ""},
		{"not JSON", "The candidate is great.", "not JSON"},
		{"trailing text", valid + " and more", "not JSON"},
		{"score missing", `{"requirements":[],"summary":"s","injection_suspected":false}`,
			"score is missing"},
		{"score out of range", answerJSON(101, false), "outside 0 to 100"},
		{"score not an integer",
			`{"requirements":[],"score":50.5,"summary":"s","injection_suspected":false}`,
			`"score" has the wrong type`},
		{"requirements missing", `{"score":5,"summary":"s","injection_suspected":false}`,
			"requirements are missing"},
		{"summary missing", `{"requirements":[],"score":5,"injection_suspected":false}`,
			"summary is missing"},
		{"injection flag missing", `{"requirements":[],"score":5,"summary":"s"}`,
			"injection_suspected is missing"},
		{"verdict outside the enum", answerJSON(5, false, claim{1, "mostly met", "Go"}),
			"verdict outside the schema"},
		{"id missing", `{"requirements":[{"verdict":"met","quote":"","reason":""}],` +
			`"score":5,"summary":"s","injection_suspected":false}`, "has no id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseAnswer(tc.content)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("parseAnswer(%q) = %v, want no error", tc.content, err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Errorf("parseAnswer(%q) = %v, want an error with %q",
					tc.content, err, tc.wantErr)
			}
		})
	}
}
