package assessment

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/ocs-project/ocs/diag"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
)

// assessmentFile is the TOML form of AssessmentOptions (see
// ParseAssessmentConfig).
type assessmentFile struct {
	Lang      string              `toml:"lang"`
	Landscape bool                `toml:"landscape"`
	Parts     []string            `toml:"parts"`
	Scope     []string            `toml:"scope"`
	Scale     Scale               `toml:"scale"`
	Methods   map[string][]string `toml:"methods"`
	Labels    map[string]string   `toml:"labels"`
}

// LoadAssessmentConfig reads assessment options from a TOML file (see
// ParseAssessmentConfig for the format).
func LoadAssessmentConfig(path string) (AssessmentOptions, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return AssessmentOptions{}, fmt.Errorf("read assessment settings: %w", err)
	}
	return ParseAssessmentConfig(data, path)
}

// ParseAssessmentConfig decodes assessment options from TOML text; name is
// the file name used in messages. Reading is strict: a syntax error, a
// value of the wrong type, an unknown key (with the closest known key as a
// suggestion), an unknown language, part, method or label, or an
// unprintable scale is returned as standard.Problems placed at line and
// column. Duty and task codes are checked against the standard later, by
// Assessment.
//
//	lang = "zh-TW"                 # or "en"
//	landscape = false
//	parts = ["cover", "checklist", "result"]   # default: every part
//	scope = ["T3", "T5.2"]         # duties or tasks; default: all
//
//	[scale]                        # leave out for 達成／未達成
//	points = 5
//	labels = ["未達成", "待加強", "尚可", "良好", "優異"]
//	pass = 3
//
//	[methods]                      # by task or duty code
//	"T3.2" = ["實作觀察", "口試"]
//	T5 = ["observation", "product"]
//
//	[labels]                       # printed words, by key
//	part_checklist = "實作評量表"
func ParseAssessmentConfig(data []byte, name string) (AssessmentOptions, error) {
	var f assessmentFile
	doc, ps := diag.Decode(name, data, &f, diag.Limits{})
	if ps != nil {
		for i := range ps {
			if h := assessmentConfigHint(diag.PlainKey(ps[i].Path)); h != "" {
				ps[i].Hint = h
			}
		}
		return AssessmentOptions{}, ps
	}
	if ps := doc.UnknownKeys(); len(ps) > 0 {
		return AssessmentOptions{}, ps
	}
	c := &assessmentConfigCheck{doc: doc}

	opt := AssessmentOptions{
		Options: templates.Options{Lang: f.Lang, Landscape: f.Landscape, Labels: f.Labels},
		Scope:   f.Scope,
		Scale:   f.Scale,
	}
	if f.Lang != "" && !slices.Contains(templates.Languages(), f.Lang) {
		c.add("lang", fmt.Sprintf("unknown language %q", f.Lang), "choose one of "+strings.Join(templates.Languages(), ", "))
	}
	for _, p := range f.Parts {
		part, err := parseAssessmentPart(p)
		if err != nil {
			c.add("parts", err.Error(), "")
			continue
		}
		opt.Parts = append(opt.Parts, part)
	}
	if err := f.Scale.check(); err != nil {
		c.add("scale", err.Error(), "")
	}
	for _, code := range slices.Sorted(maps.Keys(f.Methods)) {
		if _, err := parseAssessmentMethods(f.Methods[code]); err != nil {
			c.add(diag.JoinKey("methods", code), fmt.Sprintf("methods for %s: %v", code, err), "")
		}
	}
	if len(f.Methods) > 0 {
		opt.Methods = f.Methods
	}
	c.labels(f.Labels)
	if len(c.ps) > 0 {
		return AssessmentOptions{}, c.ps
	}
	return opt, nil
}

// assessmentConfigCheck collects the problems of one configuration file.
type assessmentConfigCheck struct {
	doc *diag.Doc
	ps  standard.Problems
}

// add records an error at the key path.
func (c *assessmentConfigCheck) add(path, msg, hint string) {
	c.ps = append(c.ps, c.doc.Error(path, msg, hint))
}

// labels checks that every overridden label exists.
func (c *assessmentConfigCheck) labels(with map[string]string) {
	l, err := baseAssessmentLabels("zh-TW")
	if err != nil {
		c.add("labels", err.Error(), "")
		return
	}
	known := slices.Sorted(maps.Keys(l))
	for _, k := range slices.Sorted(maps.Keys(with)) {
		if _, ok := l[k]; ok {
			continue
		}
		c.ps = append(c.ps, templates.UnknownLabel(c.doc, diag.JoinKey("labels", k), k, known, "assessment"))
	}
}

// assessmentConfigHint says what a key takes, for type errors.
func assessmentConfigHint(path string) string {
	switch path {
	case "lang":
		return `lang takes a string: "zh-TW" or "en"`
	case "landscape":
		return "landscape takes true or false"
	case "parts":
		return "parts takes a list of strings: " + strings.Join(AssessmentParts(), ", ")
	case "scope":
		return `scope takes a list of duty or task codes, e.g. ["T1", "T3.2"]`
	case "scale":
		return "scale is a table: [scale] points = 5"
	case "scale.points", "scale.pass":
		return path + " takes a whole number"
	case "scale.labels":
		return `scale.labels takes a list of strings, one per point`
	case "methods":
		return `methods is a table: [methods] "T1.1" = ["實作觀察", "口試"]`
	case "labels":
		return `labels is a table: [labels] key = "text"`
	}
	if strings.HasPrefix(path, "methods.") {
		return path + ` takes a list of methods, e.g. ["實作觀察", "口試"]`
	}
	if strings.HasPrefix(path, "labels.") {
		return path + " takes a string"
	}
	return ""
}
