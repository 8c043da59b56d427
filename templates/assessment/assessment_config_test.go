package assessment

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

func TestLoadAssessmentConfig(t *testing.T) {
	opt, err := LoadAssessmentConfig("testdata/assessment/settings.toml")
	if err != nil {
		t.Fatal(err)
	}
	want := AssessmentOptions{
		Options: templates.Options{Lang: "zh-TW", Labels: map[string]string{"part_checklist": "實作評量表"}},
		Parts:   []string{"cover", "checklist", "knowledge", "mapping", "result"},
		Scope:   []string{"T3", "T5.2"},
		Scale:   Scale{Points: 5, Labels: []string{"未達成", "待加強", "尚可", "良好", "優異"}, Pass: 3},
		Methods: map[string][]string{"T3.2": {"實作觀察", "口試", "工作產出審查"}, "T5": {"observation", "written"}},
	}
	if !reflect.DeepEqual(opt, want) {
		t.Errorf("got  %+v\nwant %+v", opt, want)
	}
	// The options build a pack: the label override and the scale show.
	d := pack(t, packStandard(), AssessmentOptions{Options: opt.Options, Parts: opt.Parts, Scale: opt.Scale, Scope: []string{"T3"}}, nil)
	if text := doctest.AllText(d); !strings.Contains(text, "實作評量表") || !strings.Contains(text, "5＝優異") {
		t.Errorf("settings not applied:\n%s", text)
	}
}

func TestLoadAssessmentConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"unknown keys", "lang = \"zh-TW\"\nscop = [\"T3\"]\n\n[scale]\npoints = 5\npasss = 3\n",
			[]string{`x.toml:2:1: error TOML: unknown key "scop"`, `did you mean "scope"?`, `x.toml:6:1: error TOML: unknown key "passs"`, `did you mean "pass"?`}},
		{"unknown table", "[scales]\npoints = 5\n", []string{`x.toml:1:1`, `unknown key "scales"`, `did you mean "scale"?`}},
		{"wrong type", "parts = \"cover\"\n", []string{"x.toml:1:1", `parts must be a list of strings, e.g. ["…", "…"], not a string ("cover")`, "parts takes a list of strings"}},
		{"wrong type in a table", "[scale]\npoints = \"five\"\n", []string{"x.toml:2:1", `points must be a whole number, not a string ("five")`, "scale.points takes a whole number"}},
		{"wrong type under a quoted key", "[methods]\n  \"T3.2\" = 5\n", []string{`x.toml:2:3: error TOML: "T3.2" must be a list of strings, e.g. ["…", "…"], not an integer (5)`, `(methods."T3.2")`, "methods.T3.2 takes a list of methods"}},
		{"syntax", "lang = \"zh-TW\nparts = []\n", []string{"x.toml:1"}},
		{"unknown language", "lang = \"fr\"\n", []string{"x.toml:1:1", `unknown language "fr"`, "zh-TW, en"}},
		{"unknown part", "parts = [\"cover\", \"mapp\"]\n", []string{"x.toml:1:1", `unknown assessment part "mapp"`, `did you mean "mapping"?`}},
		{"unknown method", "[methods]\n\"T1.1\" = [\"觀察\"]\n", []string{"x.toml:2:1", `methods for T1.1: unknown assessment method "觀察"`}},
		{"bad scale", "[scale]\npoints = 5\nlabels = [\"a\", \"b\"]\n", []string{"x.toml:1:1", "2 labels for 5 points"}},
		{"unknown label", "[labels]\npart_chcklist = \"x\"\n", []string{"x.toml:2:1", `unknown label "part_chcklist"`, `did you mean "part_checklist"?`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseAssessmentConfig([]byte(tc.src), "x.toml")
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%s\ndoes not contain %q", err, w)
				}
			}
		})
	}
	if _, err := LoadAssessmentConfig(filepath.Join(t.TempDir(), "missing.toml")); err == nil || !os.IsNotExist(unwrapAll(err)) {
		t.Errorf("missing file: %v", err)
	}
}

// unwrapAll returns the innermost wrapped error.
func unwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return err
		}
		err = u.Unwrap()
	}
}
