package assessment

import (
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

// labelSamples builds packs that together print every label: numeric and
// pass/fail scales, blank and filled-in candidates, whole and partial
// scopes, parts with nothing to show, gaps in the mapping, and a job
// category without an attitude matrix.
func labelSamples(t *testing.T, opt templates.Options) []*render.Document {
	noItems := packStandard()
	noItems.Attitudes = nil
	five := Scale{Points: 5, Labels: []string{"a", "b", "c", "d", "e"}}
	return []*render.Document{
		pack(t, packStandard(), AssessmentOptions{Options: opt, Scale: five}, &Candidate{Name: "王小明"}),
		pack(t, packStandard(), AssessmentOptions{Options: opt}, nil),
		pack(t, packStandard(), AssessmentOptions{Options: opt, Scope: []string{"T1", "T3.2"}, Parts: []string{"cover", "checklist", "mapping"}}, nil),
		pack(t, noItems, AssessmentOptions{Options: opt, Scope: []string{"T3.3"}, Parts: []string{"knowledge", "skills", "attitudes"}}, nil),
		pack(t, englishPack(), AssessmentOptions{Options: opt}, nil),
	}
}

// TestAssessmentLabelsUsed overrides every label with a marker and checks
// that each marker is printed by one of the samples: no label is dead
// wording, and no text asks for a label that does not exist.
func TestAssessmentLabelsUsed(t *testing.T) {
	keys := doctest.LabelKeys(t, "assessment")["zh-TW"]
	marked := map[string]string{}
	for _, k := range keys {
		marked[k] = "⟦" + k + "⟧"
	}
	var text strings.Builder
	for _, d := range labelSamples(t, templates.Options{Labels: marked}) {
		text.WriteString(doctest.AllText(d))
	}
	for _, k := range keys {
		if !strings.Contains(text.String(), marked[k]) {
			t.Errorf("label %q is never printed", k)
		}
	}
	for _, lang := range templates.Languages() {
		for _, d := range labelSamples(t, templates.Options{Lang: lang}) {
			if text := doctest.AllText(d); strings.Contains(text, "‹") {
				t.Errorf("%s pack asks for a missing label:\n%s", lang, text)
			}
		}
	}
}

func TestAssessmentEnglishLabelsHaveNoChinese(t *testing.T) {
	l, err := templates.LoadLabels("assessment", "en")
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range l {
		for _, r := range v {
			if isCJK(r) {
				t.Errorf("en label %s = %q holds %q", k, v, r)
				break
			}
		}
	}
}
