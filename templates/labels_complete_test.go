package templates_test

import (
	"slices"
	"testing"

	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

// Every label file defines every language, and each language the same
// keys.
func TestLabelFilesComplete(t *testing.T) {
	for _, kind := range templates.Kinds() {
		keys := doctest.LabelKeys(t, kind)
		for _, lang := range templates.Languages() {
			if len(keys[lang]) == 0 {
				t.Errorf("labels/%s.toml has no [%s] table", kind, lang)
			}
			if !slices.Equal(keys[lang], keys["zh-TW"]) {
				t.Errorf("labels/%s.toml: [%s] keys %q differ from [zh-TW] keys %q", kind, lang, keys[lang], keys["zh-TW"])
			}
		}
	}
}
