package resume

import "errors"

// The sentinel errors below have messages that are safe to show to the person
// who uploaded the file. Errors returned by this package wrap them, so callers
// use errors.Is to pick the message.
var (
	// ErrEmpty reports a file with no bytes, or only white space.
	ErrEmpty = errors.New("the file is empty")
	// ErrUnsupported reports content that is not a PDF, DOCX or text file.
	ErrUnsupported = errors.New("the file is not a PDF, DOCX or plain-text document")
	// ErrTooLarge reports a file over Limits.MaxFileBytes.
	ErrTooLarge = errors.New("the file is too large")
	// ErrEncrypted reports a PDF that needs a password to open.
	ErrEncrypted = errors.New("the PDF is password-protected")
	// ErrCorrupt reports a file that cannot be parsed.
	ErrCorrupt = errors.New("the file is damaged or truncated")
	// ErrTooManyFiles reports an archive with more entries than allowed.
	ErrTooManyFiles = errors.New("the archive holds too many files")
	// ErrZipBomb reports an archive that would unpack to too much data.
	ErrZipBomb = errors.New("the archive would unpack to too much data")
	// ErrTimeout reports a file that took longer than Limits.Timeout to read.
	ErrTimeout = errors.New("reading the file took too long")
	// ErrUnsafe reports a file built to attack the reader, such as a DOCX
	// that declares XML entities.
	ErrUnsafe = errors.New("the file contains constructs that are not allowed")
)
