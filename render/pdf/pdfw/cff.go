package pdfw

import (
	"fmt"
	"slices"
)

// NewCFF makes a Font of an OpenType font file with CFF outlines (.otf):
// cff is embedded (FontFile3, CIDFontType0C) — the file's CFF table, or a
// subset of it that selects the same glyphs with the same codes (see
// fonts.Program.SubsetCFF); nil means the file's own — and the file's
// head, hhea and OS/2 tables give the font descriptor. Each Char's Glyph
// is the code that selects its glyph: for a CID-keyed CFF font (Noto CJK,
// Source Han) the glyph's CID from the font's charset, for a name-keyed
// one the glyph index. A character sharing its glyph with an earlier one
// extracts as that one.
func NewCFF(name string, otf, cff []byte, chars []Char) (*Font, error) {
	chars, err := sortChars(chars)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	m, err := readMetrics(otf)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	if cff == nil {
		cff = sfntTable(otf, "CFF ")
	}
	if len(cff) < 4 || cff[0] != 1 {
		return nil, fmt.Errorf("font %s: the font has no CFF (version 1) table", name)
	}
	f := &Font{cff: true, codes: make(map[rune]uint16, len(chars))}
	f.base = subsetTag(name, chars) + "+" + psName(name)
	byGlyph := slices.Clone(chars)
	slices.SortStableFunc(byGlyph, func(a, b Char) int { return int(a.Glyph) - int(b.Glyph) })
	var uni []cidChar
	last := -1
	for _, c := range byGlyph {
		f.codes[c.Rune] = c.Glyph
		if int(c.Glyph) == last {
			continue // the first character of a shared glyph names it
		}
		uni = append(uni, cidChar{c.Glyph, c})
		last = int(c.Glyph)
	}
	f.widths = widthArray(uni)
	f.toUni = deflate(toUnicode(uni), levelLarge)
	f.compress(cff, func(d []byte) []byte { return deflate(d, levelLarge) })
	f.progDict = "/Filter/FlateDecode/Subtype/CIDFontType0C"
	f.desc = m.descriptor(f.base)
	return f, nil
}
