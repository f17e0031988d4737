package candidate

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"strings"

	"shortlist/internal/activity"
	"shortlist/internal/fault"
	"shortlist/internal/resume"
	"shortlist/internal/shield"
	"shortlist/internal/user"
)

// Extractor reads a resume file into text; *resume.Extractor is one.
type Extractor interface {
	Extract(ctx context.Context, data []byte) (*resume.Document, error)
}

// Upload is one file as it arrived.
type Upload struct {
	Name string
	Data []byte
}

// Result is the outcome of bringing in one file: a new candidate, or an error
// that says what was wrong with that file alone.
type Result struct {
	File               string  `json:"file"`
	CandidateID        int64   `json:"candidate_id,omitempty"`
	Error              string  `json:"error,omitempty"`
	DuplicateOf        int64   `json:"duplicate_of,omitempty"`
	PossibleDuplicates []int64 `json:"possible_duplicates,omitempty"`
	NeedsReview        bool    `json:"needs_review,omitempty"`
}

// zipMagic starts every zip archive; a DOCX is one too, and Sniff tells them
// apart.
var zipMagic = []byte("PK\x03\x04")

// Import reads each uploaded file (expanding .zip archives) into a candidate
// in the job jobID (0: the general pool). One bad file does not stop the
// others; its Result carries the reason.
func (s *Service) Import(ctx context.Context, actor *user.User, jobID int64, files []Upload) ([]Result, error) {
	if jobID != 0 {
		if err := s.checkJob(ctx, jobID); err != nil {
			return nil, err
		}
	}
	if len(files) > s.limits.MaxBatchFiles {
		return nil, fault.Invalidf("At most %d files can be sent at once; this request has %d.",
			s.limits.MaxBatchFiles, len(files))
	}
	var out []Result
	for _, f := range files {
		if ctx.Err() != nil {
			return out, fmt.Errorf("import: %w", ctx.Err())
		}
		out = append(out, s.importFile(ctx, actor, jobID, f)...)
	}
	return out, nil
}

// importFile brings in one upload, or every resume inside a zip archive.
func (s *Service) importFile(ctx context.Context, actor *user.User, jobID int64, f Upload) []Result {
	name := resume.SafeName(f.Name)
	if int64(len(f.Data)) > s.limits.MaxFileBytes {
		return []Result{{File: name, Error: fmt.Sprintf("The file is larger than the limit of %d MiB.",
			s.limits.MaxFileBytes>>20)}}
	}
	if !bytes.HasPrefix(f.Data, zipMagic) {
		return []Result{s.importOne(ctx, actor, jobID, name, f.Data)}
	}
	if _, err := resume.Sniff(f.Data); err == nil {
		return []Result{s.importOne(ctx, actor, jobID, name, f.Data)} // a DOCX
	}
	entries, err := resume.Unzip(f.Data, s.limits)
	if err != nil {
		return []Result{{File: name, Error: userMessage(err)}}
	}
	if len(entries) == 0 {
		return []Result{{File: name, Error: "The archive holds no files."}}
	}
	var out []Result
	for _, e := range entries {
		out = append(out, s.importOne(ctx, actor, jobID, name+"/"+resume.SafeName(path.Base(e.Name)), e.Data))
	}
	return out
}

// importOne extracts one resume file and stores it as a new candidate.
func (s *Service) importOne(ctx context.Context, actor *user.User, jobID int64, name string, data []byte) Result {
	r := Result{File: name}
	doc, err := s.extract.Extract(ctx, data)
	if err != nil {
		r.Error = userMessage(err)
		if fileError(err) == nil {
			s.log(ctx, "extract", err)
		}
		return r
	}
	c := fromDocument(doc, name, data)
	c.JobID, c.UploadedBy = jobID, actor.ID
	ev := activity.New(actor.Actor(), ActionUploaded, "candidate", 0, uploadDetail(c))
	err = s.store.CreateCandidate(ctx, c, File{Name: name, Kind: doc.Kind, Data: data}, ev)
	var dup *DuplicateError
	if errors.As(err, &dup) {
		r.DuplicateOf = dup.ExistingID
		r.Error = fmt.Sprintf("This file is already stored as candidate #%d.", dup.ExistingID)
		if dup.Deleted {
			r.Error = fmt.Sprintf("This file is already stored as candidate #%d, which is in the trash.",
				dup.ExistingID)
		}
		return r
	}
	if err != nil {
		s.log(ctx, "store candidate", err)
		r.Error = "The file could not be stored. Please try again."
		return r
	}
	r.CandidateID, r.NeedsReview = c.ID, c.NeedsReview
	r.PossibleDuplicates, err = s.possibleDuplicates(ctx, c)
	if err != nil {
		s.log(ctx, "find duplicates", err)
	}
	return r
}

// fromDocument builds a candidate from what was read from a file.
func fromDocument(doc *resume.Document, name string, data []byte) *Candidate {
	sum := sha256.Sum256(data)
	c := &Candidate{
		Name: doc.Contact.Name, Email: strings.ToLower(doc.Contact.Email), Phone: doc.Contact.Phone,
		Links: doc.Contact.Links, Stage: StageNew, Text: doc.Text, Hidden: doc.Hidden,
		Quality: doc.Quality, Sections: doc.Sections,
		NeedsReview: doc.Quality.NeedsReview || !doc.Quality.HasText,
		ContentHash: hex.EncodeToString(sum[:]), SimHash: SimHash(doc.Text),
		FileName: name, FileKind: doc.Kind, FileSize: int64(len(data)),
	}
	if c.Name == "" {
		c.Name = strings.TrimSuffix(path.Base(name), path.Ext(name))
	}
	if len(doc.Hidden) > 0 {
		c.Flags = append(c.Flags, hiddenFlag(doc.Hidden))
	}
	findings := shield.Scan(doc.Text)
	if flag := shield.Flag(findings); flag != "" {
		c.Flags = append(c.Flags, flag)
	}
	c.EngineText = shield.Neutralize(doc.Text, findings)
	return c
}

func hiddenFlag(hs []resume.Hidden) string {
	seen := map[string]bool{}
	var reasons []string
	for _, h := range hs {
		if !seen[h.Reason] {
			seen[h.Reason] = true
			reasons = append(reasons, h.Reason)
		}
	}
	return fmt.Sprintf("Hidden text (%s) was found and set aside; engines do not read it.",
		strings.Join(reasons, ", "))
}

// uploadDetail describes an upload for the activity log without personal
// data, which must not outlive an erasure.
func uploadDetail(c *Candidate) string {
	d := string(c.FileKind)
	if c.Quality.Pages > 0 {
		d += fmt.Sprintf(", %d pages", c.Quality.Pages)
	}
	if c.NeedsReview {
		d += ", needs review"
	}
	return d
}

// fileErrors are the reader's errors about the file itself; their messages
// are meant for the uploader.
var fileErrors = []error{resume.ErrEmpty, resume.ErrUnsupported, resume.ErrTooLarge,
	resume.ErrEncrypted, resume.ErrCorrupt, resume.ErrTooManyFiles, resume.ErrZipBomb,
	resume.ErrTimeout, resume.ErrUnsafe}

// fileError returns the reader's error about the file inside err, if any.
func fileError(err error) error {
	for _, e := range fileErrors {
		if errors.Is(err, e) {
			return e
		}
	}
	return nil
}

// userMessage turns an extraction error into words for the uploader.
func userMessage(err error) string {
	if e := fileError(err); e != nil {
		msg := e.Error()
		return strings.ToUpper(msg[:1]) + msg[1:] + "."
	}
	return "The file could not be read. Please try again."
}
