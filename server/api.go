package server

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/ocs-project/ocs/internal/pipeline"
	"github.com/ocs-project/ocs/standard"
)

//go:embed openapi.json
var openapi []byte

// routes returns the server's handler: the API, the pages and their
// assets, wrapped in the common middleware.
func (s *Server) routes() http.Handler {
	pages() // parse the page templates now, not on the first request
	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", s.health) // GET also answers HEAD
	mux.HandleFunc("GET /version", s.version)
	mux.Handle("GET /metrics", s.met.handler())
	mux.HandleFunc("GET /api/openapi.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(openapi)
	})
	mux.HandleFunc("GET /api/standards", s.apiStandards)
	mux.HandleFunc("POST /api/check", s.apiCheck)
	mux.HandleFunc("POST /api/render/{kind}", s.apiRender)
	mux.HandleFunc("POST /api/import", s.apiImport)
	s.pageRoutes(mux)
	return s.wrap(mux)
}

// writeJSON answers v as JSON with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// writeError answers {"error": msg} with the given status.
func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// writeFailure answers f as JSON: its problems when it has any.
func writeFailure(w http.ResponseWriter, f *failure) {
	if f.status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	if len(f.problems) > 0 {
		writeJSON(w, f.status, map[string]any{"error": f.msg, "problems": problemsJSON(f.problems)})
		return
	}
	writeError(w, f.status, f.msg)
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	if !s.ready.Load() {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "down"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "up"})
}

func (s *Server) version(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"version": s.cfg.Version})
}

// standardJSON is a standard as GET /api/standards lists it.
type standardJSON struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	Level    int    `json:"level,omitempty"`
	Category string `json:"category,omitempty"`
	Source   string `json:"source"`
}

func (s *Server) apiStandards(w http.ResponseWriter, r *http.Request) {
	out := make([]standardJSON, 0, len(s.list))
	for _, e := range s.list {
		out = append(out, e.json())
	}
	writeJSON(w, http.StatusOK, map[string]any{"standards": out})
}

// json describes e for the API.
func (e *entry) json() standardJSON {
	return standardJSON{Code: e.Code, Name: e.Std.Name(), Level: e.Std.Level, Category: category(e.Std), Source: e.Origin}
}

// category names the standard's 職類 / 職業 category for lists.
func category(s *standard.Standard) string {
	for _, cs := range [][]standard.Class{s.Category.Job, s.Category.Occupation, s.Category.Industry} {
		if len(cs) > 0 {
			return cs[0].Name
		}
	}
	return ""
}

// readCheck reads the TOML of a check request: the body itself
// (application/toml or text/plain) or the multipart field standard.
func (s *Server) readCheck(r *http.Request) (pipeline.Source, *failure) {
	ct := r.Header.Get("Content-Type")
	if strings.HasPrefix(ct, "multipart/") || strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
		if f := s.parseForm(r); f != nil {
			return pipeline.Source{}, f
		}
		data, name, ok, f := field(r, "standard", "standard.toml")
		if f != nil {
			return pipeline.Source{}, f
		}
		if !ok {
			return pipeline.Source{}, badRequest("send the standard's TOML as the field standard")
		}
		return pipeline.Source{Name: name, Data: data}, nil
	}
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return pipeline.Source{}, s.bodyFailure(err)
	}
	if len(data) == 0 {
		return pipeline.Source{}, badRequest("the body is empty: send the standard's TOML (Content-Type: application/toml)")
	}
	return pipeline.Source{Name: "standard.toml", Data: data}, nil
}

// check loads src and returns every problem, fonts included.
func (s *Server) check(src pipeline.Source) (*standard.Standard, standard.Problems) {
	std, ps, err := pipeline.Load(src)
	if err != nil {
		var all standard.Problems
		if errors.As(err, &all) {
			return nil, all
		}
		return nil, standard.Problems{{Rule: "TOML", Severity: standard.Error, File: src.Name, Message: err.Error()}}
	}
	return std, append(ps, s.enc.FontProblems(std)...)
}

func (s *Server) apiCheck(w http.ResponseWriter, r *http.Request) {
	src, f := s.readCheck(r)
	if f != nil {
		writeFailure(w, f)
		return
	}
	_, ps := s.check(src)
	writeJSON(w, http.StatusOK, map[string]any{"problems": problemsJSON(ps)})
}

func (s *Server) apiRender(w http.ResponseWriter, r *http.Request) {
	k, err := pipeline.ParseKind(r.PathValue("kind"))
	if err != nil || k == pipeline.Profile {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no document kind %q: use standard, assessment or jobdesc", r.PathValue("kind")))
		return
	}
	if f := s.parseForm(r); f != nil {
		writeFailure(w, f)
		return
	}
	j, f := s.readJob(r, k)
	if f == nil {
		var out *output
		if out, f = s.produce(r.Context(), j); f == nil {
			sendDocument(w, out, "attachment")
			return
		}
	}
	writeFailure(w, f)
}

// sendDocument answers a made document with its media type and an RFC
// 6266 Content-Disposition (disp is "attachment" or "inline").
func sendDocument(w http.ResponseWriter, out *output, disp string) {
	h := w.Header()
	h.Set("Content-Type", out.media)
	h.Set("Content-Disposition", contentDisposition(disp, out.name))
	h.Set("Content-Length", fmt.Sprint(len(out.data)))
	if strings.HasPrefix(out.media, "text/html") {
		h.Set("Content-Security-Policy", docCSP)
	}
	if len(out.warnings) > 0 {
		h.Set("X-OCS-Warnings", fmt.Sprint(len(out.warnings)))
	}
	_, _ = w.Write(out.data)
}

// contentDisposition writes an RFC 6266 header value: an ASCII filename
// for old clients and the UTF-8 name in filename* (RFC 8187).
func contentDisposition(disp, name string) string {
	ascii := strings.Map(func(r rune) rune {
		if r < ' ' || r > '~' || r == '"' || r == '\\' || r == '%' {
			return '_'
		}
		return r
	}, name)
	return fmt.Sprintf(`%s; filename="%s"; filename*=UTF-8''%s`, disp, ascii, strings.ReplaceAll(url.PathEscape(name), "+", "%2B"))
}
