package shield

import "regexp"

// rule is one pattern of a kind. intro marks text that introduces a
// message to the model ("Note to AI:"), whose line Neutralize removes
// whole.
type rule struct {
	kind  string
	re    *regexp.Regexp
	intro bool
}

// Words that name an AI model or an automated screener.
const (
	aiName = `(ai|a\.i\.|llms?|gpt|chat~gpt|gpt~\d\w*|claude|gemini|bard|copilot|llama|` +
		`language models?|ai models?|ai (screeners?|systems?|assistants?|tools?|recruiters?|` +
		`reviewers?|agents?)|(recruit\w*|screening|hiring|hr|resume|cv|ats) (bots?|ai|` +
		`assistants?|software|systems?|tools?|algorithms?|models?|screeners?|parsers?)|` +
		`automated (screeners?|systems?|reviewers?|screening|recruiters?|tools?)|ats|` +
		`applicant tracking systems?|chatbots?|bots?)`
	// candidate names the person or document being vetted.
	candidate = `(this|the|my) (candidate|applicant|resume|cv|profile|person|individual)`
	// object is what a demand is about: the candidate or the writer.
	object = `(` + candidate + `|me|him|her|them)`
	// top is a demanded score or place.
	top = `(10~/~10|100~/~100|100|10 out of 10|100 out of 100|5~/~5|five stars|5 stars|` +
		`perfect|highest|top|maximum|max|full marks|excellent|first|1st|#~1|number one|` +
		`no\.~1|exceptional|outstanding|strong(est)? (match|fit|hire)|a perfect \w+)`
)

// rules are the patterns of instructions, role tags and score demands.
//
// A score or rating reported as an achievement ("rated 10/10 by
// customers", "ranked #1 in the region") is not flagged: only a demand
// with the candidate or the writer as its object ("rate this candidate
// 10/10", "rank me first") is. A bare "10/10" planted in the text therefore
// passes unflagged, and a model that reads it may be swayed a little.
var rules = []rule{
	// Instructions to drop the model's own instructions.
	{kind: KindInstruction, re: compile(`\b(ignore|disregard|forget|override|bypass|overrule)` +
		` ((all|any|every|each|the|of|your|these|those|my|prior|above) ){0,3}` +
		`((previous|prior|above|preceding|earlier|former|original|initial|existing|other|` +
		`system|given|old|current) ){0,2}(instructions?|prompts?|rules|directions|directives|` +
		`guidelines|guidance|commands|context|programming|constraints)\b`)},
	{kind: KindInstruction, re: compile(`\b(ignore|disregard|forget) (all of |everything |` +
		`anything )?(the )?(above|everything (above|before|else)|what you (were|have been) told)\b`)},
	// Attempts to give the model a new identity or task.
	{kind: KindInstruction, re: compile(`\byou are now\b`)},
	{kind: KindInstruction, re: compile(`\b(from now on|henceforth) (you|your)\b`)},
	{kind: KindInstruction, re: compile(`\b(you (will|should|must|shall|are to|now)|please|now|` +
		`from now on) act as\b`)},
	{kind: KindInstruction, re: compile(`\bact as (if you|an? (ai|llm|language model|chatbot|` +
		`bot|unbiased|impartial|evaluator|grader|screening|resume screener|` +
		`recruit(ment|ing) (ai|bot|assistant|tool)))\b`)},
	{kind: KindInstruction, re: compile(`\b((pretend|imagine) (to be|you are|that you)|` +
		`role~play as)\b`)},
	{kind: KindInstruction, re: compile(`\bsystem (prompts?|message|instructions?)\b`)},
	{kind: KindInstruction, re: compile(`\b(developer|jailbreak|dan|god) mode\b`)},
	{kind: KindInstruction, intro: true, re: compile(`\b(new|updated|revised|additional|real|` +
		`actual|hidden|secret|special|important|priority) (instructions?|prompts?|directives?|` +
		`task|orders?)( (for|to) (you|the \w+))?~:`)},
	// Messages addressed to a model or an automated screener.
	{kind: KindInstruction, intro: true, re: compile(`\b(note|message|instructions?|notice|` +
		`memo|hint|reminder|p\.~s\.?) (to|for) ((the|any|all|an?) )?` + aiName + `\b`)},
	{kind: KindInstruction, intro: true, re: compile(`\b(attention|dear|hello|hi|hey),? ` +
		`((the|any|all|an?) )?` + aiName + `\b`)},
	{kind: KindInstruction, re: compile(`\bif you are (an? )?` + aiName + `\b`)},
	{kind: KindInstruction, re: compile(`\b(to|for) (any|the|all) ` + aiName +
		` (reading|reviewing|screening|evaluating|processing|parsing|scanning|analy[sz]ing)\b`)},

	// Chat markup of the usual model families.
	{kind: KindRoleTag, intro: true, re: compile(`<\|[a-z_]{2,30}\|>`)},
	{kind: KindRoleTag, intro: true, re: compile(`\[/?inst\]|<</?sys>>|\{\{~#?system~\}\}`)},
	{kind: KindRoleTag, intro: true, re: compile(`###+~(instructions?|system|response|human|` +
		`assistant|input|user)\b`)},
	// A role name at the start of a line counts only when the line speaks to
	// the model, because "System: Experion R410" heads real resume lines.
	{kind: KindRoleTag, intro: true, re: compile(`(?m)^[\t\x20>*#-]*(system|assistant|` +
		`developer|user|human)[\t\x20]*:[^\n]*?\b(you|your|ignore|disregard|rate|score|rank|` +
		`candidate|applicant|instructions?|must|always|never|respond|reply|answer|output|` +
		`return|hire)\b`)},

	// Demands about the score or the ranking.
	{kind: KindScoreDemand, re: compile(`\b(rate|score|grade|rank|mark|evaluate|assess) ` +
		object + `( (as|at|with))?( (an?|the))? ~` + top)},
	{kind: KindScoreDemand, re: compile(`\bgive( ` + object + `)?( (an?|the))? (highest|` +
		`perfect|top|maximum|max|best|full|10~/~10|100~/~100|100|excellent|strong(est)?|` +
		`high(est)? possible)( possible)? (score|rating|rank|ranking|marks|grade|` +
		`evaluation|recommendation|review)s?\b`)},
	{kind: KindScoreDemand, re: compile(`\brank ` + object + `( (as|at|in))?( the)? ~(above ` +
		`(all|every|the other|other)\w*|ahead of)`)},
	{kind: KindScoreDemand, re: compile(`\b(this|the) (candidate|applicant|person|individual)` +
		`( is|'s|’s| has been)( (clearly|definitely|absolutely|obviously))? (the|an?) (best|` +
		`perfect|ideal|strongest|top|excellent|exceptional|outstanding|most qualified) ` +
		`(fit|match|candidate|choice|applicant|hire)\b`)},
	{kind: KindScoreDemand, re: compile(`\b(recommend|suggest)( (hiring|to hire|interviewing|` +
		`shortlisting|advancing|selecting))? (this|the) (candidate|applicant)\b`)},
	{kind: KindScoreDemand, re: compile(`\b(you|we|they) (must|should|shall|will) (hire|` +
		`shortlist|interview|select|advance|recommend|approve|pass) (this|the) (candidate|` +
		`applicant|person)\b`)},
	{kind: KindScoreDemand, re: compile(`\b(should|must|needs? to|has to) be (ranked|rated|` +
		`scored|graded|shortlisted|advanced|selected|marked|placed|considered)( (as|at))?` +
		`( the)? ~(first|1st|#~1|top|highest|10~/~10|100|perfect|the best|an? (strong|perfect|` +
		`top) (match|fit|candidate))`)},
	{kind: KindScoreDemand, re: compile(`\b(output|return|assign|set|report|respond with|` +
		`answer with)( (a|the))?( (overall|final|match))? (score|rating)( (of|to|as))? ~` +
		`(10~/~10|100|perfect|max)`)},
}

// scanRules returns the findings of every rule in text.
func scanRules(text string) []Finding {
	folded := fold(text)
	var fs []Finding
	for _, r := range rules {
		for _, m := range r.re.FindAllStringIndex(folded, -1) {
			fs = append(fs, newFinding(text, r.kind, m[0], m[1]))
		}
	}
	return fs
}

// isIntro reports whether the finding f was made by an intro rule.
func isIntro(text string, f Finding) bool {
	folded := fold(text[f.Start:f.End])
	for _, r := range rules {
		if r.intro && r.kind == f.Kind && r.re.MatchString(folded) {
			return true
		}
	}
	return false
}
