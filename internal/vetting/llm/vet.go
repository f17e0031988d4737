package llm

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/openai/openai-go/v3"

	"shortlist/internal/vetting"
)

// Temperatures: one sample is asked for the model's most likely answer;
// several are asked with some freedom, or their spread would say nothing.
//
// TODO: the temperature is always sent, and some models (reasoning models
// among them) accept only their default and answer HTTP 400; such a model
// cannot be used until the temperature can be left out by configuration.
const (
	temperatureSingle  = 0
	temperatureSampled = 0.7
)

// sample is one answer of the model, judged, with what it cost.
type sample struct {
	judged
	raw                 string // the answer's JSON
	model               string // the model that answered, as the API names it
	injection           bool
	tokensIn, tokensOut int
}

// Vet asks the model Config.Samples times and reports the answer with the
// median score, with the spread of the scores in Result.Params.
//
// TODO: Vet sends the whole resume and job text whatever their length; it
// relies on the resume reader's limits, and a very long text costs tokens
// or is refused by the API as too long.
func (e *Engine) Vet(ctx context.Context, in vetting.Input) (vetting.Result, error) {
	if strings.TrimSpace(in.ResumeText) == "" {
		return vetting.Result{}, errors.New("vet resume: the resume has no text")
	}
	temperature := float64(temperatureSingle)
	if e.cfg.Samples > 1 {
		temperature = temperatureSampled
	}
	samples, err := e.sampleAll(ctx, in, temperature)
	if err != nil {
		return vetting.Result{}, fmt.Errorf("vet resume: %w", err)
	}
	return e.result(samples, temperature), nil
}

// sampleAll asks for every sample at once; the semaphore bounds the
// requests in flight. The first failure cancels the others.
//
// TODO: one failed sample fails the whole vetting, and the tokens already
// spent are not reported with the error, so a failed vetting's cost is not
// recorded anywhere; a median of the samples that did answer would be more
// forgiving.
func (e *Engine) sampleAll(ctx context.Context, in vetting.Input, temperature float64) (
	[]sample, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	out := make([]sample, e.cfg.Samples)
	var wg sync.WaitGroup
	for i := range out {
		wg.Go(func() {
			var err error
			if out[i], err = e.ask(ctx, in, temperature); err != nil {
				cancel(err)
			}
		})
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	return out, nil
}

// result builds the reported result from the samples.
func (e *Engine) result(ss []sample, temperature float64) vetting.Result {
	m, spread := median(ss)
	r := m.result
	r.Engine = e.Name()
	r.Model = cmp.Or(m.model, e.cfg.Model)
	r.RubricVersion = PromptVersion
	r.Raw = m.raw
	injection := false
	for _, s := range ss {
		r.TokensIn += s.tokensIn
		r.TokensOut += s.tokensOut
		injection = injection || s.injection
	}
	r.Params = map[string]string{
		"model":               e.cfg.Model,
		"temperature":         strconv.FormatFloat(temperature, 'f', -1, 64),
		"samples":             strconv.Itoa(len(ss)),
		"spread":              strconv.Itoa(spread),
		"unstable":            strconv.FormatBool(spread > e.cfg.UnstableSpread),
		"dropped_quotes":      strconv.Itoa(m.dropped),
		"model_score":         strconv.Itoa(m.modelScore),
		"injection_suspected": strconv.FormatBool(injection),
	}
	if m.reqScore >= 0 {
		r.Params["requirement_score"] = strconv.Itoa(m.reqScore)
	}
	return r
}

// read parses the first choice of resp and judges it against in.
func (s *sample) read(in vetting.Input, resp *openai.ChatCompletion) error {
	if len(resp.Choices) == 0 {
		return errors.New("the answer has no choices")
	}
	c := resp.Choices[0]
	if c.Message.Refusal != "" {
		return errors.New("the model refused to answer")
	}
	a, err := parseAnswer(c.Message.Content)
	if err != nil && c.FinishReason == "length" {
		return errors.New("the answer was cut off at the token limit")
	}
	if err != nil {
		return err
	}
	s.judged = judge(in, a)
	s.raw = unfence(c.Message.Content)
	s.model = resp.Model
	s.injection = *a.InjectionSuspected
	return nil
}
