package server

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ocs-project/ocs/diag"
	"github.com/ocs-project/ocs/internal/lazyre"
	"github.com/ocs-project/ocs/internal/pipeline"
	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/assessment"
)

// failure is why a request cannot be answered with a document: an HTTP
// status, a message for people and, for content problems, the problems.
type failure struct {
	status   int
	msg      string
	problems standard.Problems
}

func (f *failure) Error() string { return f.msg }

func badRequest(format string, a ...any) *failure {
	return &failure{status: http.StatusBadRequest, msg: fmt.Sprintf(format, a...)}
}

// contentFailure turns an error from reading the user's inputs into a
// 422 with its problems; name says which input.
func contentFailure(name string, err error) *failure {
	var ps standard.Problems
	if errors.As(err, &ps) {
		return &failure{status: http.StatusUnprocessableEntity, msg: name + " has problems", problems: ps}
	}
	p := standard.Problem{Rule: strings.ToUpper(name), Severity: standard.Error, Message: err.Error()}
	if m := lineRE().FindStringSubmatch(err.Error()); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
	}
	return &failure{status: http.StatusUnprocessableEntity, msg: name + " has problems", problems: standard.Problems{p}}
}

// lineRE finds the line of a message written "file:LINE:" or "line LINE".
var lineRE = lazyre.New(`(?::(\d+)[:\s]|\bline (\d+))`)

// job is one document (or one per candidate) to make.
type job struct {
	kind    pipeline.Kind
	format  pipeline.Format
	std     *standard.Standard
	src     pipeline.Source
	opt     pipeline.Options
	roster  []assessment.Candidate
	combine bool
}

// output is a made document.
type output struct {
	data     []byte
	media    string
	name     string
	problems standard.Problems // warnings of the overlay
	warnings []string
}

// mediaTypes are the media types of the formats and of a ZIP.
var mediaTypes = map[string]string{
	"pdf":  "application/pdf",
	"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"html": "text/html; charset=utf-8",
	"txt":  "text/plain; charset=utf-8",
	"zip":  "application/zip",
}

// parseForm reads a multipart or URL-encoded body within the body limit.
func (s *Server) parseForm(r *http.Request) *failure {
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		err = r.ParseMultipartForm(s.cfg.MaxBody)
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		return s.bodyFailure(err)
	}
	return nil
}

// bodyFailure answers an error reading the body: 413 when it is too
// large, 400 otherwise.
func (s *Server) bodyFailure(err error) *failure {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) || errors.Is(err, errTooLarge) {
		return &failure{status: http.StatusRequestEntityTooLarge, msg: tooLarge(s.cfg.MaxBody)}
	}
	return badRequest("the request body cannot be read: %v", err)
}

var errTooLarge = errors.New("too large")

func tooLarge(n int64) string {
	return fmt.Sprintf("the request is larger than the %d MiB this server takes (--max-body)", n>>20)
}

// field returns a form field: an uploaded file's bytes and its name, or
// the text value and the fallback name. ok is false when neither is sent.
func field(r *http.Request, key, fallback string) (data []byte, name string, ok bool, f *failure) {
	if r.MultipartForm != nil {
		if fhs := r.MultipartForm.File[key]; len(fhs) > 0 && fhs[0].Size > 0 {
			fh := fhs[0]
			file, err := fh.Open()
			if err != nil {
				return nil, "", false, badRequest("the upload %s cannot be read: %v", key, err)
			}
			defer file.Close()
			var b bytes.Buffer
			if _, err := b.ReadFrom(file); err != nil {
				return nil, "", false, badRequest("the upload %s cannot be read: %v", key, err)
			}
			return b.Bytes(), uploadName(fh.Filename, fallback), true, nil
		}
	}
	if v := r.FormValue(key); strings.TrimSpace(v) != "" {
		return []byte(v), fallback, true, nil
	}
	return nil, "", false, nil
}

// uploadName is how messages name an upload: the base of the name the
// browser sent, without folders or control characters. It is never used
// as a path.
func uploadName(name, fallback string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if len(name) > 100 {
		name = name[:100]
	}
	if strings.Trim(name, ". ") == "" {
		return fallback
	}
	return name
}

// formatOf picks the format: ?format=, the form's format, the Accept
// header, else PDF.
func formatOf(r *http.Request) (pipeline.Format, *failure) {
	v := r.URL.Query().Get("format")
	if v == "" {
		v = r.FormValue("format")
	}
	if v != "" {
		f, err := pipeline.ParseFormat(v)
		if err != nil {
			return "", badRequest("%v", err)
		}
		return f, nil
	}
	for part := range strings.SplitSeq(r.Header.Get("Accept"), ",") {
		mt := strings.TrimSpace(strings.SplitN(part, ";", 2)[0])
		for _, f := range pipeline.Formats() {
			if m := mediaTypes[string(f)]; mt == strings.SplitN(m, ";", 2)[0] {
				return f, nil
			}
		}
	}
	return pipeline.PDF, nil
}

// standardOf returns the standard a request names: an uploaded or pasted
// TOML in field standard, or the code of one the server has.
func (s *Server) standardOf(r *http.Request) (*standard.Standard, pipeline.Source, *failure) {
	data, name, ok, f := field(r, "standard", "standard.toml")
	if f != nil {
		return nil, pipeline.Source{}, f
	}
	if ok {
		src := pipeline.Source{Name: name, Data: data}
		std, _, err := pipeline.Load(src)
		if err != nil {
			return nil, src, contentFailure("standard", err)
		}
		return std, src, nil
	}
	code := strings.TrimSpace(r.FormValue("code"))
	if code == "" {
		code = r.PathValue("code")
	}
	if code == "" {
		return nil, pipeline.Source{}, badRequest("say which standard: send its TOML as the field standard, or a code (GET /api/standards lists them) as the field code")
	}
	e := s.byCode[code]
	if e == nil {
		return nil, pipeline.Source{}, &failure{status: http.StatusNotFound,
			msg: fmt.Sprintf("no standard %q here (GET /api/standards lists them)", code)}
	}
	return e.Std, e.Src, nil
}

// readJob reads a render request of kind k from a parsed form.
func (s *Server) readJob(r *http.Request, k pipeline.Kind) (*job, *failure) {
	j := &job{kind: k}
	var f *failure
	if j.format, f = formatOf(r); f != nil {
		return nil, f
	}
	if j.std, j.src, f = s.standardOf(r); f != nil {
		return nil, f
	}
	if data, name, ok, f := field(r, "config", "config.toml"); f != nil {
		return nil, f
	} else if ok {
		if k == pipeline.Assessment {
			a, err := pipeline.ParseAssessmentSettings(name, data)
			if err != nil {
				return nil, contentFailure("config", err)
			}
			j.opt.Assessment = a
		} else {
			l, err := pipeline.ParseLabels(name, data)
			if err != nil {
				return nil, contentFailure("config", err)
			}
			j.opt.Assessment.Labels = l
		}
	}
	if lang := strings.TrimSpace(r.FormValue("lang")); lang != "" {
		if !slices.Contains(templates.Languages(), lang) {
			return nil, badRequest("unknown language %q: choose one of %s", lang, strings.Join(templates.Languages(), ", "))
		}
		j.opt.Assessment.Lang = lang
	}
	j.opt.Assessment.Date = s.cfg.Date
	if k == pipeline.JobDesc {
		if data, name, ok, f := field(r, "overlay", "overlay.toml"); f != nil {
			return nil, f
		} else if ok {
			ov, err := pipeline.ParseOverlay(name, data)
			if err != nil {
				return nil, contentFailure("overlay", err)
			}
			j.opt.Overlay = ov
		}
	}
	if data, name, ok, f := field(r, "roster", "roster.csv"); f != nil {
		return nil, f
	} else if ok {
		if k != pipeline.Assessment {
			return nil, badRequest("a roster goes with kind assessment, not %s", k)
		}
		cands, err := pipeline.ParseRoster(name, data)
		if err != nil {
			return nil, contentFailure("roster", err)
		}
		j.roster = cands
		j.combine, _ = strconv.ParseBool(r.FormValue("combine"))
		if j.combine && j.format != pipeline.PDF && j.format != pipeline.DOCX {
			return nil, badRequest("combine=true makes one PDF or DOCX, not %s", j.format)
		}
	}
	return j, nil
}

// produce makes the job's document within a render slot.
func (s *Server) produce(ctx context.Context, j *job) (*output, *failure) {
	if !s.acquire(ctx) {
		return nil, &failure{status: http.StatusServiceUnavailable, msg: "the server is busy making other documents: try again in a few seconds"}
	}
	defer s.release()
	out, err := s.make(ctx, j)
	if err == nil {
		s.met.rendered(string(j.kind), string(j.format), max(1, len(j.roster)))
		return out, nil
	}
	var f *failure
	switch {
	case errors.As(err, &f):
		return nil, f
	case ctx.Err() != nil:
		return nil, &failure{status: http.StatusServiceUnavailable, msg: "the document took longer than this server allows (--timeout): try a smaller scope or fewer candidates"}
	}
	var ps standard.Problems
	if errors.As(err, &ps) {
		return nil, &failure{status: http.StatusUnprocessableEntity, msg: "the inputs have problems", problems: ps}
	}
	return nil, &failure{status: http.StatusUnprocessableEntity, msg: err.Error(),
		problems: standard.Problems{{Rule: "RENDER", Severity: standard.Error, Message: err.Error()}}}
}

// make builds and encodes the job.
func (s *Server) make(ctx context.Context, j *job) (*output, error) {
	stem := pipeline.Stem(j.std, j.src)
	suffix := pipeline.Suffix(j.kind, j.opt)
	if j.roster == nil {
		res, err := s.enc.Render(ctx, j.std, j.kind, j.opt, j.format)
		if err != nil {
			return nil, err
		}
		return &output{data: res.Data, media: mediaTypes[string(j.format)], name: stem + "-" + suffix + "." + string(j.format),
			problems: res.Problems, warnings: res.Warnings}, nil
	}
	docs := make([]*render.Document, len(j.roster))
	for i := range j.roster {
		opt := j.opt
		opt.Candidate = &j.roster[i]
		d, _, err := pipeline.Build(j.std, pipeline.Assessment, opt)
		if err != nil {
			return nil, fmt.Errorf("candidate %s (roster line %d): %w", j.roster[i].Name, j.roster[i].Line, err)
		}
		docs[i] = d
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	if j.combine {
		d, err := assessment.Combine(j.std.Name(), docs...)
		if err != nil {
			return nil, err
		}
		data, warns, err := s.enc.Encode(ctx, d, j.format)
		if err != nil {
			return nil, err
		}
		return &output{data: data, media: mediaTypes[string(j.format)], name: stem + "-" + suffix + "." + string(j.format), warnings: warns}, nil
	}
	names := assessment.FileNames(j.roster)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	var warnings []string
	for i, d := range docs {
		data, warns, err := s.enc.Encode(ctx, d, j.format)
		if err != nil {
			return nil, fmt.Errorf("candidate %s (roster line %d): %w", j.roster[i].Name, j.roster[i].Line, err)
		}
		warnings = append(warnings, warns...)
		w, err := zw.CreateHeader(&zip.FileHeader{Name: names[i] + "." + string(j.format), Method: zip.Deflate, Modified: zipDate(s.cfg.Date)})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return &output{data: buf.Bytes(), media: mediaTypes["zip"], name: stem + "-" + suffix + ".zip", warnings: warnings}, nil
}

// zipDate is the time stamped on ZIP entries: the documents' date, or
// 1980-01-01 (the earliest ZIP can hold) so that answers are reproducible.
func zipDate(t time.Time) time.Time {
	if t.IsZero() {
		return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t.UTC()
}

// problemJSON is a problem as the API writes it.
type problemJSON struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Line     int    `json:"line,omitempty"`
	Path     string `json:"path,omitempty"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
}

// problemsJSON converts problems for the API.
func problemsJSON(ps diag.Problems) []problemJSON {
	out := make([]problemJSON, 0, len(ps))
	for _, p := range ps {
		out = append(out, problemJSON{Rule: p.Rule, Severity: p.Severity.String(), Line: p.Line, Path: p.Path,
			Message: p.Message, Hint: p.Advice()})
	}
	return out
}
