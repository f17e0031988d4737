package web

import (
	"fmt"
	"net/http"
	"strconv"

	"shortlist/internal/candidate"
	"shortlist/internal/fault"
)

// TrashPage is the model of the admin's Deleted Candidates page.
type TrashPage struct {
	Page
	Filter  candidate.Filter
	Result  candidate.Page
	PrevURL string
	NextURL string
}

func (s *Server) trashModel(w http.ResponseWriter, r *http.Request) (*TrashPage, error) {
	f, err := filterFromQuery(r.URL.Query())
	if err != nil {
		return nil, err
	}
	f.Deleted, f.JobID = true, 0
	if f.Sort == "" {
		f.Sort = "deleted"
	}
	res, err := s.Candidates.List(r.Context(), currentUser(r), f)
	if err != nil {
		return nil, err
	}
	p := &TrashPage{Page: s.newPage(w, r, "Deleted candidates"), Filter: f, Result: res}
	p.PrevURL, p.NextURL = pageLinks("/trash", r.URL.Query(), res)
	return p, nil
}

func (s *Server) trashPage(w http.ResponseWriter, r *http.Request) error {
	p, err := s.trashModel(w, r)
	if err != nil {
		return err
	}
	if isHTMX(r) && r.Header.Get("HX-Target") == "trash-results" {
		return s.render(w, http.StatusOK, "trash", "trash-results", p)
	}
	return s.render(w, http.StatusOK, "trash", "", p)
}

// trashRestore restores one candidate; the page removes its row.
func (s *Server) trashRestore(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "candidate")
	if err != nil {
		return err
	}
	if err := s.Candidates.Restore(r.Context(), currentUser(r), id); err != nil {
		return err
	}
	toast(w, "success", fmt.Sprintf("Candidate #%d was restored.", id))
	return nil
}

// trashPurge erases one candidate for good; the page removes its row.
func (s *Server) trashPurge(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "candidate")
	if err != nil {
		return err
	}
	rec, err := s.Candidates.Purge(r.Context(), currentUser(r), id)
	if err != nil {
		return err
	}
	toast(w, "success", fmt.Sprintf("Candidate #%d was permanently deleted (receipt: content hash %.12s…).",
		rec.CandidateID, rec.ContentHash))
	return nil
}

// trashBulk restores or erases every selected candidate, reporting how many
// succeeded; each one is its own transaction, so one failure does not undo
// the others. It answers with the refreshed list.
func (s *Server) trashBulk(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return fault.Invalidf("The form could not be read.")
	}
	action := r.PostFormValue("action")
	if action != "restore" && action != "purge" {
		return fault.Invalidf("Choose restore or delete forever.")
	}
	ids := r.PostForm["ids"]
	if len(ids) == 0 {
		return fault.Invalidf("Select at least one candidate.")
	}
	done, failed := 0, 0
	for _, v := range ids {
		id, err := strconv.ParseInt(v, 10, 64)
		if err == nil {
			if action == "restore" {
				err = s.Candidates.Restore(r.Context(), currentUser(r), id)
			} else {
				_, err = s.Candidates.Purge(r.Context(), currentUser(r), id)
			}
		}
		if fault.KindOf(err) == fault.Internal && err != nil {
			return err
		}
		if err != nil {
			failed++
			continue
		}
		done++
	}
	verb := map[string]string{"restore": "restored", "purge": "permanently deleted"}[action]
	msg := fmt.Sprintf("%d candidates %s.", done, verb)
	kind := "success"
	if failed > 0 {
		msg += fmt.Sprintf(" %d could not be: they changed meanwhile.", failed)
		kind = "danger"
	}
	toast(w, kind, msg)
	p, err := s.trashModel(w, r)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "trash", "trash-results", p)
}
