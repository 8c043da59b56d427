package templates

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/ocs-project/ocs/diag"
)

// Kinds are the document kinds that have labels, in the order messages
// list them.
func Kinds() []string { return []string{"standard", "assessment", "jobdesc", "redline"} }

// Label overrides from a user's file (the [labels] table of a settings
// file, or a --labels file) are a flat map: a plain key ("attitudes")
// applies to every kind that has that label; a key prefixed with a kind
// and a dot ("assessment.col_task") applies to that kind only. A plain
// key that only other kinds know is left alone by a kind's template, so
// one settings file serves every document.

// kindLabelKeys returns the label keys of each kind (from the zh-TW
// files; every language defines the same keys).
var kindLabelKeys = sync.OnceValues(func() (map[string]map[string]bool, error) {
	out := make(map[string]map[string]bool)
	for _, kind := range Kinds() {
		l, err := LoadLabels(kind, "zh-TW")
		if err != nil {
			return nil, err
		}
		out[kind] = make(map[string]bool, len(l))
		for k := range l {
			out[kind][k] = true
		}
	}
	return out, nil
})

// OverrideFor applies the user's overrides to the labels of kind: plain
// keys this kind has, and keys prefixed with "kind.". A key no kind has,
// or a prefixed key its kind does not have, is an error naming the keys
// that exist.
func (l Labels) OverrideFor(kind string, with map[string]string) error {
	if len(with) == 0 {
		return nil // nothing to check: spares decoding every kind's labels
	}
	known, err := kindLabelKeys()
	if err != nil {
		return err
	}
	mine := make(map[string]string)
	for k, v := range with {
		if pre, key, ok := strings.Cut(k, "."); ok && known[pre] != nil {
			if pre == kind {
				mine[key] = v
			} else if !known[pre][key] {
				mine[k] = v // reported below as unknown
			}
			continue
		}
		if _, ok := l[k]; ok || !labelOfAnyKind(known, k) {
			mine[k] = v
		}
	}
	return l.Override(mine)
}

// labelOfAnyKind reports whether some kind has the label key.
func labelOfAnyKind(known map[string]map[string]bool, key string) bool {
	for _, keys := range known {
		if keys[key] {
			return true
		}
	}
	return false
}

// LabelOverrides checks the label overrides of a user's TOML file, found
// at path in doc (a [labels] table, or the whole of a --labels file; nil
// when there is none):
// every value a string, every key a label of some kind, and sub-tables
// named after a kind ([labels.assessment]) holding labels of that kind.
// It returns the overrides as a flat map (see OverrideFor) and a problem,
// at its line, for every key that is wrong.
func LabelOverrides(doc *diag.Doc, path string, value any) (map[string]string, diag.Problems) {
	if value == nil {
		return nil, nil
	}
	known, err := kindLabelKeys()
	if err != nil {
		return nil, diag.Problems{doc.Error(path, err.Error(), "")}
	}
	raw, ok := value.(map[string]any)
	if !ok {
		return nil, diag.Problems{doc.Error(path, fmt.Sprintf("%s must be a table of label = \"text\" entries, not %s", diag.KeyName(path), diag.Describe(value)),
			fmt.Sprintf(`write a line [%s], then label = "text" lines`, path))}
	}
	out := make(map[string]string, len(raw))
	var ps diag.Problems
	for _, k := range sortedKeys(raw) {
		kp := diag.JoinKey(path, k)
		switch v := raw[k].(type) {
		case string:
			if !labelOfAnyKind(known, k) {
				ps = append(ps, UnknownLabel(doc, kp, k, allLabelKeys(known), ""))
				continue
			}
			out[k] = v
		case map[string]any:
			keys, ok := known[k]
			if !ok {
				ps = append(ps, doc.Error(kp, fmt.Sprintf("%s is a table, but only the document kinds %s take a table of labels", diag.KeyName(kp), strings.Join(Kinds(), ", ")),
					"write labels as key = \"text\", or in a table such as [labels."+Kinds()[0]+"] (one per document kind)"))
				continue
			}
			for _, lk := range sortedKeys(v) {
				lp := diag.JoinKey(kp, lk)
				s, isStr := v[lk].(string)
				switch {
				case !isStr:
					ps = append(ps, doc.Error(lp, fmt.Sprintf("label %s must be a string, not %s", lk, diag.Describe(v[lk])), fmt.Sprintf(`write it in quotes: %s = "…"`, lk)))
				case !keys[lk]:
					ps = append(ps, UnknownLabel(doc, lp, lk, slices.Sorted(maps.Keys(keys)), k))
				default:
					out[k+"."+lk] = s
				}
			}
		default:
			ps = append(ps, doc.Error(kp, fmt.Sprintf("label %s must be a string, not %s", k, diag.Describe(v)), fmt.Sprintf(`write it in quotes: %s = "…"`, k)))
		}
	}
	return out, ps
}

// UnknownLabel reports at path in doc a label key that is not among
// known, with the closest known key as the suggestion; kind, when given,
// names the label file to look in.
func UnknownLabel(doc *diag.Doc, path, key string, known []string, kind string) diag.Problem {
	hint := "see the label files templates/labels/*.toml for the keys"
	if kind != "" {
		hint = fmt.Sprintf("see templates/labels/%s.toml for the keys of the %s", kind, kind)
	}
	p := doc.Error(path, fmt.Sprintf("unknown label %q", key), "")
	if p.Suggestion = diag.Suggest(key, known); p.Suggestion == "" {
		p.Hint = hint
	}
	return p
}

// allLabelKeys returns every label key of every kind, sorted, once each.
func allLabelKeys(known map[string]map[string]bool) []string {
	var out []string
	for _, keys := range known {
		for k := range keys {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// sortedKeys returns the keys of a map in order.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// LoadLabelFile reads a --labels file: label overrides as key = "text",
// at the top level or in a [labels] table, optionally per kind in
// [standard], [assessment] or [jobdesc] tables (or [labels.standard]…).
// Problems come back as diag.Problems at their lines.
func LoadLabelFile(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read labels: %w", err)
	}
	return ParseLabelFile(path, data)
}

// ParseLabelFile is LoadLabelFile on text already read; name names it in
// problems.
func ParseLabelFile(name string, data []byte) (map[string]string, error) {
	var raw map[string]any
	doc, ps := diag.Decode(name, data, &raw, diag.Limits{})
	if ps != nil {
		return nil, ps
	}
	path := ""
	if t, ok := raw["labels"].(map[string]any); ok && len(raw) == 1 {
		raw, path = t, "labels"
	}
	out, ps := LabelOverrides(doc, path, raw)
	if len(ps) > 0 {
		return nil, ps
	}
	return out, nil
}
