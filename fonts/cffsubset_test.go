package fonts

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/internal/testtool"
)

func TestAppendT2Int(t *testing.T) {
	for _, tt := range []struct {
		v    int
		want []byte
	}{
		// Encodings from the Type 2 charstring format, section 3.2.
		{0, []byte{139}},
		{-107, []byte{32}},
		{107, []byte{246}},
		{108, []byte{247, 0}},
		{1131, []byte{250, 255}},
		{-108, []byte{251, 0}},
		{-1131, []byte{254, 255}},
		{1132, []byte{28, 0x04, 0x6c}},
		{-32768, []byte{28, 0x80, 0x00}},
	} {
		if got := appendT2Int(nil, tt.v); !bytes.Equal(got, tt.want) {
			t.Errorf("%d: % x; want % x", tt.v, got, tt.want)
		}
	}
}

// A name-keyed font keeps its glyph indexes: the glyphs not asked for
// become empty, .notdef stays.
func TestSubsetCFFNameKeyed(t *testing.T) {
	p := tinyProgram(t)
	out, err := p.SubsetCFF([]int{2}) // 中
	if err != nil {
		t.Fatal(err)
	}
	glyphs := charStrings(t, out)
	orig := charStrings(t, p.Table)
	if len(glyphs) != 3 {
		t.Fatalf("%d glyphs; want the 3 of the font", len(glyphs))
	}
	if !bytes.Equal(glyphs[0], orig[0]) || !bytes.Equal(glyphs[2], orig[2]) {
		t.Errorf(".notdef or 中 changed")
	}
	if !bytes.Equal(glyphs[1], []byte{14}) {
		t.Errorf("A is % x; want a bare endchar (0e)", glyphs[1])
	}
	if _, err := readCFF(out, 3); err != nil {
		t.Errorf("the subset does not read back: %v", err)
	}
	if _, err := p.SubsetCFF([]int{3}); err == nil {
		t.Error("glyph 3 of 3 was accepted")
	}
}

// charStrings reads the CharStrings INDEX of a CFF table.
func charStrings(t *testing.T, b []byte) [][]byte {
	t.Helper()
	_, at, err := cffIndex(b, int(b[2]))
	if err != nil {
		t.Fatal(err)
	}
	tops, _, err := cffIndex(b, at)
	if err != nil {
		t.Fatal(err)
	}
	d, err := cffDict(tops[0])
	if err != nil {
		t.Fatal(err)
	}
	cs, _, err := cffIndex(b, d[cffCharStrings][0])
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// A subroutine number computed on the stack cannot be followed: every
// subroutine is kept, unchanged.
func TestMarkUnsure(t *testing.T) {
	s := &cffSubsetter{
		glyphs: [][]byte{{14}, {139, 139, 12, 10, 10, 14}}, // 0 0 add callsubr endchar
		keep:   []int{0, 1},
		gsubrs: [][]byte{{11}},
		fds:    []cffFD{{subrs: [][]byte{{11}, {11}}}},
	}
	s.mark()
	if !s.all {
		t.Error("a computed subroutine number did not keep every subroutine")
	}
	s.glyphs[1] = []byte{32, 10, 14} // -107 callsubr endchar: local 0
	s.all = false
	s.mark()
	if s.all || !s.usedL[0][0] || s.usedL[0][1] || s.usedG[0] {
		t.Errorf("all %v, local %v, global %v; want local subroutine 0 only", s.all, s.usedL[0], s.usedG)
	}
}

// notoSansTC is the Taiwanese face of Debian's Noto Sans CJK, a CID-keyed
// CFF font of 65,535 glyphs.
func notoSansTC(t *testing.T) *Face {
	t.Helper()
	f, err := LoadFile(systemFontFile(t, "NotoSansCJK-Regular.ttc", "fonts-noto-cjk") + "#3")
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// A subset of Noto Sans CJK TC draws every kept glyph as the whole font
// does — compared by fontTools, an independent reader, after running the
// subroutines — keeps each glyph's CID, and is a small part of the font.
func TestSubsetCFFNoto(t *testing.T) {
	f := notoSansTC(t)
	python := testtool.PythonModule(t, "fontTools", "python3-fonttools")
	p, err := f.Program()
	if err != nil {
		t.Fatal(err)
	}
	m, err := f.Metrics()
	if err != nil {
		t.Fatal(err)
	}
	text := "行銷業務專員職能基準，工作任務與行為指標。堃喆 ABC abc 0123（續）"
	var gids []int
	for _, r := range text {
		gids = append(gids, m.Glyph(r))
	}
	out, err := p.SubsetCFF(gids)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) > 40_000 || len(p.Table) < 10_000_000 {
		t.Errorf("subset %d bytes of %d; want a few kilobytes of a 15 MB font", len(out), len(p.Table))
	}
	info, err := readCFF(out, len(charStrings(t, out)))
	if err != nil {
		t.Fatal(err)
	}
	want := map[uint16]bool{0: true}
	for _, g := range gids {
		want[uint16(p.CID(g))] = true
	}
	if len(info.cids) != len(want) {
		t.Errorf("%d glyphs; want %d (.notdef and one per distinct character)", len(info.cids), len(want))
	}
	for _, c := range info.cids {
		if !want[c] {
			t.Errorf("CID %d kept, not asked for", c)
		}
	}
	got := fontTools(t, python, compareOutlines, "whole.cff", p.Table, "sub.cff", out)
	if want := "glyphs " + strconv.Itoa(len(want)) + " differ 0 empty 1\n"; string(got) != want {
		t.Errorf("fontTools says %q; want %q", got, want)
	}
}

// compareOutlines draws every glyph of a subset and the same glyph (by
// CID name) of the whole font with fontTools, and counts the glyphs that
// differ and the empty ones (in Noto only the space is empty).
const compareOutlines = `
import io, sys
from fontTools.cffLib import CFFFontSet
from fontTools.pens.recordingPen import RecordingPen
def load(p):
    c = CFFFontSet()
    c.decompile(io.BytesIO(open(p, 'rb').read()), None)
    return c[c.fontNames[0]]
whole, sub = load(sys.argv[1]), load(sys.argv[2])
differ = empty = 0
for name in sub.charset:
    a, b = RecordingPen(), RecordingPen()
    whole.CharStrings[name].draw(a)
    sub.CharStrings[name].draw(b)
    differ += a.value != b.value
    empty += not b.value
print("glyphs", len(sub.charset), "differ", differ, "empty", empty)
`

// tinyProgram is the Program of testdata/tiny-cff.otf.
func tinyProgram(t testing.TB) *Program {
	t.Helper()
	f, _ := tinyFace(t)
	p, err := f.Program()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// systemFontFile returns the path of the font file named file in the
// system's font folders, or skips (fails when tools are required) naming
// the Debian package pkg that installs it.
func systemFontFile(t *testing.T, file, pkg string) string {
	t.Helper()
	for _, p := range FindSystemFonts(SystemFontDirs()) {
		if strings.EqualFold(filepath.Base(p), file) {
			return p
		}
	}
	testtool.Missing(t, "the system font "+file, "apt-get install "+pkg)
	return ""
}
