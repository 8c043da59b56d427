package server

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"sync"

	"github.com/ocs-project/ocs/internal/pipeline"
	"github.com/ocs-project/ocs/standard"
)

//go:embed web
var webFS embed.FS

// pages returns the page templates, each parsed with the layout, once:
// on the server's start (routes), not on the start of every ocs command.
var pages = sync.OnceValue(parsePages)

func parsePages() map[string]*template.Template {
	funcs := template.FuncMap{
		"t":  word,
		"tf": func(lang, key string, a ...any) string { return fmt.Sprintf(word(lang, key), a...) },
		"plist": func(lang string, ps standard.Problems) any {
			return struct {
				Lang string
				List standard.Problems
			}{lang, ps}
		},
	}
	base := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(webFS, "web/layout.html"))
	names, err := fs.Glob(webFS, "web/page-*.html")
	if err != nil {
		panic(err)
	}
	out := map[string]*template.Template{}
	for _, n := range names {
		key := strings.TrimSuffix(strings.TrimPrefix(n, "web/page-"), ".html")
		out[key] = template.Must(template.Must(base.Clone()).ParseFS(webFS, n))
	}
	return out
}

// page is what every page template gets.
type page struct {
	Lang  string
	Title string
	Path  string // the page's path, for the language switch
	Data  any
	Bare  bool // a fragment shown in a frame: no header
}

// Other is the language the switch links to.
func (p page) Other() string {
	if p.Lang == "en" {
		return "zh-TW"
	}
	return "en"
}

// render writes page name with status.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name, title string, data any) {
	var b bytes.Buffer
	p := page{Lang: pageLang(r), Title: title, Path: r.URL.Path, Data: data, Bare: name == "problems"}
	if err := pages()[name].Execute(&b, p); err != nil {
		s.log.Error("page template", "page", name, "err", err, "id", requestID(r.Context()))
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}

// pageRoutes adds the web app's pages and assets to mux.
func (s *Server) pageRoutes(mux *http.ServeMux) {
	static, _ := fs.Sub(webFS, "web/static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /{$}", s.pageLibrary)
	mux.HandleFunc("GET /standards/{code}", s.pageStandard)
	mux.HandleFunc("GET /standards/{code}/document", s.pageDocument)
	mux.HandleFunc("GET /posting/{code}", s.pagePosting)
	mux.HandleFunc("POST /posting/{code}", s.postPosting)
	mux.HandleFunc("GET /assessment/{code}", s.pageAssessment)
	mux.HandleFunc("POST /assessment/{code}", s.postAssessment)
	mux.HandleFunc("GET /check", s.pageCheck)
	mux.HandleFunc("POST /check", s.postCheck)
	mux.HandleFunc("POST /check/preview", s.postCheckPreview)
	mux.HandleFunc("GET /import", s.pageImport)
	mux.HandleFunc("POST /import", s.postImport)
	mux.HandleFunc("POST /import/toml", s.postImportTOML)
	mux.HandleFunc("GET /api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such API route: see /api/openapi.json")
	})
	mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		s.render(w, r, http.StatusNotFound, "notfound", word(pageLang(r), "notfound"), nil)
	})
}

// entryOf returns the standard of the page's {code}, answering 404 when
// there is none.
func (s *Server) entryOf(w http.ResponseWriter, r *http.Request) *entry {
	e := s.byCode[r.PathValue("code")]
	if e == nil {
		s.render(w, r, http.StatusNotFound, "notfound", word(pageLang(r), "notfound"), nil)
	}
	return e
}

// formEntry is entryOf for a posted form: it reads the form too,
// answering the failure when it cannot.
func (s *Server) formEntry(w http.ResponseWriter, r *http.Request) *entry {
	e := s.entryOf(w, r)
	if e == nil {
		return nil
	}
	if f := s.parseForm(r); f != nil {
		s.pageFailure(w, r, f)
		return nil
	}
	return e
}

// pageJob is a job made from a page: in the page's language, with the
// server's document date.
func (s *Server) pageJob(r *http.Request, k pipeline.Kind, f pipeline.Format, std *standard.Standard, src pipeline.Source) *job {
	j := &job{kind: k, format: f, std: std, src: src}
	j.opt.Assessment.Lang = docLang(r)
	j.opt.Assessment.Date = s.cfg.Date
	return j
}

func (s *Server) pageLibrary(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.FormValue("q"))
	var list []standardJSON
	for _, e := range s.list {
		j := e.json()
		if q == "" || strings.Contains(strings.ToLower(j.Code+" "+j.Name+" "+j.Category), strings.ToLower(q)) {
			list = append(list, j)
		}
	}
	s.render(w, r, http.StatusOK, "library", word(pageLang(r), "library"), map[string]any{"Q": q, "List": list})
}

func (s *Server) pageStandard(w http.ResponseWriter, r *http.Request) {
	e := s.entryOf(w, r)
	if e == nil {
		return
	}
	ps := append(append(standard.Problems{}, e.Warns...), s.enc.FontProblems(e.Std)...)
	s.render(w, r, http.StatusOK, "standard", e.Std.Name(), map[string]any{
		"S": e.json(), "Problems": ps, "Formats": pipeline.Formats(), "Desc": e.Std.Description})
}

// pageDocument answers the standard's table (?format=, default HTML):
// inline for HTML, to show in the standard page's frame, else as a
// download.
func (s *Server) pageDocument(w http.ResponseWriter, r *http.Request) {
	e := s.entryOf(w, r)
	if e == nil {
		return
	}
	f := pipeline.HTML
	if v := r.FormValue("format"); v != "" {
		var err error
		if f, err = pipeline.ParseFormat(v); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
	}
	j := s.pageJob(r, pipeline.Standard, f, e.Std, e.Src)
	out, fail := s.produce(r.Context(), j)
	if fail != nil {
		s.pageFailure(w, r, fail)
		return
	}
	disp := "attachment"
	if f == pipeline.HTML && r.FormValue("download") == "" {
		disp = "inline"
	}
	sendDocument(w, out, disp)
}

// docLang is the language of documents a page makes: the page's.
func docLang(r *http.Request) string {
	if pageLang(r) == "en" {
		return "en"
	}
	return ""
}

// pageFailure shows a failure as a page.
func (s *Server) pageFailure(w http.ResponseWriter, r *http.Request, f *failure) {
	if f.status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	s.render(w, r, f.status, "failure", word(pageLang(r), "problems"), f)
}

// Msg and Problems let templates show a failure.
func (f *failure) Msg() string                 { return f.msg }
func (f *failure) Problems() standard.Problems { return f.problems }
