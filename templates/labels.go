// Package templates holds what the document templates share: options,
// labels (the printed words, per kind and language, overridable by the
// user), note runs and Combine. The templates themselves build
// format-neutral documents (render.Document) from normalised standards,
// one package per document kind: table (the official standard table),
// assessment (the assessor's pack, with rosters and assessment settings)
// and jobdesc (job descriptions and postings, with company overlays). A
// template knows the domain and the wording, never the output format.
package templates

import (
	"embed"
	"fmt"
	"maps"
	"sort"
	"strings"
	"sync"

	"github.com/ocs-project/ocs/diag"
)

//go:embed labels/*.toml
var labelFiles embed.FS

// Languages returns the label languages every template supports (a new
// slice on every call).
func Languages() []string { return []string{"zh-TW", "en"} }

// Labels are the words a template prints, by key, in one language. They
// live in embedded data files (labels/KIND.toml, one table per language) so
// wording can change without code.
type Labels map[string]string

// LabelFile returns the embedded label file of a document kind
// (labels/KIND.toml: one table per language), for tools and tests that
// check it.
func LabelFile(kind string) ([]byte, error) {
	return labelFiles.ReadFile("labels/" + kind + ".toml")
}

// LoadLabels returns the labels of a document kind ("standard",
// "assessment", "jobdesc") in a language ("zh-TW" or "en").
func LoadLabels(kind, lang string) (Labels, error) {
	var all map[string]map[string]string
	if v, ok := decodedLabels.Load(kind); ok {
		all = v.(map[string]map[string]string)
	} else {
		data, err := LabelFile(kind)
		if err != nil {
			return nil, fmt.Errorf("no labels for document kind %q", kind)
		}
		if _, ps := diag.Decode("labels/"+kind+".toml", data, &all, diag.Limits{}); ps != nil {
			return nil, ps
		}
		decodedLabels.Store(kind, all)
	}
	l, ok := all[lang]
	if !ok {
		return nil, fmt.Errorf("no %s labels for language %q (choose one of %s)", kind, lang, strings.Join(Languages(), ", "))
	}
	return maps.Clone(Labels(l)), nil // the caller may override some
}

// decodedLabels keeps each embedded label file decoded, by kind: a batch
// decodes it once, not once a document. The maps are never changed.
var decodedLabels sync.Map

// Get returns the label for key. A missing key returns the key in angle
// brackets, so it shows up in review instead of vanishing; tests check that
// every language defines every key.
func (l Labels) Get(key string) string {
	if v, ok := l[key]; ok {
		return v
	}
	return "‹" + key + "›"
}

// Override replaces labels with the user's wording. Unknown keys are an
// error naming the keys that exist, so a typo does not pass silently.
func (l Labels) Override(with map[string]string) error {
	var unknown []string
	for k, v := range with {
		if _, ok := l[k]; !ok {
			unknown = append(unknown, k)
			continue
		}
		l[k] = v
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		known := make([]string, 0, len(l))
		for k := range l {
			known = append(known, k)
		}
		sort.Strings(known)
		return fmt.Errorf("unknown label %s (known labels: %s)", strings.Join(unknown, ", "), strings.Join(known, ", "))
	}
	return nil
}
