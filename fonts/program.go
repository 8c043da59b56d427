package fonts

import (
	"encoding/binary"
	"fmt"
)

// Program is what a PDF writer needs to embed a face's font program and
// describe it (its font descriptor). Glyph indexes and advance widths
// come from Face.Metrics, which works for both kinds of outline.
//
// For a TrueType face (CFF false), embed the Data of Face.Subset(runes)
// as FontFile2 under a CIDFontType2 font with CIDToGIDMap /Identity: the
// character codes of Identity-H are the subset's glyph indexes (look them
// up in the subset's own Metrics).
//
// For a face with CFF outlines (CFF true), embed Table whole as FontFile3
// with Subtype /CIDFontType0C under a CIDFontType0 font. The character
// codes of Identity-H are CIDs: CID(gid) for each glyph drawn, and the W
// array is indexed by CID too. For a CID-keyed CFF (CIDKeyed, as Noto CJK
// and Source Han are) the CID comes from the font's charset; for a
// name-keyed one it is the glyph index, which PDF readers then use as such.
type Program struct {
	// CFF reports CFF outlines; Table is then the raw "CFF " table.
	CFF      bool
	CIDKeyed bool
	Table    []byte
	// PostScriptName is name ID 6 of the font ("" if it has none); a
	// writer puts a subset tag before it (ABCDEF+Name).
	PostScriptName string
	// UnitsPerEm is the size of the em square in font units; the other
	// measures are in font units too.
	UnitsPerEm int
	// Ascent and Descent are hhea's ascender and descender (Descent is
	// negative); CapHeight is OS/2 sCapHeight, or Ascent when the OS/2
	// table is too old to have it.
	Ascent, Descent, CapHeight int
	// BBox is head's xMin, yMin, xMax, yMax: the box of all glyphs.
	BBox [4]int
	// ItalicAngle is post's italicAngle, in degrees counter-clockwise.
	ItalicAngle float64
	// FixedPitch is post's isFixedPitch.
	FixedPitch bool

	cids []uint16
}

// CID returns the CID a PDF content stream uses for glyph gid: for a
// CID-keyed CFF its CID from the charset, otherwise gid itself. A gid
// outside the font gives 0.
func (p *Program) CID(gid int) int {
	if !p.CIDKeyed {
		return gid
	}
	if gid < 0 || gid >= len(p.cids) {
		return 0
	}
	return int(p.cids[gid])
}

// Program returns what a PDF writer needs to embed f (see Program). The
// returned Table aliases f.Data, which must not be modified.
func (f *Face) Program() (*Program, error) {
	p, err := readProgram(f.Data)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", f.Name, err)
	}
	return p, nil
}

func readProgram(data []byte) (*Program, error) {
	g, err := openGlyphs(data)
	if err != nil {
		return nil, err
	}
	be := binary.BigEndian
	i16 := func(b []byte, at int) int { return int(int16(be.Uint16(b[at:]))) }
	p := &Program{
		CFF:            g.cff,
		PostScriptName: postScriptName(tableData(data, g.recs, "name")),
		UnitsPerEm:     g.unitsPerEm,
		Ascent:         i16(g.hhea, 4),
		Descent:        i16(g.hhea, 6),
		BBox:           [4]int{i16(g.head, 36), i16(g.head, 38), i16(g.head, 40), i16(g.head, 42)},
	}
	p.CapHeight = p.Ascent
	if os2 := tableData(data, g.recs, "OS/2"); len(os2) >= 90 && be.Uint16(os2) >= 2 {
		p.CapHeight = i16(os2, 88)
	}
	if post := tableData(data, g.recs, "post"); len(post) >= 16 {
		p.ItalicAngle = float64(int32(be.Uint32(post[4:]))) / 65536
		p.FixedPitch = be.Uint32(post[12:]) != 0
	}
	if g.cff {
		p.Table = tableData(data, g.recs, "CFF ")
		info, err := readCFF(p.Table, g.numGlyphs)
		if err != nil {
			return nil, err
		}
		p.CIDKeyed, p.cids = info.cidKeyed, info.cids
	}
	return p, nil
}
