package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// checkSubset checks that sub draws every character of runes exactly as
// orig does, and has no glyph for the ones orig lacks.
func checkSubset(t *testing.T, orig, sub *Face, runes []rune) {
	t.Helper()
	of, sf := parseSFNT(t, orig.Data), parseSFNT(t, sub.Data)
	if o, s := shape(t, of, -1), shape(t, sf, -1); !slices.Equal(o.outline, s.outline) || o.advance != s.advance {
		t.Errorf(".notdef differs: %v %v, was %v %v", s.outline, s.advance, o.outline, o.advance)
	}
	for _, r := range runes {
		o, s := shape(t, of, r), shape(t, sf, r)
		switch {
		case !orig.Has(r):
			if s.gid != 0 || sub.Has(r) {
				t.Errorf("%U (%c): the font lacks it, but the subset maps it to glyph %d", r, r, s.gid)
			}
		case s.gid == 0 || !sub.Has(r):
			t.Errorf("%U (%c): no glyph in the subset", r, r)
		case !slices.Equal(o.outline, s.outline):
			t.Errorf("%U (%c): outline differs:\n got %v\nwant %v", r, r, s.outline, o.outline)
		case o.advance != s.advance:
			t.Errorf("%U (%c): advance %v, want %v", r, r, s.advance, o.advance)
		}
	}
	if sub.Name != orig.Name || sub.Source != orig.Source || sub.SyntheticBold != orig.SyntheticBold {
		t.Errorf("subset is %q from %q (bold %v), want %q from %q (bold %v)",
			sub.Name, sub.Source, sub.SyntheticBold, orig.Name, orig.Source, orig.SyntheticBold)
	}
	if got, want := fsType(t, sub.Data), fsType(t, orig.Data); got != want {
		t.Errorf("fsType 0x%04x, want 0x%04x", got, want)
	}
	if got, want := familyName(tableOf(t, sub.Data, "name")), familyName(tableOf(t, orig.Data, "name")); got != want {
		t.Errorf("family name %q, want %q", got, want)
	}
}

func fsType(t *testing.T, data []byte) uint16 {
	return binary.BigEndian.Uint16(tableOf(t, data, "OS/2")[8:])
}

func tableOf(t *testing.T, data []byte, tag string) []byte {
	t.Helper()
	recs, err := readDirectory(data, 0)
	if err != nil {
		t.Fatal(err)
	}
	return tableData(data, recs, tag)
}

// sample is text like a standard's, with characters TW-Kai lacks (ꙮ, 𠀀).
const sample = "職能基準 行銷業務專員 THM2431-001v1（續）第 1 頁／共 6 頁，。、「」；：√ⅺ ABCxyz 0123456789 " +
	"依照不同客戶型態安排客戶服務活動及銷售服務 ꙮ𠀀"

func TestSubsetDefault(t *testing.T) {
	for _, bold := range []bool{false, true} {
		orig, err := Default()
		if bold {
			orig, err = DefaultBold()
		}
		if err != nil {
			t.Fatal(err)
		}
		runes := []rune(sample)
		sub, err := orig.Subset(runes)
		if err != nil {
			t.Fatal(err)
		}
		checkSubset(t, orig, sub, runes)
		has := map[rune]bool{}
		glyphs := map[sfnt.GlyphIndex]bool{0: true}
		of := parseSFNT(t, orig.Data)
		for _, r := range runes {
			if orig.Has(r) {
				has[r] = true
				glyphs[shape(t, of, r).gid] = true
			}
		}
		if sub.Len() != len(has) {
			t.Errorf("the subset maps %d characters, want %d", sub.Len(), len(has))
		}
		if n := parseSFNT(t, sub.Data).NumGlyphs(); n != len(glyphs) {
			t.Errorf("the subset has %d glyphs, want %d", n, len(glyphs))
		}
		if len(sub.Data)*100 > len(orig.Data) {
			t.Errorf("the subset is %d bytes, not much smaller than the font's %d", len(sub.Data), len(orig.Data))
		}
	}
}

func TestSubsetComposite(t *testing.T) {
	orig, err := Parse("", compositeFont(0, false))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		runes  string
		glyphs int
	}{
		{"", 1},
		{"B", 2},
		{"A", 4},          // .notdef, T, S, A
		{"C", 5},          // and the A inside C
		{"CAT", 5},        // T is a component already
		{"C B\x00", 7},    // U+0000 has no glyph
		{"\U0001F600", 2}, // above the BMP: format 12
		{"A\U0001F600Z", 5},
	}
	for _, tc := range tests {
		runes := []rune(tc.runes)
		sub, err := orig.Subset(runes)
		if err != nil {
			t.Fatalf("%q: %v", tc.runes, err)
		}
		checkSubset(t, orig, sub, runes)
		if n := parseSFNT(t, sub.Data).NumGlyphs(); n != tc.glyphs {
			t.Errorf("%q: %d glyphs, want %d", tc.runes, n, tc.glyphs)
		}
		for _, r := range compositeChars {
			if want := strings.ContainsRune(tc.runes, r); sub.Has(r) != want {
				t.Errorf("%q: subset has %U: %v, want %v", tc.runes, r, sub.Has(r), want)
			}
		}
	}
}

func TestSubsetWithoutLeftSideBearings(t *testing.T) {
	// hmtx may stop after the long metrics; the subset then takes each
	// glyph's left side bearing from its xMin.
	orig, err := Parse("", compositeFont(0, true))
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune("CD\U0001F600")
	sub, err := orig.Subset(runes)
	if err != nil {
		t.Fatal(err)
	}
	checkSubset(t, orig, sub, runes)
	g, err := openGlyphs(sub.Data)
	if err != nil {
		t.Fatal(err)
	}
	// Kept: 0, 2, 3, 4, 5 (D), 6 (C), 8 (U+1F600); D is now 4.
	if _, lsb, _ := g.metric(4); lsb != 10 {
		t.Errorf("D has left side bearing %d, want its xMin 10", lsb)
	}
}

func TestSubsetRenumbersComponents(t *testing.T) {
	orig, err := Parse("", compositeFont(0, false))
	if err != nil {
		t.Fatal(err)
	}
	sub, err := orig.Subset([]rune("C"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := openGlyphs(sub.Data)
	if err != nil {
		t.Fatal(err)
	}
	// Kept: 0, 2 (T), 3 (S), 4 (A), 6 (C), now 0 to 4.
	for gid, want := range map[int][]int{3: {1, 2}, 4: {3, 2, 1}} {
		data, err := g.outline(gid)
		if err != nil {
			t.Fatal(err)
		}
		at, err := components(data)
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		for _, p := range at {
			got = append(got, int(binary.BigEndian.Uint16(data[p:])))
		}
		if !slices.Equal(got, want) {
			t.Errorf("glyph %d is made of glyphs %v, want %v", gid, got, want)
		}
	}
	// C's instructions come along: its data ends with them.
	if data, _ := g.outline(4); !bytes.Contains(data, []byte{0, 2, 0xB0, 0x01}) {
		t.Errorf("the instructions of C were lost: % x", data)
	}
}

func TestSubsetDeterministic(t *testing.T) {
	f, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(sample)
	a, err := f.Subset(runes)
	if err != nil {
		t.Fatal(err)
	}
	mixed := slices.Clone(runes)
	slices.Reverse(mixed)
	mixed = append(mixed, runes[:10]...)
	b, err := f.Subset(mixed)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Data, b.Data) {
		t.Error("the same characters in another order gave another font file")
	}
}

func TestSubsetFile(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	comp, err := Parse("", compositeFont(0, false))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		face  *Face
		runes string
		tags  string
	}{
		{def, sample, "OS/2 cmap glyf head hhea hmtx loca maxp name post"},
		{comp, "C\U0001F600", "OS/2 cmap glyf head hhea hmtx loca maxp name post prep"},
	} {
		sub, err := tc.face.Subset([]rune(tc.runes))
		if err != nil {
			t.Fatal(err)
		}
		checkFile(t, sub.Data, tc.tags)
	}
}

// checkFile checks the structure of a subset's font file.
func checkFile(t *testing.T, data []byte, tags string) {
	t.Helper()
	be := binary.BigEndian
	recs, err := readDirectory(data, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, r := range recs {
		got = append(got, r.tag)
		if i > 0 && recs[i-1].tag >= r.tag {
			t.Errorf("table %q follows %q: tables must be in tag order", r.tag, recs[i-1].tag)
		}
		if r.off%4 != 0 {
			t.Errorf("table %q starts at %d, not on a four-byte boundary", r.tag, r.off)
		}
		sum := checksum(data[r.off : r.off+r.len])
		if r.tag == "head" {
			sum -= be.Uint32(data[r.off+8:])
		}
		if sum != r.checksum {
			t.Errorf("table %q: checksum %08x in the directory, %08x computed", r.tag, r.checksum, sum)
		}
	}
	if strings.Join(got, " ") != tags {
		t.Errorf("tables %v, want %s", got, tags)
	}
	if sum := checksum(data); sum != 0xB1B0AFBA {
		t.Errorf("the file sums to %08x, want B1B0AFBA (head.checkSumAdjustment)", sum)
	}
	g, err := openGlyphs(data)
	if err != nil {
		t.Fatal(err)
	}
	if !g.longLoca || g.numHMetrics != g.numGlyphs {
		t.Errorf("long loca %v, %d metrics for %d glyphs: want long offsets and a metric per glyph",
			g.longLoca, g.numHMetrics, g.numGlyphs)
	}
	if v := be.Uint32(tableOf(t, data, "post")); v != 0x00030000 {
		t.Errorf("post table version %08x, want 3.0", v)
	}
}

func TestSubsetDamaged(t *testing.T) {
	f, err := Parse("", compositeFont(200, false))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Subset([]rune("A")); err != nil {
		t.Errorf("A does not use the damaged glyph, but: %v", err)
	}
	_, err = f.Subset([]rune("C"))
	if !errors.Is(err, ErrTruncated) || !strings.Contains(err.Error(), "glyph 200") {
		t.Errorf("a component past the last glyph gave %v", err)
	}
}

func TestWriteFormat4Limit(t *testing.T) {
	for _, tc := range []struct {
		n  int
		ok bool
	}{{8000, true}, {9000, false}} {
		var maps []mapping
		for i := range tc.n {
			maps = append(maps, mapping{rune(0x100 + 2*i), i + 1})
		}
		_, err := writeFormat4(maps)
		if (err == nil) != tc.ok {
			t.Errorf("%d separate characters: error %v", tc.n, err)
		}
	}
}

func BenchmarkSubset(b *testing.B) {
	f, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	runes := []rune(sample)
	for b.Loop() {
		if _, err := f.Subset(runes); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzSubset(f *testing.F) {
	f.Add(compositeFont(0, false), "CA ")
	f.Add(compositeFont(0, true), "C\U0001F600")
	f.Add(compositeFont(7, false), "C")
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		face, err := Parse("fuzz", data)
		if err != nil {
			return
		}
		// Any font Parse accepts gives a subset or an error, never a
		// panic, and the subset has no character the face lacks.
		if sub, err := face.Subset([]rune(text)); err == nil {
			for _, r := range text {
				if sub.Has(r) && !face.Has(r) {
					t.Errorf("%U: the subset has it, the face does not", r)
				}
			}
		}
		if m, err := face.Metrics(); err == nil {
			for _, r := range text {
				m.Advance(m.Glyph(r))
			}
		}
	})
}
