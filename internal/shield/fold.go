package shield

// fold returns a copy of text, byte for byte the same length, in which
// ASCII letters are lower case, the letter l reads as i (so that "1", "l",
// "I" and "|" next to letters all look alike), and digits and symbols
// standing between letters read as the letters they imitate ("1gn0re" reads
// "ignore"). Offsets into the copy are offsets into text.
//
// Only ASCII is folded; look-alike letters from other scripts (a Cyrillic
// "о" for an "o") are not, and words written with them pass unflagged.
func fold(text string) string {
	b := []byte(text)
	for i, c := range b {
		switch {
		case c >= 'A' && c <= 'Z':
			b[i] = c + 'a' - 'A'
		case leet[c] != 0 && imitatesLetter(text, i):
			b[i] = leet[c]
		}
		if b[i] == 'l' {
			b[i] = 'i'
		}
	}
	return string(b)
}

// leet maps the digits and symbols commonly used for letters.
var leet = [256]byte{'0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't',
	'@': 'a', '$': 's', '|': 'i', '!': 'i'}

// imitatesLetter reports whether text[i], a digit or symbol of leet, stands
// for a letter: it has letters on both sides, or it is a digit, "@" or "$"
// in a token that has letters ("a11", "1nstruct10ns"). So "10/10", "5 years"
// and "2021" keep their digits, and "done!" keeps its mark.
func imitatesLetter(text string, i int) bool {
	if i > 0 && i+1 < len(text) && isASCIILetter(text[i-1]) && isASCIILetter(text[i+1]) {
		return true
	}
	if c := text[i]; c == '!' || c == '|' {
		return false
	}
	for j := i - 1; j >= 0 && isTokenByte(text[j]); j-- {
		if isASCIILetter(text[j]) {
			return true
		}
	}
	for j := i + 1; j < len(text) && isTokenByte(text[j]); j++ {
		if isASCIILetter(text[j]) {
			return true
		}
	}
	return false
}

// isTokenByte reports whether c can be part of a leet token.
func isTokenByte(c byte) bool {
	return isASCIILetter(c) || isDigit(c) || c == '@' || c == '$'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
