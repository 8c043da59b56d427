package fonts_test

import (
	"fmt"
	"log"

	"github.com/ocs-project/ocs/fonts"
)

// A PDF writer describes and embeds a face from its Program and Metrics:
// here an OpenType/CFF font, embedded whole as a CIDFontType0 whose
// character codes are the CIDs of the glyphs drawn.
func ExampleFace_Program() {
	set, err := fonts.Config{Font: "testdata/tiny-cff.otf", CFF: true}.Load()
	if err != nil {
		log.Fatal(err)
	}
	face := set.Face('中', false)
	p, err := face.Program()
	if err != nil {
		log.Fatal(err)
	}
	m, err := face.Metrics()
	if err != nil {
		log.Fatal(err)
	}
	gid := m.Glyph('中')
	fmt.Printf("/BaseFont /ABCDEF+%s  CFF %v, CID-keyed %v, %d-byte FontFile3\n",
		p.PostScriptName, p.CFF, p.CIDKeyed, len(p.Table))
	fmt.Printf("/Ascent %d /Descent %d /CapHeight %d /FontBBox %v (of %d units)\n",
		p.Ascent, p.Descent, p.CapHeight, p.BBox, p.UnitsPerEm)
	fmt.Printf("中: glyph %d, code (CID) %d, width %d\n", gid, p.CID(gid), m.Advance(gid)*1000/p.UnitsPerEm)
	// Output:
	// /BaseFont /ABCDEF+TinyCFF-Regular  CFF true, CID-keyed false, 119-byte FontFile3
	// /Ascent 880 /Descent -120 /CapHeight 700 /FontBBox [50 -100 900 800] (of 1000 units)
	// 中: glyph 2, code (CID) 2, width 1000
}
