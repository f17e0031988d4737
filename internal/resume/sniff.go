package resume

import (
	"archive/zip"
	"bytes"
	"fmt"
	"unicode/utf8"
)

// Kind is a resume file type decided from the content, never from the name.
type Kind string

// The kinds of resume file that can be read.
const (
	KindPDF  Kind = "pdf"
	KindDOCX Kind = "docx"
	KindTXT  Kind = "txt"
)

// Sniff decides the kind of a resume file from its first bytes: a ZIP
// archive holding word/document.xml is a DOCX, a file starting with %PDF
// (within its first KiB, as readers allow) is a PDF, and text without NUL
// bytes in UTF-8, UTF-16 with a byte-order mark or Latin-1 is plain text.
// Anything else is ErrUnsupported; no bytes at all is ErrEmpty.
func Sniff(data []byte) (Kind, error) {
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return "", ErrEmpty
	case isPDF(data):
		return KindPDF, nil
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if isDOCX(data) {
			return KindDOCX, nil
		}
		return "", fmt.Errorf("sniff: zip archive without word/document.xml: %w", ErrUnsupported)
	case isText(data):
		return KindTXT, nil
	}
	return "", fmt.Errorf("sniff: binary content: %w", ErrUnsupported)
}

// isPDF reports whether the PDF header appears near the start, where PDF
// readers look for it.
func isPDF(data []byte) bool {
	head := data[:min(len(data), 1024)]
	return bytes.Contains(head, []byte("%PDF-"))
}

// isDOCX reports whether data is a ZIP archive listing word/document.xml.
// Only the central directory is read.
func isDOCX(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			return true
		}
	}
	return false
}

// binaryMagic lists signatures of formats that could otherwise pass as text.
var binaryMagic = [][]byte{
	[]byte("{\\rtf"), []byte("\xd0\xcf\x11\xe0"), []byte("\x89PNG"),
	[]byte("GIF8"), []byte("\xff\xd8\xff"), []byte("Rar!"), []byte("7z\xbc\xaf"),
}

// isText reports whether data reads as text: UTF-16 with a byte-order mark,
// or bytes without NULs and with few control characters. Invalid UTF-8 is
// accepted as Latin-1 only when most bytes are ASCII, since any byte string
// is formally valid Latin-1.
func isText(data []byte) bool {
	if hasUTF16BOM(data) {
		return len(data)%2 == 0
	}
	for _, m := range binaryMagic {
		if bytes.HasPrefix(data, m) {
			return false
		}
	}
	var controls, high int
	for _, b := range data {
		switch {
		case b == 0:
			return false
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f':
			controls++
		case b >= 0x80:
			high++
		}
	}
	if controls*100 > len(data) {
		return false
	}
	return utf8.Valid(data) || high*10 < len(data)*3
}

// hasUTF16BOM reports whether data starts with a UTF-16 byte-order mark.
func hasUTF16BOM(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff})
}
