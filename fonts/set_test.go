package fonts

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ocs-project/ocs/internal/testtool"
)

func TestSetFace(t *testing.T) {
	parse := func(tf testFont) *Face {
		t.Helper()
		f, err := ParseFile(tf.family+".ttf", tf.build(), 0)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	regular := parse(testFont{family: "Main", chars: []rune{'A', 'B', '甲'}})
	bold := parse(testFont{family: "Main Bold", chars: []rune{'A', '甲'}}) // lacks B
	fb1 := parse(testFont{family: "Main", chars: []rune{'C'}})            // same name as regular
	fb2 := parse(testFont{family: "Other", chars: []rune{'C', 'D', 0x20000}})
	s, err := NewSet(regular, bold, fb1, fb2)
	if err != nil {
		t.Fatal(err)
	}
	if s.Bold.Name != "Main" || s.Bold.SyntheticBold || bold.Name != "Main Bold" {
		t.Errorf("Bold = %q synthetic %v; want the real bold named Main, the original untouched", s.Bold.Name, s.Bold.SyntheticBold)
	}
	if s.Fallbacks[0].Name != "Main-2" || fb1.Name != "Main" || s.Fallbacks[1] != fb2 {
		t.Errorf("fallback names %q, %q", s.Fallbacks[0].Name, s.Fallbacks[1].Name)
	}
	tests := []struct {
		r         rune
		bold      bool
		name      string
		synthetic bool
	}{
		{'A', false, "Main", false},
		{'A', true, "Main", false}, // the real bold
		{'B', true, "Main", true},  // the bold lacks it: regular, emboldened
		{'C', false, "Main-2", false},
		{'C', true, "Main-2", true},
		{'D', true, "Other", true},
		{0x20000, false, "", false}, // above MaxRune: never served
		{'E', false, "", false},
	}
	for _, tt := range tests {
		f := s.Face(tt.r, tt.bold)
		if tt.name == "" {
			if f != nil {
				t.Errorf("Face(%U, %v) = %v, want nil", tt.r, tt.bold, f)
			}
			continue
		}
		if f == nil || f.Name != tt.name || f.SyntheticBold != tt.synthetic {
			t.Errorf("Face(%U, %v) = %v; want %s synthetic=%v", tt.r, tt.bold, f, tt.name, tt.synthetic)
			continue
		}
		if g := s.Face(tt.r, tt.bold); g != f {
			t.Errorf("Face(%U, %v) returns a new *Face each call", tt.r, tt.bold)
		}
	}
	if s.Face('B', true).Data == nil || &s.Face('B', true).Data[0] != &regular.Data[0] {
		t.Error("synthetic bold does not share the regular face's Data")
	}
	if got := len(s.Faces()); got != 3 {
		t.Errorf("Faces() has %d faces, want 3", got)
	}
	if _, err := NewSet(nil, nil); err == nil {
		t.Error("NewSet(nil, nil) succeeded")
	}
}

func TestConfigLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, tf testFont) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, tf.build(), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	main := write("main.ttf", testFont{family: "Main", chars: []rune{'A'}})
	bold := write("bold.ttf", testFont{family: "Main Bold", chars: []rune{'A'}})
	fb := write("fb.ttf", testFont{family: "Fallback", chars: []rune{'B'}})
	bad := write("bad.ttf", testFont{family: "Bad", chars: []rune{'B'}, fsType: 0x0002})

	s, err := Config{}.Load()
	if err != nil {
		t.Fatal(err)
	}
	if def, _ := Default(); s.Regular != def || !s.Bold.SyntheticBold || len(s.Fallbacks) != 0 {
		t.Errorf("Config{}.Load() is not the embedded face with synthetic bold")
	}
	s, err = Config{Font: main, Bold: bold, Fallbacks: []string{fb, main, fb}}.Load()
	if err != nil {
		t.Fatal(err)
	}
	if s.Regular.Source != main || s.Bold.Source != bold || s.Bold.SyntheticBold || len(s.Fallbacks) != 1 || s.Fallbacks[0].Name != "Fallback" {
		t.Errorf("Load: regular %v bold %v fallbacks %v; duplicates should be dropped", s.Regular, s.Bold, s.Fallbacks)
	}
	s, err = Config{Bold: bold}.Load()
	if err != nil || s.Regular.Name != DefaultName || s.Bold.Source != bold {
		t.Errorf("embedded regular with a real bold: %v, %v", s, err)
	}
	for _, c := range []Config{{Font: bad}, {Bold: bad}, {Fallbacks: []string{bad}}, {Font: filepath.Join(dir, "none.ttf")}} {
		if _, err := c.Load(); err == nil {
			t.Errorf("%+v: Load succeeded with an unusable font", c)
		}
	}
}

// TestInstalledFallbacks uses the 全字庫 fonts of the Debian package
// fonts-cns11643-kai when they are installed.
func TestInstalledFallbacks(t *testing.T) {
	found := FindSystemFonts(SystemFontDirs())
	var kai, extB bool
	for _, p := range found {
		kai = kai || filepath.Base(p) == "TW-Kai-98_1.ttf"
		extB = extB || filepath.Base(p) == "TW-Kai-Ext-B-98_1.ttf"
	}
	if !kai || !extB {
		testtool.Missing(t, "the 全字庫 fonts TW-Kai-98_1.ttf and TW-Kai-Ext-B-98_1.ttf", "apt-get install fonts-cns11643-kai")
	}
	base, err := Config{System: true}.Load()
	if err != nil {
		t.Fatal(err)
	}
	// 㐀 U+3400 (CJK Extension A) is in the embedded subset, which has every
	// character of the full TW-Kai, so that face is never needed; 𠀀 U+20000
	// is in TW-Kai-Ext-B, above what this Set draws.
	rep := base.Cover(texts("duty[0].title", "㐀𠀀"))
	if len(rep.Set.Fallbacks) != 0 {
		t.Fatalf("fallbacks %v; want none", rep.Set.Fallbacks)
	}
	if f := rep.Set.Face('㐀', false); f == nil || f.Source != "embedded" {
		t.Errorf("㐀 U+3400 drawn by %v; want the embedded TW-Kai", f)
	}
	if len(rep.Missing) != 1 || rep.Missing[0].Rune != 0x20000 || rep.Missing[0].Holder == nil ||
		filepath.Base(rep.Missing[0].Holder.Source) != "TW-Kai-Ext-B-98_1.ttf" {
		t.Errorf("Missing = %+v; want 𠀀 held by TW-Kai-Ext-B", rep.Missing)
	}
}

// A Set written as a literal, without NewSet, still answers.
func TestSetLiteral(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s := &Set{Regular: def}
	if f := s.Face('職', true); f == nil || !f.SyntheticBold || f.Name != DefaultName {
		t.Errorf("Face(職, bold) = %v; want synthetic bold TW-Kai", f)
	}
	if f := s.Face('職', false); f != def {
		t.Errorf("Face(職) = %v; want the regular face", f)
	}
}
