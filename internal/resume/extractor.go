package resume

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// Config configures an Extractor.
type Config struct {
	// CacheDir keeps the compiled PDF engine between runs, which cuts
	// start-up from seconds to a tenth of one. Empty means no disk cache.
	CacheDir string
	// Limits bounds each extraction; zero fields take DefaultLimits.
	Limits Limits
	// Workers is the number of PDFs read at once; 0 means one per CPU.
	Workers int
}

// TODO: closing the engine when the context ends (WithCloseOnContextDone)
// makes every engine call about three times slower, because the compiled
// code checks for cancellation in every loop and each call starts a watcher
// goroutine. It is kept because it is the only way to stop a hostile PDF
// that loops inside one call; reading costs about 80 ms per page instead of
// about 25 ms.
// wasmMemoryPages caps the memory of one PDF engine instance (64 KiB
// pages, so 512 MiB), so that a hostile PDF cannot exhaust the host.
const wasmMemoryPages = 8192

// Extractor reads resume files. It is safe for concurrent use; it owns a
// bounded pool of PDF engine instances, so Close it when done.
type Extractor struct {
	cache  wazero.CompilationCache
	limits Limits

	// The PDF engine starts with the first PDF, not with the server: it
	// holds tens of megabytes that a server reading no PDFs never needs.
	start   func() (pdfium.Pool, error)
	once    sync.Once
	pool    pdfium.Pool
	poolErr error
}

// NewExtractor prepares a reader; its PDF engine starts with the first PDF.
func NewExtractor(ctx context.Context, cfg Config) (*Extractor, error) {
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	cache, err := compilationCache(cfg.CacheDir)
	if err != nil {
		return nil, fmt.Errorf("new extractor: %w", err)
	}
	rc := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithCompilationCache(cache).
		WithCloseOnContextDone(true).
		WithMemoryLimitPages(wasmMemoryPages)
	start := func() (pdfium.Pool, error) {
		pool, err := webassembly.Init(webassembly.Config{
			Context:       context.WithoutCancel(ctx),
			MaxTotal:      workers,
			MaxIdle:       workers,
			FSConfig:      wazero.NewFSConfig(), // no host files visible to the engine
			RuntimeConfig: rc,
			ReuseWorkers:  true,
			Stdout:        discard{},
			Stderr:        discard{},
		})
		if err != nil {
			return nil, fmt.Errorf("start pdf engine: %w", err)
		}
		return pool, nil
	}
	return &Extractor{start: start, cache: cache, limits: cfg.Limits.withDefaults()}, nil
}

// pdfPool returns the PDF engine pool, starting it on first use.
func (e *Extractor) pdfPool() (pdfium.Pool, error) {
	e.once.Do(func() { e.pool, e.poolErr = e.start() })
	return e.pool, e.poolErr
}

// discard is an io.Writer that drops what the engine prints.
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// compilationCache returns a disk cache in dir, or a memory one.
func compilationCache(dir string) (wazero.CompilationCache, error) {
	if dir == "" {
		return wazero.NewCompilationCache(), nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create cache dir: %w", err)
	}
	cache, err := wazero.NewCompilationCacheWithDir(dir)
	if err != nil {
		return nil, fmt.Errorf("open cache dir: %w", err)
	}
	return cache, nil
}

// Close stops the PDF engine pool.
func (e *Extractor) Close() error {
	var err error
	e.once.Do(func() {}) // a pool not started by now never will be
	if e.pool != nil {
		err = e.pool.Close()
	}
	if cerr := e.cache.Close(context.Background()); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("close extractor: %w", err)
	}
	return nil
}

// Extract reads one resume file. The kind is sniffed from data; reading is
// bounded by the extractor's Limits and by ctx. Errors wrap the package's
// sentinel errors.
func (e *Extractor) Extract(ctx context.Context, data []byte) (doc *Document, err error) {
	if int64(len(data)) > e.limits.MaxFileBytes {
		return nil, fmt.Errorf("extract: %d bytes: %w", len(data), ErrTooLarge)
	}
	kind, err := Sniff(data)
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, e.limits.Timeout)
	defer cancel()
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("extract %s: internal failure %v: %w", kind, r, ErrCorrupt)
		}
	}()

	raw, err := e.read(ctx, kind, data)
	if ctxErr := ctx.Err(); ctxErr != nil {
		return nil, fmt.Errorf("extract %s: %w: %w", kind, ctxErr, ErrTimeout)
	}
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", kind, err)
	}
	return finish(kind, raw), nil
}

// rawDoc is what a format reader returns before the shared clean-up.
type rawDoc struct {
	text     string
	hidden   []Hidden
	pages    int
	warnings []string
}

// read dispatches to the reader for kind.
func (e *Extractor) read(ctx context.Context, kind Kind, data []byte) (rawDoc, error) {
	switch kind {
	case KindPDF:
		return e.readPDF(ctx, data)
	case KindDOCX:
		text, hidden, err := extractDOCX(data, e.limits)
		return rawDoc{text: text, hidden: hidden}, err
	case KindTXT:
		return rawDoc{text: decodeText(data)}, nil
	}
	return rawDoc{}, errors.New("unknown kind")
}

// TODO: scanned PDFs without a text layer are flagged for review instead of
// being read with OCR; Quality.Pages is 0 for DOCX and text files.
// finish cleans the text and fills in quality, contact and sections.
func finish(kind Kind, raw rawDoc) *Document {
	text, zw, repaired := cleanText(raw.text)
	doc := &Document{Kind: kind, Text: text, Hidden: cleanHidden(raw.hidden)}
	doc.Hidden = append(doc.Hidden, zw...)
	doc.Quality = Quality{
		Pages:    raw.pages,
		Chars:    utf8.RuneCountInString(text),
		HasText:  strings.TrimSpace(text) != "",
		Language: guessLanguage(text),
		Repaired: repaired,
		Warnings: raw.warnings,
	}
	if !doc.Quality.HasText {
		doc.Quality.NeedsReview = true
		doc.Quality.Warnings = append(doc.Quality.Warnings,
			"no readable text was found; the file may be a scanned image")
	}
	if len(doc.Hidden) > 0 {
		doc.Quality.Warnings = append(doc.Quality.Warnings,
			fmt.Sprintf("%d pieces of text are invisible to a reader and were set aside",
				len(doc.Hidden)))
	}
	doc.Contact = findContact(text)
	doc.Sections = findSections(text)
	return doc
}

// cleanHidden tidies hidden text like visible text and drops blank entries.
func cleanHidden(in []Hidden) []Hidden {
	var out []Hidden
	for _, h := range in {
		text, _, _ := cleanText(h.Text)
		text = strings.Join(strings.Fields(text), " ")
		if text != "" {
			h.Text = text
			out = append(out, h)
		}
	}
	return out
}
