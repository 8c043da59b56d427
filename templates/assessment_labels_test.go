package templates

import (
	"slices"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
)

func TestAssessmentLabelsComplete(t *testing.T) {
	keys := labelKeys(t, "assessment")
	for _, lang := range Languages() {
		if len(keys[lang]) == 0 {
			t.Errorf("labels/assessment.toml has no [%s] table", lang)
		}
		if !slices.Equal(keys[lang], keys["zh-TW"]) {
			t.Errorf("[%s] keys differ from [zh-TW]: %q vs %q", lang, keys[lang], keys["zh-TW"])
		}
	}
}

// labelSamples builds packs that together print every label: numeric and
// pass/fail scales, blank and filled-in candidates, whole and partial
// scopes, parts with nothing to show, gaps in the mapping, and a job
// category without an attitude matrix.
func labelSamples(t *testing.T, opt Options) []*render.Document {
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
	keys := labelKeys(t, "assessment")["zh-TW"]
	marked := map[string]string{}
	for _, k := range keys {
		marked[k] = "⟦" + k + "⟧"
	}
	var text strings.Builder
	for _, d := range labelSamples(t, Options{Labels: marked}) {
		text.WriteString(allText(d))
	}
	for _, k := range keys {
		if !strings.Contains(text.String(), marked[k]) {
			t.Errorf("label %q is never printed", k)
		}
	}
	for _, lang := range Languages() {
		for _, d := range labelSamples(t, Options{Lang: lang}) {
			if text := allText(d); strings.Contains(text, "‹") {
				t.Errorf("%s pack asks for a missing label:\n%s", lang, text)
			}
		}
	}
}

func TestAssessmentEnglishLabelsHaveNoChinese(t *testing.T) {
	l, err := LoadLabels("assessment", "en")
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
