package server

import (
	"net/http"
	"strings"

	"github.com/ocs-project/ocs/internal/pipeline"
	"github.com/ocs-project/ocs/standard"
)

// sourceLine is one line of the read-only source view.
type sourceLine struct {
	N       int
	Text    string
	Problem bool
}

// checkView is what the check page shows after a check.
type checkView struct {
	Name     string
	Text     string
	Problems standard.Problems
	Lines    []sourceLine
	Renders  bool // the table can be made
	Done     bool
}

func (s *Server) pageCheck(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "check", word(pageLang(r), "check"), checkView{})
}

// maxViewLines bounds the source view, so a huge paste stays a page.
const maxViewLines = 20000

func (s *Server) postCheck(w http.ResponseWriter, r *http.Request) {
	src, f := s.readCheck(r)
	if f != nil {
		s.pageFailure(w, r, f)
		return
	}
	std, ps := s.check(src)
	v := checkView{Name: src.Name, Text: string(src.Data), Problems: ps, Done: true,
		Renders: std != nil && len(ps.Errors()) == 0}
	bad := map[int]bool{}
	for _, p := range ps {
		bad[p.Line] = true
	}
	for i, l := range strings.Split(strings.ToValidUTF8(string(src.Data), "\uFFFD"), "\n") {
		if i == maxViewLines {
			break
		}
		v.Lines = append(v.Lines, sourceLine{N: i + 1, Text: strings.TrimSuffix(l, "\r"), Problem: bad[i+1]})
	}
	s.render(w, r, http.StatusOK, "check", word(pageLang(r), "check"), v)
}

// postCheckPreview answers the table of a pasted standard as HTML, for
// the check page's frame.
func (s *Server) postCheckPreview(w http.ResponseWriter, r *http.Request) {
	src, f := s.readCheck(r)
	if f == nil {
		std, _, err := pipeline.Load(src)
		if err != nil {
			f = contentFailure("standard", err)
		} else {
			j := s.pageJob(r, pipeline.Standard, pipeline.HTML, std, src)
			var out *output
			if out, f = s.produce(r.Context(), j); f == nil {
				sendDocument(w, out, "inline")
				return
			}
		}
	}
	s.render(w, r, f.status, "problems", word(pageLang(r), "problems"), f.problems)
}
