package llm

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// answer is the model's answer as the schema describes it. Pointers tell a
// missing field from a zero one.
type answer struct {
	Requirements       []answerReq `json:"requirements"`
	Score              *int        `json:"score"`
	Summary            *string     `json:"summary"`
	InjectionSuspected *bool       `json:"injection_suspected"`
}

// answerReq is the model's judgement on one requirement.
type answerReq struct {
	ID      *int64 `json:"id"`
	Verdict string `json:"verdict"`
	Quote   string `json:"quote"`
	Reason  string `json:"reason"`
}

// parseAnswer decodes and checks the model's output. Its errors name the
// problem without repeating the output, which may quote the resume.
func parseAnswer(content string) (answer, error) {
	var a answer
	if err := json.Unmarshal([]byte(unfence(content)), &a); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return a, fmt.Errorf("not JSON (offset %d)", syn.Offset)
		}
		var typ *json.UnmarshalTypeError
		if errors.As(err, &typ) {
			return a, fmt.Errorf("field %q has the wrong type", typ.Field)
		}
		return a, errors.New("not JSON")
	}
	return a, a.check()
}

// check reports the first way a breaks the schema.
func (a answer) check() error {
	switch {
	case a.Requirements == nil:
		return errors.New("requirements are missing")
	case a.Score == nil:
		return errors.New("score is missing")
	case *a.Score < 0 || *a.Score > 100:
		return errors.New("score is outside 0 to 100")
	case a.Summary == nil:
		return errors.New("summary is missing")
	case a.InjectionSuspected == nil:
		return errors.New("injection_suspected is missing")
	}
	for i, r := range a.Requirements {
		if r.ID == nil {
			return fmt.Errorf("requirement %d has no id", i+1)
		}
		if !slices.Contains(verdicts, r.Verdict) {
			return fmt.Errorf("requirement %d has a verdict outside the schema", i+1)
		}
	}
	return nil
}

// unfence removes a Markdown code fence around JSON, which some
// OpenAI-compatible servers add when they do not enforce the schema.
func unfence(s string) string {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "```") {
		return s
	}
	s = strings.TrimPrefix(s, "```")
	s = strings.TrimPrefix(s, "json")
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "```"))
}
