package resume

import (
	"archive/zip"
	"fmt"
	"slices"
	"strings"
)

// extractDOCX reads the body, headers and footers of a DOCX file. Headers
// come first and footers last; identical headers or footers (first page,
// even pages) are read once.
func extractDOCX(data []byte, l Limits) (string, []Hidden, error) {
	zr, err := openZip(data, l)
	if err != nil {
		return "", nil, fmt.Errorf("read docx: %w", err)
	}
	budget := l.MaxUnpackedBytes
	parts, err := docxParts(zr, &budget, l)
	if err != nil {
		return "", nil, fmt.Errorf("read docx: %w", err)
	}
	styles, err := parseStyles(parts["word/styles.xml"])
	if err != nil {
		return "", nil, fmt.Errorf("read docx styles: %w", err)
	}
	var texts []string
	var hidden []Hidden
	for _, name := range partOrder(parts) {
		text, h, err := parseDOCXPart(parts[name], styles)
		if err != nil {
			return "", nil, fmt.Errorf("read docx part %s: %w", name, err)
		}
		if text = strings.TrimSpace(text); text != "" && !slices.Contains(texts, text) {
			texts = append(texts, text)
		}
		hidden = append(hidden, h...)
	}
	return strings.Join(texts, "\n\n"), hidden, nil
}

// docxParts inflates the parts that hold text or styles.
func docxParts(zr *zip.Reader, budget *int64, l Limits) (map[string][]byte, error) {
	parts := map[string][]byte{}
	for _, f := range zr.File {
		if !isTextPart(f.Name) {
			continue
		}
		b, err := readEntry(f, budget, l.MaxUnpackedBytes)
		if err != nil {
			return nil, err
		}
		parts[f.Name] = b
	}
	if _, ok := parts["word/document.xml"]; !ok {
		return nil, fmt.Errorf("no word/document.xml: %w", ErrCorrupt)
	}
	return parts, nil
}

// isTextPart reports the DOCX parts read for text and styles.
func isTextPart(name string) bool {
	if name == "word/document.xml" || name == "word/styles.xml" {
		return true
	}
	dir, file, ok := strings.Cut(name, "/")
	return ok && dir == "word" && strings.HasSuffix(file, ".xml") &&
		(strings.HasPrefix(file, "header") || strings.HasPrefix(file, "footer"))
}

// partOrder lists the text parts: headers, the body, then footers.
func partOrder(parts map[string][]byte) []string {
	var heads, feet []string
	for name := range parts {
		switch {
		case strings.HasPrefix(name, "word/header"):
			heads = append(heads, name)
		case strings.HasPrefix(name, "word/footer"):
			feet = append(feet, name)
		}
	}
	slices.Sort(heads)
	slices.Sort(feet)
	return slices.Concat(heads, []string{"word/document.xml"}, feet)
}
