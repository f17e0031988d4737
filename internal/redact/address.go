package redact

import "regexp"

// addressRE finds street addresses and postal codes in the usual US, UK,
// European and Indian forms.
//
// TODO: a town or city named without a street or postal code ("Austin, TX",
// "Pune, India") is kept, and so is a street written without a house number
// or in a form not listed here; both can hint at where a candidate lives or
// comes from.
var addressRE = []*regexp.Regexp{
	// 221B Baker Street, Apt 4; 1600 Pennsylvania Ave NW. See yearNoun for
	// years before words such as "Place".
	regexp.MustCompile(`\b\d{1,5}[A-Za-z]?,? +(\p{Lu}[\p{L}'.\-]* +){1,4}(Street|St|Avenue|` +
		`Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Close|` +
		`Crescent|Square|Sq|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Row|Walk|Gardens|Marg|Nagar|` +
		`Colony)\b\.?( +(NE|NW|SE|SW|N|S|E|W)\b)?(,? *(Apt|Apartment|Suite|Ste|Unit|Flat|#)` +
		`\.? *[\w\-]+)?`),
	// Hauptstraße 12, Kerkstraat 5a
	regexp.MustCompile(`\b\p{Lu}\p{L}*(straße|strasse|str\.|weg|gasse|platz|allee|laan|` +
		`straat|gracht|gade|vej|gatan|vägen|katu|ulica) +\d{1,5}\w?\b`),
	// 5 rue de la Paix, Rue de la Paix 5, Via Roma 10, Calle Mayor 3
	regexp.MustCompile(`\b\d{1,5},? +(Rue|rue|Calle|calle|Via|Avenida|Rua|Viale|Piazza|` +
		`Plaza|Carrer|Boulevard|Bd|Av\.) +(\p{L}+ +){0,4}?\p{Lu}\p{L}+`),
	regexp.MustCompile(`\b(Rue|Calle|Via|Avenida|Rua|Viale|Piazza|Plaza|Carrer|Boulevard|Bd|` +
		`Av\.) +(\p{L}+ +){0,4}?\p{Lu}\p{L}+ +\d{1,5}\w?\b`),
	// Present residence: anything up to the end of the line
	regexp.MustCompile(`\b(Present|Current|present|current) +[Rr]esiden(ce|t)\b[^\n]*`),
	// Flat No. 12, House No 4-5-6, H.No 3/2, Plot No. 7, Sector 21
	regexp.MustCompile(`\b(Flat|House|Door|H\.?|Plot) ?(No|NO|no)\.? ?[:#]? ?\d[\w/\-]*|` +
		`\bSector \d{1,3}\b`),
	// Address: anything up to the end of the line
	regexp.MustCompile(`(?im)\b((home|postal|permanent|present|mailing) +)?address *[:\-–]` +
		`[^\n]*`),
	// US state and ZIP code: TX 78701, TX 78701-1234
	regexp.MustCompile(`\b(A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|` +
		`N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]) +\d{5}(-\d{4})?\b`),
	// UK postcode: SW1A 1AA, M1 1AE
	regexp.MustCompile(`\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b`),
	// Continental postcode and town after a comma: ", 10115 Berlin", ", D-80331 München"
	regexp.MustCompile(`, *((D|F|A|B|CH|NL|I|E|L|PL)-)?\d{4,5} +\p{Lu}\p{Ll}+`),
	// Indian PIN code after a city: "Bengaluru - 560001"
	regexp.MustCompile(`\p{Lu}\p{L}+ *[\-–,] *[1-9]\d{2} ?\d{3}\b`),
	// A labelled postal code: "PIN: 560 001", "Postcode: SW1A 1AA"
	regexp.MustCompile(`(?i)\b(pin|pincode|pin +code|zip|zip +code|postcode|postal +code) *` +
		`[:.\-#] *[A-Z0-9][A-Z0-9 \-]{2,9}[A-Z0-9]\b`),
}

// yearNoun matches a year before a street word that is also an ordinary
// noun: "2010 First Place" is an award and "2012 Supreme Court" a court, so
// "1910 Station Place" is kept too, while "1910 Station Road" is hidden.
var yearNoun = regexp.MustCompile(`^(19|20)\d\d,? +(\p{Lu}[\p{L}'.\-]* +){1,4}(Place|Pl|` +
	`Way|Row|Walk|Close|Square|Sq|Court|Ct|Circle|Cir|Gardens)\b`)

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

func findAddresses(text string, _ Known) []Span {
	var out []Span
	for _, re := range addressRE {
		for _, s := range spansOf(text, "address", re.FindAllStringIndex(text, -1), 0) {
			if re == addressRE[0] && yearNoun.MatchString(text[s.Start:s.End]) {
				continue
			}
			if text[s.Start] == ',' { // keep the comma before a postcode
				s.Start, s.End = trimSpace(text, s.Start+1, s.End)
				if yearRE.MatchString(text[s.Start:min(s.Start+4, s.End)]) &&
					!isDigitByte(text[s.Start+4]) {
					continue // ", 2019 Present" is a date, not a postcode
				}
			}
			out = append(out, s)
		}
	}
	return out
}
