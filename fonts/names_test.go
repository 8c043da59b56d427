package fonts

import "testing"

// TestRosterNamesEmbedded checks that names with characters outside Big5
// (堃 U+5803, 喆 U+5586) are drawn by the embedded TW-Kai alone: no
// fallback and no system font.
func TestRosterNamesEmbedded(t *testing.T) {
	s, err := Config{}.Load()
	if err != nil {
		t.Fatal(err)
	}
	rep := s.Cover(texts(
		"candidate[0].name", "陳志堃",
		"candidate[1].name", "林喆",
		"candidate[2].name", "王小明",
	))
	if !rep.OK() || len(rep.Fallback) != 0 || len(rep.Set.Fallbacks) != 0 {
		t.Fatalf("missing %v, fallback %v; want every name from the embedded face", rep.Missing, rep.Fallback)
	}
	for _, r := range "堃喆" {
		if f := rep.Set.Face(r, false); f == nil || f.Source != "embedded" {
			t.Errorf("%c U+%04X drawn by %v; want the embedded TW-Kai", r, r, f)
		}
		if f := rep.Set.Face(r, true); f == nil || f.Source != "embedded" || !f.SyntheticBold {
			t.Errorf("bold %c U+%04X drawn by %v; want the embedded TW-Kai, emboldened", r, r, f)
		}
	}
}
