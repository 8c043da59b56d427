package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"strings"
	"testing"
)

// tinyCFF is testdata/tiny-cff.otf (made by testdata/tiny_cff.py): a
// name-keyed CFF font with boxes for A (advance 600) and 中 (1000).
const tinyCFF = "testdata/tiny-cff.otf"

// tinyFace is the face of testdata/tiny-cff.otf, and the file's bytes.
func tinyFace(t testing.TB) (*Face, []byte) {
	t.Helper()
	data, err := os.ReadFile(tinyCFF)
	if err != nil {
		t.Fatal(err)
	}
	f, err := ParseFile(tinyCFF, data, 0)
	if err != nil {
		t.Fatal(err)
	}
	return f, data
}

func TestParseCFF(t *testing.T) {
	f, data := tinyFace(t)
	if !f.CFF() || f.Name != "Tiny CFF" || !f.Has('A') || !f.Has('中') || f.Has('B') || f.Len() != 2 {
		t.Errorf("face %q CFF %v, A %v 中 %v B %v, %d characters; want Tiny CFF, CFF, A and 中 only",
			f.Name, f.CFF(), f.Has('A'), f.Has('中'), f.Has('B'), f.Len())
	}
	m, err := f.Metrics()
	if err != nil {
		t.Fatal(err)
	}
	if m.UnitsPerEm() != 1000 || m.Glyph('A') != 1 || m.Glyph('中') != 2 || m.Glyph('B') != 0 ||
		m.Advance(1) != 600 || m.Advance(2) != 1000 || m.Advance(0) != 500 {
		t.Errorf("metrics: em %d, A glyph %d advance %d, 中 glyph %d advance %d",
			m.UnitsPerEm(), m.Glyph('A'), m.Advance(1), m.Glyph('中'), m.Advance(2))
	}
	p, err := f.Program()
	if err != nil {
		t.Fatal(err)
	}
	want := Program{CFF: true, PostScriptName: "TinyCFF-Regular", UnitsPerEm: 1000, Ascent: 880, Descent: -120,
		CapHeight: 700, BBox: [4]int{50, -100, 900, 800}}
	got := *p
	got.Table = nil
	if got.CFF != want.CFF || got.CIDKeyed || got.PostScriptName != want.PostScriptName || got.UnitsPerEm != 1000 ||
		got.Ascent != 880 || got.Descent != -120 || got.CapHeight != 700 || got.BBox != want.BBox ||
		got.ItalicAngle != 0 || got.FixedPitch {
		t.Errorf("Program = %+v; want %+v", got, want)
	}
	if len(p.Table) < 4 || p.Table[0] != 1 || !bytes.Contains(data, p.Table) {
		t.Errorf("Table is not the file's CFF table (%d bytes)", len(p.Table))
	}
	if p.CID(2) != 2 {
		t.Errorf("CID(2) = %d; a name-keyed font's CIDs are its glyph indexes", p.CID(2))
	}
	if _, err := f.Subset([]rune("A")); !errors.Is(err, ErrCFF) {
		t.Errorf("Subset of a CFF face: err = %v; want ErrCFF", err)
	}
}

func TestConfigCFF(t *testing.T) {
	_, err := Config{Font: tinyCFF}.Load()
	if !errors.Is(err, ErrCFF) || !strings.Contains(err.Error(), "coming with ocs's own PDF writer") ||
		!strings.Contains(err.Error(), "fontforge") {
		t.Errorf("CFF not accepted: err = %v; want ErrCFF saying support is coming, and how to convert", err)
	}
	s, err := Config{Font: tinyCFF, CFF: true}.Load()
	if err != nil {
		t.Fatal(err)
	}
	if f := s.Face('中', false); f == nil || !f.CFF() {
		t.Errorf("Face(中) = %v; want the CFF face", f)
	}
	if _, err := (Config{Fallbacks: []string{tinyCFF}}).Load(); !errors.Is(err, ErrCFF) {
		t.Errorf("CFF fallback not accepted: err = %v; want ErrCFF", err)
	}
}

// cidCFF returns a CID-keyed CFF table of n empty glyphs whose charset
// (in the given format, 0 to 2) gives glyph g the CID 100+2g.
func cidCFF(n, format int) []byte {
	index := func(objs ...[]byte) []byte {
		out := binary.BigEndian.AppendUint16(nil, uint16(len(objs)))
		out = append(out, 4) // four-byte offsets
		off := uint32(1)
		out = binary.BigEndian.AppendUint32(out, off)
		for _, o := range objs {
			off += uint32(len(o))
			out = binary.BigEndian.AppendUint32(out, off)
		}
		for _, o := range objs {
			out = append(out, o...)
		}
		return out
	}
	i32 := func(v int) []byte { return binary.BigEndian.AppendUint32([]byte{29}, uint32(v)) }
	glyphs := make([][]byte, n)
	for i := range glyphs {
		glyphs[i] = []byte{14} // endchar
	}
	var charset []byte
	switch format {
	case 0:
		charset = []byte{0}
		for g := 1; g < n; g++ {
			charset = binary.BigEndian.AppendUint16(charset, uint16(100+2*g))
		}
	case 1, 2: // one range per glyph, since the CIDs are not consecutive
		charset = []byte{byte(format)}
		for g := 1; g < n; g++ {
			charset = binary.BigEndian.AppendUint16(charset, uint16(100+2*g))
			if format == 1 {
				charset = append(charset, 0)
			} else {
				charset = append(charset, 0, 0)
			}
		}
	}
	header := []byte{1, 0, 4, 4}
	names := index([]byte("CIDTest"))
	// The top DICT's size does not depend on the offsets (all five-byte
	// integers), so build it once to measure, then with the offsets.
	top := func(charStrings, charsetAt int) []byte {
		d := append(append(append(i32(1), i32(2)...), i32(0)...), 12, 30) // ROS
		d = append(append(d, i32(charsetAt)...), 15)
		return append(append(d, i32(charStrings)...), 17)
	}
	strs := index()
	gsubrs := index()
	fixed := len(header) + len(names) + len(index(top(0, 0))) + len(strs) + len(gsubrs)
	cs := index(glyphs...)
	out := append(append([]byte{}, header...), names...)
	out = append(out, index(top(fixed, fixed+len(cs)))...)
	out = append(append(append(out, strs...), gsubrs...), cs...)
	return append(out, charset...)
}

func TestReadCFFCharset(t *testing.T) {
	for format := range 3 {
		info, err := readCFF(cidCFF(5, format), 5)
		if err != nil {
			t.Fatalf("format %d: %v", format, err)
		}
		if !info.cidKeyed || len(info.cids) != 5 || info.cids[0] != 0 || info.cids[1] != 102 || info.cids[4] != 108 {
			t.Errorf("format %d: CIDs %v; want [0 102 104 106 108]", format, info.cids)
		}
		p := Program{CIDKeyed: true, cids: info.cids}
		if p.CID(3) != 106 || p.CID(9) != 0 {
			t.Errorf("format %d: CID(3) %d, CID(9) %d; want 106 and 0", format, p.CID(3), p.CID(9))
		}
	}
	good := cidCFF(5, 2)
	if _, err := readCFF(good, 6); err == nil || !strings.Contains(err.Error(), "has 5 glyphs, maxp says 6") {
		t.Errorf("glyph count mismatch: err = %v", err)
	}
	for n := range len(good) {
		if _, err := readCFF(good[:n], 5); err == nil {
			t.Errorf("CFF cut to %d of %d bytes was accepted", n, len(good))
		}
	}
}

// TestSystemNotoTC checks, when Debian's fonts-noto-cjk is installed,
// that the system search takes the Taiwanese (TC) face of the Noto Serif
// CJK collection, a CID-keyed CFF font, and only when CFF is accepted.
func TestSystemNotoTC(t *testing.T) {
	path := systemFontFile(t, "NotoSerifCJK-Regular.ttc", "fonts-noto-cjk")
	if _, err := loadSystemFont(path, DefaultMaxFontSize, false); !errors.Is(err, ErrCFF) {
		t.Errorf("CFF not accepted: err = %v; want ErrCFF", err)
	}
	f, err := loadSystemFont(path, DefaultMaxFontSize, true)
	if err != nil {
		t.Fatal(err)
	}
	// Faces 0 to 4 are JP, KR, SC, TC and HK.
	if f.Name != "Noto Serif CJK TC" || f.Source != path+"#3" || !f.CFF() {
		t.Fatalf("face %q from %s (CFF %v); want Noto Serif CJK TC, face #3", f.Name, f.Source, f.CFF())
	}
	p, err := f.Program()
	if err != nil {
		t.Fatal(err)
	}
	m, err := f.Metrics()
	if err != nil {
		t.Fatal(err)
	}
	// fontTools reads 中 as glyph 9564, CID 9564, advance 1000 of 1000.
	gid := m.Glyph('中')
	if !p.CIDKeyed || gid != 9564 || p.CID(gid) != 9564 || m.Advance(gid) != 1000 || p.UnitsPerEm != 1000 ||
		p.PostScriptName != "NotoSerifCJKtc-Regular" {
		t.Errorf("中: glyph %d CID %d advance %d; CID-keyed %v, em %d, %q", gid, p.CID(gid), m.Advance(gid),
			p.CIDKeyed, p.UnitsPerEm, p.PostScriptName)
	}
}
