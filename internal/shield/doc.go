// Package shield finds text in the visible part of a resume that tries to
// steer a screening model or a ranking: instructions addressed to an AI
// model, chat role tags, demands about the score or the ranking, and keyword
// stuffing. Scan finds them, Neutralize takes them out of the text an engine
// will read, and Flag words the findings for reviewers.
//
// Hidden text (white, tiny, off-page, covered) is the resume reader's
// business and never reaches the text scanned here; shield looks at what a
// person reading the resume would also see.
//
// TODO: detection works on English phrasing only; an instruction written in
// another language, spelled out letter by letter ("i g n o r e") or
// paraphrased beyond the listed patterns passes unflagged, and it then
// reaches the model, whose prompt still tells it to distrust the resume.
package shield
