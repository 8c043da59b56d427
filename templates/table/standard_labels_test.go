package table

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

// TestStandardLabelsUsed overrides every label with a marker and checks
// that each marker is printed by one of the sample documents: no label is
// dead wording.
func TestStandardLabelsUsed(t *testing.T) {
	keys := doctest.LabelKeys(t, "standard")["zh-TW"]
	marked := map[string]string{}
	for _, k := range keys {
		marked[k] = "⟦" + k + "⟧"
	}
	noHistory := sampleStandard()
	noHistory.History, noHistory.Updated = nil, "2024/01/02"
	var text strings.Builder
	for _, s := range []*standard.Standard{sampleStandard(), noHistory, englishStandard()} {
		text.WriteString(doctest.AllText(build(t, s, templates.Options{Labels: marked})))
	}
	for _, k := range keys {
		if !strings.Contains(text.String(), marked[k]) {
			t.Errorf("label %q is never printed", k)
		}
	}
}

// noteRef matches the 【註N】 notation of the standard's own text.
var noteRef = regexp.MustCompile(`【註\s*\d+】`)

func TestStandardEnglishHasNoChinese(t *testing.T) {
	zh, err := templates.LoadLabels("standard", "zh-TW")
	if err != nil {
		t.Fatal(err)
	}
	text := doctest.AllText(build(t, englishStandard(), templates.Options{Lang: "en"}))
	for _, r := range noteRef.ReplaceAllString(text, "") {
		if unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) {
			t.Errorf("English document contains %q:\n%s", r, text)
			break
		}
	}
	// A standard in Chinese keeps its own text. Its own text alone is the
	// document with every label blanked out; the English document may hold
	// a zh-TW label's words only as often as that text does.
	blank := map[string]string{}
	for k := range zh {
		blank[k] = "⟦⟧"
	}
	own := doctest.AllText(build(t, sampleStandard(), templates.Options{Labels: blank}))
	text = doctest.AllText(build(t, sampleStandard(), templates.Options{Lang: "en"}))
	for k, v := range zh {
		if strings.ContainsFunc(v, func(r rune) bool { return unicode.Is(unicode.Han, r) }) &&
			strings.Count(text, v) != strings.Count(own, v) {
			t.Errorf("English document prints the zh-TW label %s = %q", k, v)
		}
	}
}
