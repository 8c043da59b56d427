package main

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/ocs-project/ocs/internal/pipeline"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/standards"
	"github.com/ocs-project/ocs/templates/assessment"
	"github.com/ocs-project/ocs/templates/jobdesc"
)

// fileKind is the kind of a TOML input file: each kind has its own
// loader, rules and schema.
type fileKind string

// The kinds of TOML files ocs reads.
const (
	kindStandard   fileKind = "standard"   // an occupational competency standard
	kindOverlay    fileKind = "overlay"    // a company overlay for job descriptions (--overlay)
	kindAssessment fileKind = "assessment" // assessment settings (--config)
	kindSettings   fileKind = "settings"   // defaults for every command (.ocs.toml, --settings)
)

// describe names the kind in a sentence.
func (k fileKind) describe() string {
	switch k {
	case kindOverlay:
		return "a company overlay"
	case kindAssessment:
		return "assessment settings"
	case kindSettings:
		return "a settings file"
	}
	return "a standard"
}

// fileKinds lists the kinds in the order help texts show them.
var fileKinds = []fileKind{kindStandard, kindOverlay, kindAssessment, kindSettings}

// kindKeys are top-level keys only one kind of file has. A file is of the
// kind whose keys it holds most of; a file holding none is a standard.
var kindKeys = map[fileKind][]string{
	kindStandard:   {"duty", "occupation", "job_category", "category", "knowledge", "skills", "attitudes", "notes", "history", "no_levels"},
	kindOverlay:    {"standard", "company", "unit", "salary", "location", "contact", "employment_type", "headcount", "date_posted", "valid_through", "include", "exclude", "benefits", "requirements", "show_indicators"},
	kindAssessment: {"parts", "scope", "scale", "methods"},
	kindSettings:   {"fonts", "docx"},
}

// detectKind tells the kind of a TOML file from, in this order: a
// "#:schema" comment at its top naming a kind (ocs-overlay.schema.json),
// the settings file's own name (.ocs.toml), then its top-level keys.
func detectKind(name string, data []byte) fileKind {
	if k, ok := schemaKind(data); ok {
		return k
	}
	if filepath.Base(name) == settingsFile {
		return kindSettings
	}
	top := map[string]bool{}
	for path := range standard.KeyPositions(data) {
		key, _, _ := strings.Cut(path, ".")
		key, _, _ = strings.Cut(key, "[")
		top[key] = true
	}
	best, score := kindStandard, 0
	for _, k := range fileKinds {
		n := 0
		for _, key := range kindKeys[k] {
			if top[key] {
				n++
			}
		}
		if n > score {
			best, score = k, n
		}
	}
	return best
}

// schemaKind reads a "#:schema" comment among the comment lines at the top
// of data and returns the kind its file name names; a schema naming no
// kind is a standard's.
func schemaKind(data []byte) (fileKind, bool) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	for line := range bytes.Lines(data) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if line[0] != '#' {
			break
		}
		ref, ok := bytes.CutPrefix(line, []byte("#:schema"))
		if !ok {
			continue
		}
		base := strings.ToLower(filepath.Base(strings.TrimSpace(string(ref))))
		for _, k := range []fileKind{kindOverlay, kindAssessment, kindSettings, kindStandard} {
			if strings.Contains(base, string(k)) {
				return k, true
			}
		}
		return kindStandard, true // ocs.schema.json, as ocs schema suggests for standards
	}
	return "", false
}

// checkFile checks one file, of at most max bytes, with the rules of its
// kind.
func checkFile(file string, max int64) standard.Problems {
	data, err := pipeline.ReadFile(file, max, nil)
	if err != nil {
		return standard.Problems{{Rule: "FILE", Severity: standard.Error, File: file,
			Message: fmt.Sprintf("cannot read the file: %v", err), Hint: "check the path, or raise --max-input for a larger file"}}
	}
	return checkData(file, data)
}

// checkData checks the bytes of one file with the rules of its kind.
func checkData(file string, data []byte) standard.Problems {
	ctrl := controlProblems(file, data)
	var ps standard.Problems
	switch detectKind(file, data) {
	case kindOverlay:
		ps = checkOverlay(file, data)
	case kindAssessment:
		_, err := assessment.ParseAssessmentConfig(data, file)
		ps = fileProblems(file, err)
	case kindSettings:
		_, err := parseSettings(file, data)
		ps = fileProblems(file, err)
	default:
		_, ps = standard.CheckData(file, data)
	}
	if len(ctrl) == 0 {
		return ps
	}
	all := append(ctrl, ps...)
	slices.SortStableFunc(all, func(a, b standard.Problem) int {
		return cmp.Or(cmp.Compare(lineOrLast(a.Line), lineOrLast(b.Line)), cmp.Compare(a.Col, b.Col))
	})
	return all
}

// lineOrLast sorts problems without a line after those with one.
func lineOrLast(n int) int {
	if n == 0 {
		return math.MaxInt
	}
	return n
}

// checkOverlay loads an overlay and validates it against the standard it
// names: a path to a TOML file, or the code of a bundled standard.
func checkOverlay(file string, data []byte) standard.Problems {
	ov, err := jobdesc.ParseOverlay(data, file)
	if err != nil {
		return fileProblems(file, err)
	}
	var s *standard.Standard
	if p, ok := ov.StandardPath(); ok {
		s, err = standard.Load(p)
		if err != nil {
			return standard.Problems{{Rule: "J01", Severity: standard.Error, File: file, Line: ov.Lines["standard"], Path: "standard",
				Message: fmt.Sprintf("the standard %s the overlay names cannot be loaded: %v", p, firstLine(err)),
				Hint:    "fix the path, or check the standard with ocs check " + p}}
		}
	} else if data, name, err := standards.Open(ov.Standard); ov.Standard != "" && err == nil {
		if s, err = standard.Parse("bundled:"+name, data); err != nil {
			return fileProblems(file, err)
		}
	}
	if s == nil {
		return standard.Problems{{Rule: "J01", Severity: standard.Warning, File: file, Line: ov.Lines["standard"], Path: "standard",
			Message: fmt.Sprintf("the overlay was checked alone: its standard %q is neither a bundled code nor a path to a TOML file", ov.Standard),
			Hint:    `write standard = "path/to/CODE.toml" (relative to the overlay) so that include and exclude are checked too`}}
	}
	return ov.Validate(s)
}

// fileProblems returns a loader's error as problems of file.
func fileProblems(file string, err error) standard.Problems {
	if err == nil {
		return nil
	}
	if ps, ok := err.(standard.Problems); ok {
		return ps
	}
	var ps standard.Problems
	for _, msg := range strings.Split(err.Error(), "\n") {
		p := standard.Problem{Rule: "FILE", Severity: standard.Error, File: file, Message: msg}
		// Settings errors read "file:line: message".
		if rest, ok := strings.CutPrefix(msg, file+":"); ok {
			num, text, _ := strings.Cut(rest, ":")
			if n, err := strconv.Atoi(num); err == nil {
				p.Line, p.Message = n, strings.TrimSpace(text)
			} else {
				p.Message = strings.TrimSpace(rest)
			}
		}
		ps = append(ps, p)
	}
	return ps
}

// firstLine returns the first line of an error's text.
func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// standardsOnly drops the inputs that are not standards (overlays,
// settings files), with a note on w for each; no standard left is an error.
func standardsOnly(ins []pipeline.Source, args []string, w io.Writer) ([]pipeline.Source, error) {
	out := ins[:0:0]
	for _, in := range ins {
		if k := detectKind(in.Name, in.Data); k != kindStandard && !in.IsBundled() {
			fmt.Fprintf(w, "%s: skipped: %s, not a standard\n", in.Name, k.describe())
			continue
		}
		out = append(out, in)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no standards (*.toml) found in %s", strings.Join(args, ", "))
	}
	return out, nil
}
