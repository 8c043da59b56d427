package diag

import (
	"testing"
)

func TestSuggest(t *testing.T) {
	keys := []string{"code", "title", "level", "attitudes", "outputs", "indicators", "knowledge", "skills", "block"}
	tests := map[string]string{
		"indicator": "indicators", "titel": "title", "knowlege": "knowledge", "Title": "title",
		"skill": "skills", "blocks": "block", "output": "outputs", "lvl": "level", "name": "", "description": "",
		"attitude": "attitudes", "x": "", "": "",
	}
	for in, want := range tests {
		if got := Suggest(in, keys); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
	// Other lists: upper-case codes, and words that begin a candidate or
	// that a candidate begins.
	for _, tt := range []struct {
		word       string
		candidates []string
		want       string
	}{
		{"PARTTIME", []string{"FULL_TIME", "PART_TIME"}, "PART_TIME"},
		{"part_time", []string{"FULL_TIME", "PART_TIME"}, "PART_TIME"},
		{"employment", []string{"company", "employment_type"}, "employment_type"},
		{"minimum", []string{"min", "max", "unit"}, "min"},
		{"mapp", []string{"cover", "mapping", "result"}, "mapping"},
		{"T3.7", []string{"T1", "T1.1", "T3", "T3.1", "T3.2"}, "T3.1"},
		{"T1xyz", []string{"T1", "T2"}, ""},
		{"ma", []string{"mapping"}, ""},
	} {
		if got := Suggest(tt.word, tt.candidates); got != tt.want {
			t.Errorf("Suggest(%q, %q) = %q, want %q", tt.word, tt.candidates, got, tt.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{{"", "", 0}, {"abc", "", 3}, {"titel", "title", 1}, {"kitten", "sitting", 3}, {"職業", "職類", 1}}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
