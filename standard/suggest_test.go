package standard

import "testing"

func TestSuggest(t *testing.T) {
	keys := []string{"code", "title", "level", "attitudes", "outputs", "indicators", "knowledge", "skills", "block"}
	tests := map[string]string{
		"indicator": "indicators", "titel": "title", "knowlege": "knowledge", "Title": "title",
		"skill": "skills", "blocks": "block", "output": "outputs", "lvl": "level", "name": "", "description": "",
		"attitude": "attitudes", "x": "", "": "",
	}
	for in, want := range tests {
		if got := suggest(in, keys); got != want {
			t.Errorf("suggest(%q) = %q, want %q", in, got, want)
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
