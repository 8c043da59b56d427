package templates

import (
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/ocs-project/ocs/standard"
)

// labelKeys returns the label keys of each language of a document kind,
// sorted, and reports empty labels and a missing or extra language.
func labelKeys(t *testing.T, kind string) map[string][]string {
	t.Helper()
	file := "labels/" + kind + ".toml"
	data, err := labelFiles.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var all map[string]map[string]string
	if _, err := toml.Decode(string(data), &all); err != nil {
		t.Fatal(err)
	}
	keys := map[string][]string{}
	for lang, l := range all {
		for k, v := range l {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s [%s] %s is empty", file, lang, k)
			}
			keys[lang] = append(keys[lang], k)
		}
		slices.Sort(keys[lang])
	}
	if len(all) != len(Languages()) {
		t.Errorf("%s has %d languages, want %q", file, len(all), Languages())
	}
	return keys
}

// refs makes K/S references to the given codes, for hand-built standards.
func refs(codes ...string) []standard.Ref {
	out := make([]standard.Ref, len(codes))
	for i, c := range codes {
		out[i] = standard.Ref{Code: c}
	}
	return out
}

// entries makes outputs or indicators with the given texts.
func entries(texts ...string) []standard.Entry {
	out := make([]standard.Entry, len(texts))
	for i, t := range texts {
		out[i] = standard.Entry{Text: t}
	}
	return out
}
