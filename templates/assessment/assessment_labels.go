package assessment

import (
	"maps"
	"sync"

	"github.com/ocs-project/ocs/templates"
)

// assessmentLabelCache holds the parsed labels of each language, so that a
// batch of packs parses the label file once.
var assessmentLabelCache sync.Map // language → Labels

// baseAssessmentLabels returns the assessment labels of a language, as
// shipped. The result is shared: callers must not change it.
func baseAssessmentLabels(lang string) (templates.Labels, error) {
	if l, ok := assessmentLabelCache.Load(lang); ok {
		return l.(templates.Labels), nil
	}
	l, err := templates.LoadLabels("assessment", lang)
	if err != nil {
		return nil, err
	}
	assessmentLabelCache.Store(lang, l)
	return l, nil
}

// assessmentLabels returns the labels of the options' language with the
// user's overrides applied.
func assessmentLabels(opt templates.Options) (templates.Labels, error) {
	base, err := baseAssessmentLabels(packLang(opt))
	if err != nil {
		return nil, err
	}
	l := maps.Clone(base)
	if err := l.OverrideFor("assessment", opt.Labels); err != nil {
		return nil, err
	}
	return l, nil
}

// packLang returns the document language of the options.
func packLang(opt templates.Options) string {
	if opt.Lang == "" {
		return "zh-TW"
	}
	return opt.Lang
}
