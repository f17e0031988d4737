package resume

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// File is one resume file taken from an uploaded archive.
type File struct {
	// Name is the entry's base name, made safe with SafeName.
	Name string
	// Data is the entry's content.
	Data []byte
}

// openZip opens an archive and checks, from its central directory and
// before anything is inflated, the number of entries, the total unpacked
// size and the compression ratio of large entries.
func openZip(data []byte, l Limits) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("open zip: %w", ErrCorrupt)
	}
	if len(zr.File) > l.MaxZipEntries {
		return nil, fmt.Errorf("open zip: %d entries: %w", len(zr.File), ErrTooManyFiles)
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(l.MaxUnpackedBytes) {
			return nil, fmt.Errorf("open zip: unpacked size over %d bytes: %w",
				l.MaxUnpackedBytes, ErrZipBomb)
		}
		if tooCompressed(f.UncompressedSize64, f.CompressedSize64, l) {
			return nil, fmt.Errorf("open zip: entry %q ratio: %w", f.Name, ErrZipBomb)
		}
	}
	return zr, nil
}

// ratioFloor is the entry size under which the compression ratio is not
// checked: small XML files legitimately compress very well.
const ratioFloor = 1 << 20

// tooCompressed reports an entry whose compression ratio exceeds the limit.
func tooCompressed(unpacked, packed uint64, l Limits) bool {
	if unpacked < ratioFloor {
		return false
	}
	return packed == 0 || unpacked/packed > uint64(l.MaxRatio)
}

// readEntry inflates one entry, trusting neither its declared size nor
// the budget left: it stops as soon as either would be exceeded.
func readEntry(f *zip.File, budget *int64, maxBytes int64) ([]byte, error) {
	if int64(f.UncompressedSize64) > maxBytes {
		return nil, fmt.Errorf("read zip entry %q: %w", f.Name, ErrTooLarge)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("read zip entry %q: %w", f.Name, ErrCorrupt)
	}
	defer rc.Close()
	limit := min(*budget, maxBytes, int64(f.UncompressedSize64)) + 1
	data, err := io.ReadAll(io.LimitReader(rc, limit))
	switch {
	case int64(len(data)) == limit, errors.Is(err, zip.ErrFormat):
		// While inflating, the zip reader fails with ErrFormat when the data
		// outgrows the declared size: the header lied.
		return nil, fmt.Errorf("read zip entry %q: more data than declared: %w",
			f.Name, ErrZipBomb)
	case err != nil:
		return nil, fmt.Errorf("read zip entry %q: %w", f.Name, ErrCorrupt)
	}
	*budget -= int64(len(data))
	return data, nil
}

// Unzip expands an uploaded archive of resumes. The entry count, total
// unpacked size and compression ratios are checked from the central
// directory before inflating, and again while inflating since headers can
// lie. Directories and junk (__MACOSX, dotfiles) are skipped; names are
// reduced to safe base names. It fails with ErrTooManyFiles when more than
// l.MaxBatchFiles resumes remain.
func Unzip(data []byte, l Limits) ([]File, error) {
	l = l.withDefaults()
	zr, err := openZip(data, l)
	if err != nil {
		return nil, fmt.Errorf("unzip: %w", err)
	}
	var entries []*zip.File
	for _, f := range zr.File {
		if !isJunk(f) {
			entries = append(entries, f)
		}
	}
	if len(entries) > l.MaxBatchFiles {
		return nil, fmt.Errorf("unzip: %d files: %w", len(entries), ErrTooManyFiles)
	}
	budget := l.MaxUnpackedBytes
	files := make([]File, 0, len(entries))
	for _, f := range entries {
		b, err := readEntry(f, &budget, l.MaxFileBytes)
		if err != nil {
			return nil, fmt.Errorf("unzip: %w", err)
		}
		files = append(files, File{Name: SafeName(f.Name), Data: b})
	}
	return files, nil
}

// isJunk reports directories and files that operating systems add to
// archives on their own.
func isJunk(f *zip.File) bool {
	name := strings.ReplaceAll(f.Name, "\\", "/")
	if f.FileInfo().IsDir() || strings.HasSuffix(name, "/") {
		return true
	}
	for part := range strings.SplitSeq(name, "/") {
		dotfile := strings.HasPrefix(part, ".") && part != "." && part != ".."
		if dotfile || part == "__MACOSX" {
			return true
		}
	}
	base := path.Base(name)
	return base == "Thumbs.db" || base == "desktop.ini"
}
