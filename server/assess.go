package server

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/ocs-project/ocs/internal/pipeline"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/assessment"
)

// assessView is what the assessment page shows.
type assessView struct {
	S        standardJSON
	Scope    []scopeItem
	Parts    []string
	Methods  []string
	Points   []int
	Names    templates.Labels // printed names of parts and methods
	Form     url.Values
	Problems standard.Problems
	Formats  []pipeline.Format
}

// Name is the printed name of a part or method: its label, else id.
func (v assessView) Name(prefix, id string) string {
	if n := v.Names[prefix+id]; n != "" {
		return n
	}
	return id
}

// Has reports whether the form has value val for key.
func (v assessView) Has(key, val string) bool {
	for _, x := range v.Form[key] {
		if x == val {
			return true
		}
	}
	return false
}

func (s *Server) pageAssessment(w http.ResponseWriter, r *http.Request) {
	e := s.entryOf(w, r)
	if e == nil {
		return
	}
	s.showAssessment(w, r, e, url.Values{}, nil, http.StatusOK)
}

func (s *Server) showAssessment(w http.ResponseWriter, r *http.Request, e *entry, form url.Values, ps standard.Problems, status int) {
	names, err := templates.LoadLabels("assessment", pageLang(r))
	if err != nil {
		s.pageFailure(w, r, &failure{status: http.StatusInternalServerError, msg: err.Error()})
		return
	}
	v := assessView{Names: names, S: e.json(), Scope: scopeItems(e.Std), Parts: assessment.AssessmentParts(),
		Methods: assessment.AssessmentMethods(), Points: []int{0, 3, 4, 5}, Form: form, Problems: ps,
		Formats: []pipeline.Format{pipeline.PDF, pipeline.DOCX, pipeline.HTML, pipeline.TXT}}
	s.render(w, r, status, "assessment", word(pageLang(r), "assessment")+" · "+e.Std.Name(), v)
}

// settingsTOML writes the assessment form's choices as a settings file,
// so that they are read and checked as the command line reads
// --config.
func settingsTOML(form url.Values) []byte {
	root := map[string]any{}
	if vs := nonEmpty(form["scope"]); len(vs) > 0 {
		root["scope"] = vs
	}
	if vs := nonEmpty(form["parts"]); len(vs) > 0 {
		root["parts"] = vs
	}
	if p := strings.TrimSpace(form.Get("points")); p != "" && p != "0" {
		if n, err := strconv.ParseInt(p, 10, 64); err == nil {
			root["scale"] = map[string]any{"points": n}
		} else {
			root["scale"] = map[string]any{"points": p}
		}
	}
	methods := map[string]any{}
	for line := range strings.SplitSeq(strings.ReplaceAll(form.Get("methods"), "\r", ""), "\n") {
		code, list, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		ms := nonEmpty(strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == '、' || r == '，' }))
		if code = strings.TrimSpace(code); code != "" {
			methods[code] = ms
		}
	}
	if len(methods) > 0 {
		root["methods"] = methods
	}
	var b bytes.Buffer
	_ = toml.NewEncoder(&b).Encode(root)
	return b.Bytes()
}

// postAssessment makes the forms: blank, one per candidate in a ZIP, or
// combined; problems (of the settings or the roster, with its line) show
// on the form.
func (s *Server) postAssessment(w http.ResponseWriter, r *http.Request) {
	e := s.formEntry(w, r)
	if e == nil {
		return
	}
	fail := func(f *failure) {
		if f.status == http.StatusUnprocessableEntity {
			s.showAssessment(w, r, e, r.Form, f.problems, f.status)
			return
		}
		s.pageFailure(w, r, f)
	}
	format, err := pipeline.ParseFormat(r.FormValue("format"))
	if err != nil {
		fail(badRequest("%v", err))
		return
	}
	j := s.pageJob(r, pipeline.Assessment, format, e.Std, e.Src)
	settings, err := pipeline.ParseAssessmentSettings("assessment form", settingsTOML(r.Form))
	if err != nil {
		fail(contentFailure("settings", err))
		return
	}
	settings.Lang, settings.Date = j.opt.Assessment.Lang, j.opt.Assessment.Date
	j.opt.Assessment = settings
	data, name, ok, f := field(r, "roster", "roster.csv")
	if f != nil {
		fail(f)
		return
	}
	if ok {
		if j.roster, err = pipeline.ParseRoster(name, data); err != nil {
			fail(contentFailure("roster", err))
			return
		}
		j.combine = r.FormValue("combine") != ""
		if j.combine && j.format != pipeline.PDF && j.format != pipeline.DOCX {
			j.format = pipeline.PDF
		}
	}
	out, f := s.produce(r.Context(), j)
	if f != nil {
		fail(f)
		return
	}
	sendDocument(w, out, "attachment")
}
