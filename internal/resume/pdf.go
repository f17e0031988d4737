package resume

import (
	"context"
	"errors"
	"fmt"

	"github.com/klippa-app/go-pdfium"
	pdferrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// readPDF extracts the text of up to Limits.MaxPages pages. When ctx ends,
// the engine instance is killed, which aborts whatever it was doing.
func (e *Extractor) readPDF(ctx context.Context, data []byte) (rawDoc, error) {
	pool, err := e.pdfPool()
	if err != nil {
		return rawDoc{}, err
	}
	inst, err := pool.GetInstanceWithContext(ctx)
	if err != nil {
		return rawDoc{}, fmt.Errorf("get pdf engine: %w", err)
	}
	stop := context.AfterFunc(ctx, func() { _ = inst.Kill() })
	defer func() {
		if stop() {
			_ = inst.Close()
		}
	}()

	opened, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return rawDoc{}, fmt.Errorf("open pdf: %w", openError(err))
	}
	doc := opened.Document
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc})

	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc})
	if err != nil || count.PageCount <= 0 {
		return rawDoc{}, fmt.Errorf("count pdf pages: %w", ErrCorrupt)
	}
	return e.readPages(ctx, inst, doc, count.PageCount)
}

// openError maps the engine's open errors to the package's errors.
func openError(err error) error {
	switch {
	case errors.Is(err, pdferrors.ErrPassword), errors.Is(err, pdferrors.ErrSecurity):
		return ErrEncrypted
	default:
		return ErrCorrupt
	}
}

// readPages reads pages one after the other, checking ctx between them.
func (e *Extractor) readPages(ctx context.Context, inst pdfium.Pdfium,
	doc references.FPDF_DOCUMENT, count int) (rawDoc, error) {
	raw := rawDoc{pages: count}
	n := min(count, e.limits.MaxPages)
	if n < count {
		raw.warnings = append(raw.warnings,
			fmt.Sprintf("only the first %d of %d pages were read", n, count))
	}
	var failed int
	texts := make([]string, 0, n)
	for i := range n {
		if err := ctx.Err(); err != nil {
			return rawDoc{}, fmt.Errorf("read pdf page %d: %w", i+1, err)
		}
		text, hidden, err := readPage(inst, doc, i)
		if err != nil {
			failed++
			continue
		}
		texts = append(texts, text)
		raw.hidden = append(raw.hidden, hidden...)
	}
	if failed == n {
		return rawDoc{}, fmt.Errorf("read pdf pages: %w", ErrCorrupt)
	}
	if failed > 0 {
		raw.warnings = append(raw.warnings, fmt.Sprintf("%d pages could not be read", failed))
	}
	raw.text = joinPages(texts)
	return raw, nil
}

// joinPages joins page texts with a blank line.
func joinPages(texts []string) string {
	out := ""
	for _, t := range texts {
		if t == "" {
			continue
		}
		if out != "" {
			out += "\n\n"
		}
		out += t
	}
	return out
}

// readPage loads one page and lays out its text.
func readPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, index int) (
	string, []Hidden, error) {
	loaded, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: index})
	if err != nil {
		return "", nil, fmt.Errorf("load page %d: %w", index+1, err)
	}
	page := requests.Page{ByReference: &loaded.Page}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: loaded.Page})

	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: page})
	if err != nil {
		return "", nil, fmt.Errorf("load text of page %d: %w", index+1, err)
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})

	pr := &pageReader{inst: inst, page: page, text: tp.TextPage, number: index + 1}
	if err := pr.collect(); err != nil {
		return "", nil, fmt.Errorf("read page %d: %w", index+1, err)
	}
	return pr.layout(), pr.hiddenText(), nil
}
