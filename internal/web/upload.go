package web

import (
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"strconv"

	"shortlist/internal/candidate"
	"shortlist/internal/fault"
	"shortlist/internal/job"
)

// UploadLimits bound an upload request.
type UploadLimits struct {
	MaxRequestBytes int64 // the whole multipart body
	MaxFiles        int   // files per request
}

// multipartMemory is how much of an upload is held in memory; the rest
// spills to temporary files that are removed when the request ends.
const multipartMemory = 32 << 20

// UploadPage is the model of the upload page.
type UploadPage struct {
	Page
	Jobs     []job.Job
	JobID    int64
	MaxFiles int
	MaxMiB   int64
}

func (s *Server) uploadPage(w http.ResponseWriter, r *http.Request) error {
	jobs, err := s.Jobs.List(r.Context(), currentUser(r), job.Open)
	if err != nil {
		return err
	}
	jobID, _ := strconv.ParseInt(r.URL.Query().Get("job_id"), 10, 64)
	p := UploadPage{Page: s.newPage(w, r, "Upload resumes"), Jobs: jobs, JobID: jobID,
		MaxFiles: s.Uploads.MaxFiles, MaxMiB: s.Uploads.MaxRequestBytes >> 20}
	return s.render(w, http.StatusOK, "upload", "", p)
}

// upload takes a multipart request whose "file" field may repeat, with an
// optional job_id, and answers one result per file. The browser page and
// the API share it.
func (s *Server) upload(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, s.Uploads.MaxRequestBytes)
	if err := r.ParseMultipartForm(multipartMemory); err != nil {
		return uploadError(err, s.Uploads)
	}
	defer r.MultipartForm.RemoveAll()

	var jobID int64
	if v := r.FormValue("job_id"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id < 0 {
			return fault.Invalidf("job_id must be a job's number.")
		}
		jobID = id
	}
	headers := r.MultipartForm.File["file"]
	if len(headers) == 0 {
		return fault.Invalidf("Send at least one file in the field \"file\".")
	}
	if len(headers) > s.Uploads.MaxFiles {
		return fault.Invalidf("At most %d files can be sent at once; this request has %d.",
			s.Uploads.MaxFiles, len(headers))
	}
	files, err := readUploads(headers)
	if err != nil {
		return err
	}
	results, err := s.Candidates.Import(r.Context(), currentUser(r), jobID, files)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"results": results})
	return nil
}

func readUploads(headers []*multipart.FileHeader) ([]candidate.Upload, error) {
	files := make([]candidate.Upload, 0, len(headers))
	for _, h := range headers {
		f, err := h.Open()
		if err != nil {
			return nil, fault.Wrap(fault.Internal, err, "read upload")
		}
		data, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			return nil, fault.Wrap(fault.Internal, err, "read upload")
		}
		files = append(files, candidate.Upload{Name: h.Filename, Data: data})
	}
	return files, nil
}

// uploadError explains why a multipart body could not be read.
func uploadError(err error, l UploadLimits) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return fault.New(fault.Invalid, "The upload is larger than the limit of %d MiB per request.",
			l.MaxRequestBytes>>20)
	}
	if errors.Is(err, multipart.ErrMessageTooLarge) {
		return fault.Invalidf("The upload has too many parts; send at most %d files at once.", l.MaxFiles)
	}
	return fault.Wrap(fault.Invalid, err, "The upload is not a valid multipart form with a \"file\" field.")
}
