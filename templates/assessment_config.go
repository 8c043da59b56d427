package templates

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/ocs-project/ocs/standard"
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

// assessmentKeys are the keys a configuration file may use, by table.
var assessmentKeys = map[string][]string{
	"":      {"lang", "landscape", "parts", "scope", "scale", "methods", "labels"},
	"scale": {"points", "labels", "pass"},
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
	keys := keyPositions(data)
	var f assessmentFile
	md, err := toml.Decode(strings.TrimPrefix(string(data), "\uFEFF"), &f)
	if err != nil {
		return AssessmentOptions{}, standard.Problems{decodeProblem(err, name, keys, assessmentConfigHint)}
	}
	c := &assessmentConfigCheck{name: name, keys: keys}
	for _, k := range md.Undecoded() {
		c.unknownKey(k)
	}
	if len(c.ps) > 0 {
		return AssessmentOptions{}, c.ps
	}

	opt := AssessmentOptions{
		Options: Options{Lang: f.Lang, Landscape: f.Landscape, Labels: f.Labels},
		Scope:   f.Scope,
		Scale:   f.Scale,
	}
	if f.Lang != "" && !slices.Contains(Languages(), f.Lang) {
		c.add("lang", fmt.Sprintf("unknown language %q", f.Lang), "choose one of "+strings.Join(Languages(), ", "))
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
	for _, code := range packSortedKeys(f.Methods) {
		if _, err := parseAssessmentMethods(f.Methods[code]); err != nil {
			c.add("methods."+code, fmt.Sprintf("methods for %s: %v", code, err), "")
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
	name string
	keys map[string]standard.Position
	ps   standard.Problems
}

// add records an error at the key path.
func (c *assessmentConfigCheck) add(path, msg, hint string) {
	p := standard.Problem{Rule: "TOML", Severity: standard.Error, File: c.name, Path: path, Message: msg, Hint: hint}
	placeAt(&p, c.keys)
	c.ps = append(c.ps, p)
}

// unknownKey reports a key the format does not have.
func (c *assessmentConfigCheck) unknownKey(k toml.Key) {
	parent := strings.Join(k[:len(k)-1], ".")
	known, ok := assessmentKeys[parent]
	if !ok {
		return // inside an unknown table, reported with the table
	}
	c.ps = append(c.ps, unknownKeyProblem(k, c.name, c.keys, known))
}

// labels checks that every overridden label exists.
func (c *assessmentConfigCheck) labels(with map[string]string) {
	l, err := baseAssessmentLabels("zh-TW")
	if err != nil {
		c.add("labels", err.Error(), "")
		return
	}
	known := packSortedKeys(l)
	for _, k := range packSortedKeys(with) {
		if _, ok := l[k]; ok {
			continue
		}
		hint := "see labels/assessment.toml for the keys"
		if s := standard.Suggest(k, known); s != "" {
			hint = fmt.Sprintf("did you mean %q?", s)
		}
		c.add("labels."+k, fmt.Sprintf("unknown label %q", k), hint)
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

// packSortedKeys returns the keys of a map in order.
func packSortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
