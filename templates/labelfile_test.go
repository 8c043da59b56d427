package templates

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/diag"
)

func TestParseLabelFile(t *testing.T) {
	tests := []struct {
		name, src string
		want      map[string]string
		problems  []string // String() of each problem
	}{
		{"top level", "attitudes = \"態度\"\n", map[string]string{"attitudes": "態度"}, nil},
		{"in [labels]", "[labels]\npart_checklist = \"評量表\"\n", map[string]string{"part_checklist": "評量表"}, nil},
		{"per kind", "[standard]\ncol_task = \"任務\"\n[assessment]\ncol_task = \"項目\"\n",
			map[string]string{"standard.col_task": "任務", "assessment.col_task": "項目"}, nil},
		{"unknown label", "attitudez = \"態度\"\n", nil,
			[]string{`l.toml:1:1: error TOML: unknown label "attitudez" (attitudez) — did you mean "attitudes"?`}},
		{"label of another kind under a kind", "[jobdesc]\ncol_task = \"任務\"\n", nil,
			[]string{`l.toml:2:1: error TOML: unknown label "col_task" (jobdesc.col_task) — see templates/labels/jobdesc.toml for the keys of the jobdesc`}},
		{"not a string", "[labels]\nattitudes = [\"a\"]\n", nil,
			[]string{`l.toml:2:1: error TOML: label attitudes must be a string, not an array (labels.attitudes) — write it in quotes: attitudes = "…"`}},
		{"too deep", "a = " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n", nil,
			[]string{`l.toml:1:13: error TOML: values are nested more than 8 levels deep`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseLabelFile("l.toml", []byte(tt.src))
			var ps diag.Problems
			errors.As(err, &ps)
			var texts []string
			for _, p := range ps {
				texts = append(texts, p.String())
			}
			if len(texts) != len(tt.problems) {
				t.Fatalf("problems %q, want %q", texts, tt.problems)
			}
			for i := range texts {
				if !strings.HasPrefix(texts[i], tt.problems[i]) {
					t.Errorf("problem\n got %s\nwant %s", texts[i], tt.problems[i])
				}
			}
			if tt.problems == nil && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("labels %v, want %v", got, tt.want)
			}
		})
	}
}

func TestOverrideFor(t *testing.T) {
	with := map[string]string{
		"attitudes":           "態度（本公司）", // a standard label
		"part_checklist":      "評量表",     // an assessment label: not the standard's business
		"standard.col_task":   "任務（表）",
		"assessment.col_task": "任務（評量）",
	}
	l, err := LoadLabels("standard", "zh-TW")
	if err != nil {
		t.Fatal(err)
	}
	if err := l.OverrideFor("standard", with); err != nil {
		t.Fatal(err)
	}
	if l["attitudes"] != "態度（本公司）" || l["col_task"] != "任務（表）" {
		t.Errorf("standard labels: attitudes %q, col_task %q", l["attitudes"], l["col_task"])
	}
	a, _ := LoadLabels("assessment", "zh-TW")
	if err := a.OverrideFor("assessment", with); err != nil || a["col_task"] != "任務（評量）" || a["part_checklist"] != "評量表" {
		t.Errorf("assessment labels: %v, col_task %q", err, a["col_task"])
	}
	if err := l.OverrideFor("standard", map[string]string{"nonsense": "x"}); err == nil || !strings.Contains(err.Error(), "nonsense") {
		t.Errorf("a label no kind knows: %v", err)
	}
}
