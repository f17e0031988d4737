package resume

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"slices"
	"strings"
	"testing"
)

// lyingZip returns an archive whose only entry declares 100 bytes but
// inflates to a megabyte.
func lyingZip(t *testing.T) []byte {
	t.Helper()
	real := bytes.Repeat([]byte("a"), 1<<20)
	var packed bytes.Buffer
	fw, _ := flate.NewWriter(&packed, flate.BestCompression)
	fw.Write(real)
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "cv.txt", Method: zip.Deflate,
		CRC32: crc32.ChecksumIEEE(real), CompressedSize64: uint64(packed.Len()),
		UncompressedSize64: 100})
	if err != nil {
		t.Fatalf("create raw entry: %v", err)
	}
	w.Write(packed.Bytes())
	zw.Close()
	return buf.Bytes()
}

func TestUnzip(t *testing.T) {
	batch := zipOf(t, map[string]string{
		"resumes/jane.txt":         "Jane Doe",
		"resumes/":                 "",
		"__MACOSX/resumes/._jane":  "junk",
		".DS_Store":                "junk",
		"resumes/bob \"evil\".pdf": "%PDF-1.4",
		"../../etc/passwd.txt":     "root",
	})
	files, err := Unzip(batch, Limits{})
	if err != nil {
		t.Fatalf("Unzip() error = %v", err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	slices.Sort(names)
	want := []string{"bob _evil_.pdf", "jane.txt", "passwd.txt"}
	if !slices.Equal(names, want) {
		t.Errorf("Unzip() names = %q, want %q", names, want)
	}
}

func TestUnzipRefused(t *testing.T) {
	three := zipOf(t, map[string]string{"a.txt": "a", "b.txt": "b", "c.txt": "c"})
	zeros := zipOf(t, map[string]string{"z.txt": strings.Repeat("\x00", 4<<20)})
	tests := []struct {
		name   string
		data   []byte
		limits Limits
		want   error
	}{
		{"too many files", three, Limits{MaxBatchFiles: 2}, ErrTooManyFiles},
		{"too many entries", three, Limits{MaxZipEntries: 2}, ErrTooManyFiles},
		{"compression ratio", zeros, Limits{}, ErrZipBomb},
		{"total unpacked size", three, Limits{MaxUnpackedBytes: 2}, ErrZipBomb},
		{"header lies about size", lyingZip(t), Limits{}, ErrZipBomb},
		{"entry too large", zeros, Limits{MaxFileBytes: 1 << 20, MaxRatio: 1 << 20}, ErrTooLarge},
		{"not a zip", []byte("hello"), Limits{}, ErrCorrupt},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Unzip(tc.data, tc.limits)
			if !errors.Is(err, tc.want) {
				t.Errorf("Unzip() error = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestSafeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"resume.pdf", "resume.pdf"},
		{`C:\Users\jane\CV "final".docx`, "CV _final_.docx"},
		{"../../etc/passwd", "passwd"},
		{"a\r\nContent-Type: evil.pdf", "a Content-Type_ evil.pdf"},
		{"Jürgen Müller.pdf", "Jürgen Müller.pdf"},
		{"...", "resume"},
		{"", "resume"},
		{strings.Repeat("x", 300) + ".pdf", strings.Repeat("x", 96) + ".pdf"},
	}
	for _, tc := range tests {
		if got := SafeName(tc.in); got != tc.want {
			t.Errorf("SafeName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
