package templates

import "time"

// Options are the settings every template takes.
type Options struct {
	// Lang is the label language: "zh-TW" (default) or "en".
	Lang string
	// Labels override single labels by key (from the user's TOML file).
	Labels map[string]string
	// Landscape lays the pages out in A4 landscape instead of portrait.
	Landscape bool
	// Date is the document's date (metadata); zero means the backends'
	// fixed default, so output stays reproducible.
	Date time.Time
}

// LabelsFor loads the labels of a document kind in the options' language
// with the user's overrides for that kind applied (see OverrideFor).
func (o Options) LabelsFor(kind string) (Labels, error) {
	lang := o.Lang
	if lang == "" {
		lang = "zh-TW"
	}
	l, err := LoadLabels(kind, lang)
	if err != nil {
		return nil, err
	}
	if err := l.OverrideFor(kind, o.Labels); err != nil {
		return nil, err
	}
	return l, nil
}
