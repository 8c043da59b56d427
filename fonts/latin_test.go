package fonts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIsLatin(t *testing.T) {
	tests := []struct {
		r    rune
		want bool
	}{
		{' ', true}, {'A', true}, {'z', true}, {'0', true}, {'-', true}, {'~', true},
		{'\n', false}, {0x7F, false}, {0x85, false}, {0x9F, false},
		{0xA0, true}, {'é', true}, {'×', true}, {'·', true}, {'ÿ', true},
		{0x0100, false}, {0x2011, false}, // Ā, non-breaking hyphen (not in the faces)
		{'‐', true}, {'–', true}, {'—', true}, {'‘', true}, {'’', true}, {'“', true}, {'”', true},
		{'•', true}, {'…', true}, {'‰', true}, {'‹', true}, {'›', true}, {'€', true}, {'™', true},
		{'―', false}, {'‧', false}, {'※', false}, {'℃', false}, {'√', false},
		{'、', false}, {'。', false}, {'「', false}, {'，', false}, {'（', false}, {'Ａ', false}, {'行', false},
		{-1, false}, {0x10FFFF, false},
	}
	for _, tt := range tests {
		if got := IsLatin(tt.r); got != tt.want {
			t.Errorf("IsLatin(%q %U) = %v, want %v", tt.r, tt.r, got, tt.want)
		}
	}
}

// TestDefaultLatin checks the embedded Latin faces against IsLatin: they
// have every Latin character and nothing else.
func TestDefaultLatin(t *testing.T) {
	regular, err := DefaultLatin()
	if err != nil {
		t.Fatal(err)
	}
	bold, err := DefaultLatinBold()
	if err != nil {
		t.Fatal(err)
	}
	if regular.Name != LatinName || bold.Name != LatinBoldName || regular.Source != "embedded" || bold.Source != "embedded" {
		t.Errorf("names %q %q, sources %q %q", regular.Name, bold.Name, regular.Source, bold.Source)
	}
	if bold.SyntheticBold || &bold.Data[0] == &regular.Data[0] {
		t.Error("the embedded Latin bold is not a face of its own")
	}
	if g, _ := DefaultLatin(); g != regular {
		t.Error("DefaultLatin() parsed twice: want the same *Face on every call")
	}
	for _, f := range []*Face{regular, bold} {
		n := 0
		for r := rune(0); r <= MaxRune; r++ {
			if IsLatin(r) {
				n++
			}
			if IsLatin(r) != f.Has(r) {
				t.Errorf("%s: IsLatin(%U) = %v but Has = %v", f.Name, r, IsLatin(r), f.Has(r))
			}
		}
		if f.Len() != n || n != 213 {
			t.Errorf("%s maps %d characters; IsLatin counts %d; LATIN.md says 213", f.Name, f.Len(), n)
		}
		// The name table carries the new name (no Reserved Font Name).
		if got := familyName(tableData(f.Data, mustDirectory(t, f.Data), "name")); got != LatinName {
			t.Errorf("%s: family name in the file is %q, want %q", f.Name, got, LatinName)
		}
	}
	m, err := regular.Metrics()
	if err != nil {
		t.Fatal(err)
	}
	// Times New Roman's widths, in 2048ths of an em.
	for r, want := range map[rune]int{'-': 682, '1': 1024, 'A': 1479, ' ': 512, '–': 1024} {
		if got := m.Advance(m.Glyph(r)); got != want {
			t.Errorf("advance of %q = %d, want %d", r, got, want)
		}
	}
}

func mustDirectory(t *testing.T, data []byte) []record {
	t.Helper()
	recs, err := readDirectory(data, 0)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestDefaultSetLatin(t *testing.T) {
	s, err := DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	kai, _ := Default()
	latin, _ := DefaultLatin()
	latinBold, _ := DefaultLatinBold()
	if s.Regular != kai || s.Latin != latin || s.LatinBold != latinBold {
		t.Fatalf("DefaultSet: regular %v, Latin %v, LatinBold %v", s.Regular, s.Latin, s.LatinBold)
	}
	tests := []struct {
		r         rune
		bold      bool
		name      string
		synthetic bool
	}{
		{'A', false, LatinName, false},
		{'-', false, LatinName, false},
		{'1', false, LatinName, false},
		{'é', false, LatinName, false},
		{'“', false, LatinName, false},
		{'A', true, LatinBoldName, false}, // a real bold: no stroke
		{'1', true, LatinBoldName, false},
		{'行', false, DefaultName, false},
		{'行', true, DefaultName, true},
		{'，', false, DefaultName, false},
		{'‧', false, DefaultName, false},
		{'Ａ', false, DefaultName, false},
	}
	for _, tt := range tests {
		f := s.Face(tt.r, tt.bold)
		if f == nil || f.Name != tt.name || f.SyntheticBold != tt.synthetic {
			t.Errorf("Face(%q, bold=%v) = %v; want %s synthetic=%v", tt.r, tt.bold, f, tt.name, tt.synthetic)
		}
	}
	if got := len(s.Faces()); got != 2 || s.Faces()[1] != latin {
		t.Errorf("Faces() = %v; want TW-Kai and OCS Serif", s.Faces())
	}
}

func TestWithLatin(t *testing.T) {
	parse := func(tf testFont) *Face {
		t.Helper()
		f, err := ParseFile(tf.family+".ttf", tf.build(), 0)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	main := parse(testFont{family: "Main", chars: []rune{'A', 'B', 'é', '甲'}})
	latin := parse(testFont{family: "Main", chars: []rune{'A', 'B', '2', '甲'}}) // named like main
	latinBold := parse(testFont{family: "Main", chars: []rune{'A'}})            // named like latin; lacks B
	fb := parse(testFont{family: "Main-2", chars: []rune{'C'}})

	base, err := NewSet(main, nil, fb)
	if err != nil {
		t.Fatal(err)
	}
	withLatin := func(s *Set, latin, bold *Face) *Set {
		t.Helper()
		w, err := s.WithLatin(latin, bold)
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	s := withLatin(base, latin, latinBold)
	if base.Latin != nil || s.Regular != main || len(s.Fallbacks) != 1 {
		t.Fatalf("WithLatin changed its receiver or lost faces")
	}
	if s.Latin.Name != "Main-2" || s.LatinBold.Name != "Main Bold" || s.Fallbacks[0].Name != "Main-2-2" || latin.Name != "Main" {
		t.Errorf("names: Latin %q, LatinBold %q, fallback %q; want Main-2, Main Bold, Main-2-2",
			s.Latin.Name, s.LatinBold.Name, s.Fallbacks[0].Name)
	}
	tests := []struct {
		r         rune
		bold      bool
		name      string
		synthetic bool
	}{
		{'A', false, "Main-2", false},
		{'A', true, "Main Bold", false},
		{'B', true, "Main-2", true},   // the Latin bold lacks it: Latin, emboldened
		{'é', false, "Main", false},   // the Latin face lacks it: the main face
		{'2', false, "Main-2", false}, // the main face lacks it
		{'甲', false, "Main", false},   // not a Latin character, though the Latin face has it
		{'C', true, "Main-2-2", true},
	}
	for _, tt := range tests {
		f := s.Face(tt.r, tt.bold)
		if f == nil || f.Name != tt.name || f.SyntheticBold != tt.synthetic {
			t.Errorf("Face(%q, bold=%v) = %v; want %s synthetic=%v", tt.r, tt.bold, f, tt.name, tt.synthetic)
			continue
		}
		if s.Face(tt.r, tt.bold) != f {
			t.Errorf("Face(%q, bold=%v) returns a new *Face each call", tt.r, tt.bold)
		}
	}
	// Without a bold Latin face, bold Latin text is Latin emboldened.
	syn := withLatin(base, latin, nil)
	if f := syn.Face('A', true); f != syn.LatinBold || !f.SyntheticBold || &f.Data[0] != &latin.Data[0] {
		t.Errorf("bold A without a Latin bold = %v; want Latin, synthetic", f)
	}
	if none := withLatin(s, nil, nil); none.Latin != nil || none.Face('A', false) != main {
		t.Error("WithLatin(nil, nil) kept the Latin face")
	}
	if _, err := (&Set{}).WithLatin(latin, nil); err == nil {
		t.Error("WithLatin on a Set without a regular face succeeded")
	}

	rep := Check(s, texts("code", "AB2é甲C"))
	var uses []string
	for _, u := range rep.Faces {
		uses = append(uses, u.Face.Name+"="+string(rune('0'+u.Chars)))
	}
	if got := strings.Join(uses, " "); got != "Main=2 Main-2=3 Main-2-2=1" {
		t.Errorf("report faces %q; want Main=2 Main-2=3 Main-2-2=1", got)
	}
	if len(rep.Fallback) != 1 || rep.Fallback[0].Rune != 'C' {
		t.Errorf("Fallback = %+v; want only C", rep.Fallback)
	}
}

func TestConfigLatin(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, tf testFont) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, tf.build(), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	main := write("main.ttf", testFont{family: "Main", chars: []rune{'A', '1', '-', '行'}})
	times := write("times.ttf", testFont{family: "Times", chars: []rune{'A', '1', '-'}})
	bad := write("bad.ttf", testFont{family: "Bad", chars: []rune{'A'}, fsType: 0x0002})
	kai, _ := Default()
	latin, _ := DefaultLatin()

	tests := []struct {
		name       string
		c          Config
		latin, cjk string // faces that draw 'A' and '行'
		bold       string // face that draws bold 'A'
	}{
		{"default", Config{}, LatinName, DefaultName, LatinBoldName},
		{"none", Config{Latin: NoLatin}, DefaultName, DefaultName, DefaultName},
		{"user font keeps the companion", Config{Font: main}, LatinName, "Main", LatinBoldName},
		{"user font, none", Config{Font: main, Latin: NoLatin}, "Main", "Main", "Main"},
		{"user Latin font", Config{Latin: times}, "Times", DefaultName, "Times"},
	}
	for _, tt := range tests {
		s, err := tt.c.Load()
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		for _, c := range []struct {
			r    rune
			bold bool
			want string
		}{{'A', false, tt.latin}, {'-', false, tt.latin}, {'1', false, tt.latin}, {'行', false, tt.cjk}, {'A', true, tt.bold}} {
			if f := s.Face(c.r, c.bold); f == nil || f.Name != c.want {
				t.Errorf("%s: Face(%q, bold=%v) = %v, want %s", tt.name, c.r, c.bold, f, c.want)
			}
		}
	}
	s, _ := Config{}.Load()
	if s.Regular != kai || s.Latin != latin {
		t.Error("Config{}.Load() does not use the embedded faces")
	}
	s, _ = Config{Latin: times}.Load()
	if f := s.Face('A', true); !f.SyntheticBold || f.Source != times {
		t.Errorf("bold A with a user Latin font = %v; want it emboldened", f)
	}
	for _, spec := range []string{bad, filepath.Join(dir, "missing.ttf")} {
		_, err := Config{Latin: spec}.Load()
		if err == nil || !strings.HasPrefix(err.Error(), "Latin font "+spec) {
			t.Errorf("Latin %s: error %v; want one naming the Latin font", spec, err)
		}
	}
}

// Cover adds system fallbacks and keeps the Latin faces.
func TestCoverKeepsLatin(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "TW-Kai-98_1.ttf"), testFont{family: "TW-Kai", chars: []rune{'䶶'}}.build(), 0o644); err != nil {
		t.Fatal(err)
	}
	base, err := Config{System: true, SystemDirs: []string{dir}}.Load()
	if err != nil {
		t.Fatal(err)
	}
	rep := base.Cover(texts("a", "A䶶"))
	if !rep.OK() || rep.Set == base || len(rep.Set.Fallbacks) != 1 {
		t.Fatalf("Cover: OK=%v fallbacks %v", rep.OK(), rep.Set.Fallbacks)
	}
	if rep.Set.Latin != base.Latin || rep.Set.LatinBold != base.LatinBold || rep.Set.Face('A', true) != base.LatinBold {
		t.Error("Cover lost the Latin faces")
	}
	if len(rep.Faces) != 2 || rep.Faces[0].Face != base.Latin || rep.Faces[1].Face.Name != "TW-Kai-2" {
		t.Errorf("report faces %+v; want OCS Serif 1, TW-Kai-2 1", rep.Faces)
	}
}
