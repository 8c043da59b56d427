package fonts

import (
	"bytes"
	"testing"
)

// Every glyph of the embedded face and of OCS Serif shrinks by 4, 2 and 3
// (which most refuse) to the bytes, or the refusal, of reading its points
// and writing them again.
func TestShrinkGlyphSame(t *testing.T) {
	set, err := DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []*Face{set.Regular, set.Latin} {
		m, err := f.Metrics()
		if err != nil {
			t.Fatal(err)
		}
		shrunk := 0
		for gid := range m.g.numGlyphs {
			g, err := m.g.outline(gid)
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range []int{4, 2, 3} {
				got, err := shrinkGlyph(g, k)
				want, errWant := shrinkSlices(g, k)
				if (err == nil) != (errWant == nil) || !bytes.Equal(got, want) {
					t.Fatalf("%s glyph %d by %d: %x, %v; want %x, %v", f.Name, gid, k, got, err, want, errWant)
				}
				if err == nil {
					shrunk++
				}
			}
		}
		t.Logf("%s: %d glyphs, %d shrinkings", f.Name, m.g.numGlyphs, shrunk)
	}
}
