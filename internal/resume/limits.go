package resume

import "time"

// Limits bounds the work done on one file or one uploaded archive.
// A zero field takes its value from DefaultLimits.
type Limits struct {
	// MaxFileBytes is the largest resume file accepted.
	MaxFileBytes int64
	// MaxZipEntries is the most entries a DOCX or an uploaded archive may list.
	MaxZipEntries int
	// MaxUnpackedBytes is the most bytes an archive may unpack to in total.
	MaxUnpackedBytes int64
	// MaxRatio is the highest compression ratio allowed for a large entry.
	MaxRatio int
	// MaxPages is the most PDF pages read; later pages are ignored.
	MaxPages int
	// Timeout bounds the extraction of one file.
	Timeout time.Duration
	// MaxBatchFiles is the most resumes one uploaded archive may hold.
	MaxBatchFiles int
}

// DefaultLimits returns limits suited to resumes: 10 MiB files, 50 pages,
// 20 seconds per file and 200 files per archive.
func DefaultLimits() Limits {
	return Limits{
		MaxFileBytes:     10 << 20,
		MaxZipEntries:    1000,
		MaxUnpackedBytes: 200 << 20,
		MaxRatio:         100,
		MaxPages:         50,
		Timeout:          20 * time.Second,
		MaxBatchFiles:    200,
	}
}

// withDefaults fills the zero fields of l from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = d.MaxFileBytes
	}
	if l.MaxZipEntries <= 0 {
		l.MaxZipEntries = d.MaxZipEntries
	}
	if l.MaxUnpackedBytes <= 0 {
		l.MaxUnpackedBytes = d.MaxUnpackedBytes
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = d.MaxRatio
	}
	if l.MaxPages <= 0 {
		l.MaxPages = d.MaxPages
	}
	if l.Timeout <= 0 {
		l.Timeout = d.Timeout
	}
	if l.MaxBatchFiles <= 0 {
		l.MaxBatchFiles = d.MaxBatchFiles
	}
	return l
}
