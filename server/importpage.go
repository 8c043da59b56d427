package server

import (
	"errors"
	"io"
	"net/http"
	"path"
	"strings"

	"github.com/ocs-project/ocs/importer"
	"github.com/ocs-project/ocs/importer/all"
	"github.com/ocs-project/ocs/standard"
)

// importUpload is a file sent to be imported.
type importUpload struct {
	name string
	data []byte
}

// readImport reads the file of an import request: the multipart field
// file, or the body itself.
func (s *Server) readImport(r *http.Request) (importUpload, *failure) {
	ct := r.Header.Get("Content-Type")
	if strings.HasPrefix(ct, "multipart/") || strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
		if f := s.parseForm(r); f != nil {
			return importUpload{}, f
		}
		data, name, ok, f := field(r, "file", "upload")
		if f != nil {
			return importUpload{}, f
		}
		if !ok {
			return importUpload{}, badRequest("send the published standard (PDF, DOCX, ODT or text) as the field file")
		}
		return importUpload{name: name, data: data}, nil
	}
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return importUpload{}, s.bodyFailure(err)
	}
	if len(data) == 0 {
		return importUpload{}, badRequest("the body is empty: send the published standard (PDF, DOCX, ODT or text)")
	}
	return importUpload{name: "upload", data: data}, nil
}

// tomlName is the name of the TOML an upload becomes.
func tomlName(upload string) string {
	stem := strings.TrimSuffix(upload, path.Ext(upload))
	if strings.Trim(stem, ". ") == "" {
		stem = "standard"
	}
	return stem + ".toml"
}

// runImport imports u within a render slot (reading a large PDF is as
// heavy as making one). An input that is not a standard is a 422 whose
// one problem (rule IMPORT) says why.
func (s *Server) runImport(r *http.Request, u importUpload) (*importer.Result, *failure) {
	all.Register()
	if !s.acquire(r.Context()) {
		return nil, &failure{status: http.StatusServiceUnavailable, msg: "the server is busy making other documents: try again in a few seconds"}
	}
	defer s.release()
	res, err := importer.Import(r.Context(), u.data, importer.Options{Source: u.name, Output: tomlName(u.name)})
	if err != nil && r.Context().Err() != nil {
		s.met.imported(importer.Sniff(u.data), "timeout")
		return nil, &failure{status: http.StatusServiceUnavailable, msg: "reading this file took longer than this server allows (--timeout): import it with the ocs command instead, or split the file"}
	}
	if err != nil {
		s.met.imported(importer.Sniff(u.data), "unusable")
		msg := err.Error()
		var ue *importer.UnusableError
		if !errors.As(err, &ue) {
			msg = u.name + " cannot be imported: " + msg
		}
		return nil, &failure{status: http.StatusUnprocessableEntity, msg: msg,
			problems: standard.Problems{{Rule: "IMPORT", Severity: standard.Error, File: u.name, Message: msg,
				Hint: "send a 職能基準 in the official form: its PDF, a Word (.docx) or OpenDocument (.odt) file, or the text extracted from its table"}}}
	}
	outcome := "ok"
	if res.Errors() {
		outcome = "errors"
	}
	s.met.imported(res.Format, outcome)
	return res, nil
}

func (s *Server) apiImport(w http.ResponseWriter, r *http.Request) {
	u, f := s.readImport(r)
	if f == nil {
		var res *importer.Result
		if res, f = s.runImport(r, u); f == nil {
			report := res.Report
			if report == nil {
				report = []importer.Finding{}
			}
			writeJSON(w, http.StatusOK, map[string]any{"format": res.Format, "name": tomlName(u.name),
				"toml": string(res.TOML), "report": report, "problems": problemsJSON(res.Problems), "errors": res.Errors()})
			return
		}
	}
	writeFailure(w, f)
}

// importView is what the import page shows after an import.
type importView struct {
	Name     string // the upload's name
	TOMLName string
	Format   string
	TOML     string
	Report   []importer.Finding
	Problems standard.Problems
	Lines    []sourceLine
	Errors   bool
	Failure  *failure
	Done     bool
}

func (s *Server) pageImport(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "import", word(pageLang(r), "import"), importView{})
}

func (s *Server) postImport(w http.ResponseWriter, r *http.Request) {
	u, f := s.readImport(r)
	if f != nil {
		s.pageFailure(w, r, f)
		return
	}
	res, f := s.runImport(r, u)
	if f != nil {
		if f.status != http.StatusUnprocessableEntity {
			s.pageFailure(w, r, f)
			return
		}
		s.render(w, r, f.status, "import", word(pageLang(r), "import"), importView{Name: u.name, Failure: f, Done: true})
		return
	}
	v := importView{Name: u.name, TOMLName: tomlName(u.name), Format: res.Format, TOML: string(res.TOML),
		Report: res.Report, Problems: res.Problems, Errors: res.Errors(), Done: true}
	bad := map[int]bool{}
	for _, p := range res.Problems {
		bad[p.Line] = true
	}
	for i, l := range strings.Split(strings.TrimSuffix(v.TOML, "\n"), "\n") {
		v.Lines = append(v.Lines, sourceLine{N: i + 1, Text: l, Problem: bad[i+1]})
	}
	s.render(w, r, http.StatusOK, "import", word(pageLang(r), "import"), v)
}

// postImportTOML answers the imported TOML the page sends back as a
// download, so the import page needs no script and the server keeps
// nothing between requests.
func (s *Server) postImportTOML(w http.ResponseWriter, r *http.Request) {
	if f := s.parseForm(r); f != nil {
		s.pageFailure(w, r, f)
		return
	}
	data, _, ok, f := field(r, "standard", "standard.toml")
	if f != nil {
		s.pageFailure(w, r, f)
		return
	}
	if !ok {
		s.pageFailure(w, r, badRequest("send the TOML as the field standard"))
		return
	}
	name := uploadName(r.FormValue("name"), "standard.toml")
	if !strings.HasSuffix(name, ".toml") {
		name = tomlName(name)
	}
	sendDocument(w, &output{data: data, media: "application/toml; charset=utf-8", name: name}, "attachment")
}
