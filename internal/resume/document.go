package resume

// Document is the trusted reading of one resume file.
type Document struct {
	// Kind is the file type found from the content.
	Kind Kind
	// Text is the visible text in reading order, NFC-normalised, with
	// mis-encodings repaired where the repair is certain and zero-width
	// characters removed.
	Text string
	// Hidden lists text a human reader of the file cannot see.
	Hidden []Hidden
	// Quality describes how well the file could be read.
	Quality Quality
	// Contact holds the contact details found in Text.
	Contact Contact
	// Sections locates the usual resume sections in Text.
	Sections []Section
}

// Hidden is a piece of text that is in the file but invisible to a reader,
// such as white or tiny text, kept apart so that it cannot sway a ranking.
type Hidden struct {
	// Text is the hidden text.
	Text string
	// Reason says why it is invisible, for example "white text".
	Reason string
	// Page is the 1-based PDF page it is on, or 0 for other kinds.
	Page int
}

// Reasons used in Hidden.Reason. In PDFs "white text" means text that does
// not stand out from what is under it and is drawn in a light colour.
const (
	ReasonWhite     = "white text"
	ReasonTiny      = "tiny text"
	ReasonOffPage   = "off-page"
	ReasonInvisible = "invisible render mode"
	ReasonZeroWidth = "zero-width characters"
	ReasonVanish    = "hidden (vanish) run"
	// ReasonTransparent marks PDF text drawn with a fully transparent colour.
	ReasonTransparent = "transparent text"
	// ReasonCovered marks PDF text drawn in a visible colour that does not
	// show on the page, for example because a shape is drawn over it.
	ReasonCovered = "covered text"
)

// Quality describes how well a file could be read.
type Quality struct {
	// Pages is the number of PDF pages, or 0 when the kind has no pages.
	Pages int
	// Chars is the number of characters in Document.Text.
	Chars int
	// HasText reports whether any visible text was found.
	HasText bool
	// NeedsReview asks for a person to look at the file, for example a
	// scanned PDF with no text layer.
	NeedsReview bool
	// Language is an ISO 639-1 guess, or "" when unknown.
	Language string
	// Repaired reports that mis-encoded text was repaired.
	Repaired bool
	// Warnings explain anything a reviewer should know, in plain words.
	Warnings []string
}

// Contact holds contact details found in a resume, best effort.
type Contact struct {
	Name  string
	Email string
	Phone string
	Links []string
}

// Section is a titled part of a resume, as byte offsets into Document.Text.
type Section struct {
	// Name is a canonical name such as "experience", "education" or "skills".
	Name string
	// Start is the offset of the heading line; End the start of the next
	// section or the end of the text.
	Start, End int
}
