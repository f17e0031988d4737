// Package redact hides the personal details of a resume for blind review:
// the candidate's name, contact details, address, age and date of birth,
// gender, nationality and visa status, marital status, religion and photo
// captions. Each is replaced by a bracketed placeholder such as "[name]";
// the rest of the text is kept byte for byte.
//
// Redaction is best effort and leans towards hiding too much: a word that
// is also the candidate's name is hidden wherever it occurs. What it
// cannot see it cannot hide: a name the reader did not find and that is
// spelled differently, a city named without a street or postal code, a
// school or club that hints at gender or origin, and anything in pictures.
package redact
