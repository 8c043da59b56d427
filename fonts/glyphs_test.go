package fonts

import (
	"slices"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// glyphShape is what a character looks like in a font: its outline at
// one pixel per font unit, and its advance.
type glyphShape struct {
	gid     sfnt.GlyphIndex
	outline sfnt.Segments
	advance fixed.Int26_6
}

// shape reads the glyph of r, or of glyph 0 when r is negative, with
// golang.org/x/image/font/sfnt.
func shape(t *testing.T, f *sfnt.Font, r rune) glyphShape {
	t.Helper()
	var b sfnt.Buffer
	var gid sfnt.GlyphIndex
	if r >= 0 {
		var err error
		if gid, err = f.GlyphIndex(&b, r); err != nil {
			t.Fatalf("GlyphIndex(%U): %v", r, err)
		}
	}
	ppem := fixed.I(int(f.UnitsPerEm()))
	segs, err := f.LoadGlyph(&b, gid, ppem, nil)
	if err != nil {
		t.Fatalf("LoadGlyph(%U, glyph %d): %v", r, gid, err)
	}
	adv, err := f.GlyphAdvance(&b, gid, ppem, font.HintingNone)
	if err != nil {
		t.Fatalf("GlyphAdvance(%U): %v", r, err)
	}
	return glyphShape{gid, slices.Clone(segs), adv}
}

func parseSFNT(t *testing.T, data []byte) *sfnt.Font {
	t.Helper()
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatalf("golang.org/x/image/font/sfnt cannot read the font: %v", err)
	}
	return f
}

func TestMetrics(t *testing.T) {
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
		runes []rune
	}{{def, []rune(sample)}, {comp, compositeChars}} {
		m, err := tc.face.Metrics()
		if err != nil {
			t.Fatal(err)
		}
		sf := parseSFNT(t, tc.face.Data)
		if m.UnitsPerEm() != int(sf.UnitsPerEm()) {
			t.Errorf("%s: UnitsPerEm %d, want %d", tc.face.Name, m.UnitsPerEm(), sf.UnitsPerEm())
		}
		for _, r := range append(tc.runes, -1) {
			want := shape(t, sf, r)
			gid := 0
			if r >= 0 {
				gid = m.Glyph(r)
			}
			if gid != int(want.gid) || fixed.I(m.Advance(gid)) != want.advance {
				t.Errorf("%s %U: glyph %d advance %d, want glyph %d advance %v",
					tc.face.Name, r, gid, m.Advance(gid), want.gid, want.advance)
			}
		}
		if m.Advance(-1) != 0 || m.Advance(sf.NumGlyphs()) != 0 {
			t.Errorf("%s: glyphs out of range have advances %d and %d", tc.face.Name, m.Advance(-1), m.Advance(sf.NumGlyphs()))
		}
	}
}
