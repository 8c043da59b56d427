package fonts

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

func TestTaiwanFace(t *testing.T) {
	face := func(family string) []byte { return testFont{family: family, chars: []rune{'中'}}.build() }
	// A face whose only name record is in Chinese (Taiwan).
	zhTW := face("某體")
	recs, err := readDirectory(zhTW, 0)
	if err != nil {
		t.Fatal(err)
	}
	name := tableData(zhTW, recs, "name")
	binary.BigEndian.PutUint16(name[10:], langTaiwan)
	tests := []struct {
		name  string
		faces [][]byte
		want  int
	}{
		{"Noto order", [][]byte{face("Noto Serif CJK JP"), face("Noto Serif CJK KR"), face("Noto Serif CJK SC"),
			face("Noto Serif CJK TC"), face("Noto Serif CJK HK")}, 3},
		{"AR PL order", [][]byte{face("AR PL UKai CN"), face("AR PL UKai HK"), face("AR PL UKai TW"), face("AR PL UKai TW MBE")}, 2},
		{"Hong Kong before mainland", [][]byte{face("Sans SC"), face("Sans HK")}, 1},
		{"Taiwanese name record", [][]byte{face("Sans SC"), zhTW}, 1},
		{"one region", [][]byte{face("MingLiU"), face("PMingLiU")}, 0},
		{"TC is a word, not a part", [][]byte{face("Sans SC"), face("ATCSans")}, 0},
	}
	for _, tt := range tests {
		if got := taiwanFace(collection(tt.faces...)); got != tt.want {
			t.Errorf("%s: taiwanFace = %d, want %d", tt.name, got, tt.want)
		}
	}
}

// TestCoverSystemOrder checks that system fallbacks take Kai faces
// first, then the Taiwanese face of a collection, then the others, and
// that characters above U+FFFF come from TW-Kai's Ext-B face when the
// backend draws them.
func TestCoverSystemOrder(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Every font has U+E000; the Kai and Ming ones a character of their own,
	// from the Private Use Area, which TW-Kai has none of.
	const ming1, ming2, kai = '\uE001', '\uE002', '\uE003'
	write("wqy-zenhei.ttc", collection(testFont{family: "WenQuanYi Zen Hei", chars: []rune{'\uE000', ming1, 0x21619}}.build()))
	write("uming.ttc", collection(
		testFont{family: "AR PL UMing CN", chars: []rune{'\uE000', ming1, ming2}}.build(),
		testFont{family: "AR PL UMing TW", chars: []rune{'\uE000', ming1, ming2}}.build()))
	write("ukai.ttc", collection(
		testFont{family: "AR PL UKai CN", chars: []rune{'\uE000', kai}}.build(),
		testFont{family: "AR PL UKai TW", chars: []rune{'\uE000', kai}}.build()))
	write("TW-Kai-Ext-B-98_1.ttf", testFont{family: "TW-Kai-ExtB", chars: []rune{0x21619}}.build())

	for _, tt := range []struct {
		max  rune
		want string
	}{
		{0, "AR PL UKai TW: \uE000 \uE003; AR PL UMing TW: \uE001 \uE002"},
		{unicode.MaxRune, "TW-Kai-ExtB: 𡘙; AR PL UKai TW: \uE000 \uE003; AR PL UMing TW: \uE001 \uE002"},
	} {
		s, err := Config{System: true, SystemDirs: []string{dir}, MaxRune: tt.max}.Load()
		if err != nil {
			t.Fatal(err)
		}
		rep := s.Cover(texts("name", "\uE000\uE001\uE002\uE003𡘙"))
		var got []string
		for _, f := range rep.Set.Fallbacks {
			var cs []string
			for _, c := range rep.Fallback {
				if c.Face == f {
					cs = append(cs, string(c.Rune))
				}
			}
			got = append(got, f.Name+": "+strings.Join(cs, " "))
		}
		if strings.Join(got, "; ") != tt.want {
			t.Errorf("MaxRune %#x: fallbacks %q, want %q", tt.max, strings.Join(got, "; "), tt.want)
		}
		if tt.max == 0 && (len(rep.Missing) != 1 || rep.Missing[0].Holder == nil || rep.Missing[0].Holder.Name != "TW-Kai-ExtB") {
			t.Errorf("MaxRune U+FFFF: Missing = %+v; want 𡘙 held by TW-Kai-ExtB", rep.Missing)
		}
		if tt.max != 0 && !rep.OK() {
			t.Errorf("MaxRune %#x: missing %+v", tt.max, rep.Missing)
		}
	}
}

// TestSystemExtB checks, when Debian's fonts-cns11643-kai is installed,
// that 𡘙 (U+21619, in names) comes from TW-Kai's Ext-B face.
func TestSystemExtB(t *testing.T) {
	systemFontFile(t, "TW-Kai-Ext-B-98_1.ttf", "fonts-cns11643-kai")
	s, err := Config{System: true, MaxRune: unicode.MaxRune}.Load()
	if err != nil {
		t.Fatal(err)
	}
	rep := s.Cover(texts("candidate[0].name", "林𡘙"))
	if !rep.OK() || len(rep.Fallback) != 1 || rep.Fallback[0].Rune != 0x21619 ||
		!strings.HasSuffix(rep.Fallback[0].Face.Source, "TW-Kai-Ext-B-98_1.ttf") {
		t.Fatalf("𡘙: missing %+v, fallback %+v; want it from TW-Kai-Ext-B-98_1.ttf", rep.Missing, rep.Fallback)
	}
	f := rep.Set.Face(0x21619, false)
	m, err := f.Metrics()
	if err != nil {
		t.Fatal(err)
	}
	if gid := m.Glyph(0x21619); gid == 0 || m.Advance(gid) == 0 {
		t.Errorf("𡘙 maps to glyph %d, advance %d, in %s", gid, m.Advance(gid), f)
	}
	sub, err := f.Subset([]rune{0x21619})
	if err != nil || !sub.Has(0x21619) || sub.Len() != 1 {
		t.Errorf("subset of 𡘙: %v, %v", sub, err)
	}
}

// TestLoadFileTaiwanFace checks that a collection given without a face
// index gives its Taiwanese face, and its Source says which.
func TestLoadFileTaiwanFace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cjk.ttc")
	ttc := collection(testFont{family: "Sans CJK JP", chars: []rune{'中'}}.build(),
		testFont{family: "Sans CJK TC", chars: []rune{'中'}}.build())
	if err := os.WriteFile(path, ttc, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ spec, name, source string }{
		{path, "Sans CJK TC", path + "#1"},
		{path + "#0", "Sans CJK JP", path + "#0"},
		{path + "#1", "Sans CJK TC", path + "#1"},
	} {
		f, err := LoadFile(tt.spec)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name != tt.name || f.Source != tt.source {
			t.Errorf("LoadFile(%s) = %q from %s; want %q from %s", tt.spec, f.Name, f.Source, tt.name, tt.source)
		}
	}
}
