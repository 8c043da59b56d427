package fonts

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
)

// Subset returns a face that draws the given characters as f does, with
// a font file holding only the glyphs they need: .notdef, the glyph of
// every character f has (the others are left out, and draw as .notdef
// as they would with f) and the components of composite glyphs. Glyphs
// keep their order, outlines, instructions and metrics, and are numbered
// from 0 without gaps. The file has the glyf, loca, hmtx, hhea, maxp,
// head, post (format 3), cmap (format 4, plus format 12 when a character
// is above U+FFFF) and name tables, and OS/2 and the hinting tables (cvt,
// fpgm, prep, gasp) when f has them. The face keeps f's Name, Source and
// SyntheticBold. The same characters, in any order and with repeats,
// give the same bytes.
func (f *Face) Subset(runes []rune) (*Face, error) {
	data, err := subset(f.Data, runes)
	if err != nil {
		return nil, fmt.Errorf("font %s: making a subset: %w", f.Name, err)
	}
	s, err := parse(f.Name, data)
	if err != nil {
		return nil, fmt.Errorf("font %s: the subset made of it is not a usable font (please report this): %w", f.Name, err)
	}
	s.Source, s.SyntheticBold = f.Source, f.SyntheticBold
	return s, nil
}

// mapping is a character and its glyph.
type mapping struct {
	r   rune
	gid int
}

// tablesCopied are the tables a subset takes over unchanged: they do not
// refer to glyphs by index.
var tablesCopied = []string{"OS/2", "cvt ", "fpgm", "gasp", "name", "prep"}

// subset makes the font file of Subset.
func subset(data []byte, runes []rune) ([]byte, error) {
	g, err := openGlyphs(data)
	if err != nil {
		return nil, err
	}
	if g.cff {
		return nil, fmt.Errorf("%w: only TrueType outlines can be subset; embed the CFF table whole (Face.Program)", ErrCFF)
	}
	keep, maps, err := g.closure(runes)
	if err != nil {
		return nil, err
	}
	// Glyphs keep their order, so the new index of a glyph is the number
	// of kept glyphs before it: its index in old.
	old := keep.glyphs()
	for i := range maps {
		maps[i].gid = newID(old, maps[i].gid)
	}
	loca, hmtx, err := g.layoutGlyphs(old)
	if err != nil {
		return nil, err
	}
	cmap, err := writeCmap(maps)
	if err != nil {
		return nil, err
	}
	be := binary.BigEndian
	head := slices.Clone(g.head)
	be.PutUint16(head[50:], 1) // indexToLocFormat: long offsets
	hhea := slices.Clone(g.hhea)
	be.PutUint16(hhea[34:], uint16(len(old))) // numberOfHMetrics
	maxp := slices.Clone(g.maxp)
	be.PutUint16(maxp[4:], uint16(len(old))) // numGlyphs
	post := make([]byte, 32)
	be.PutUint32(post, 0x00030000) // format 3: no glyph names
	if p := tableData(g.data, g.recs, "post"); len(p) > 4 {
		copy(post[4:], p[4:]) // italic angle, underline, fixed pitch, memory hints
	}

	tables := []table{
		{tag: "cmap", data: cmap}, {tag: "head", data: head}, {tag: "hhea", data: hhea},
		{tag: "hmtx", data: hmtx}, {tag: "loca", data: loca}, {tag: "maxp", data: maxp}, {tag: "post", data: post},
		{tag: "glyf", size: int(be.Uint32(loca[len(loca)-4:])), write: func(out []byte) []byte {
			return g.appendGlyphs(out, old)
		}},
	}
	for _, tag := range tablesCopied {
		if t := tableData(g.data, g.recs, tag); t != nil {
			tables = append(tables, table{tag: tag, data: t})
		}
	}
	return writeFont(tables), nil
}

// glyphSet is a set of glyph indexes, a bit each.
type glyphSet []uint64

// newGlyphSet returns an empty set for glyphs below n.
func newGlyphSet(n int) glyphSet { return make(glyphSet, (n+63)/64) }

func (s glyphSet) has(gid int) bool { return s[gid/64]&(1<<(gid%64)) != 0 }

func (s glyphSet) add(gid int) { s[gid/64] |= 1 << (gid % 64) }

// glyphs returns the glyphs of the set in increasing order.
func (s glyphSet) glyphs() []int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	gids := make([]int, 0, n)
	for i, w := range s {
		for ; w != 0; w &= w - 1 {
			gids = append(gids, 64*i+bits.TrailingZeros64(w))
		}
	}
	return gids
}

// newID returns the index of the kept glyph gid in old, the kept glyphs
// in increasing order.
func newID(old []int, gid int) int {
	i, _ := slices.BinarySearch(old, gid)
	return i
}

// closure returns which glyphs a subset for runes keeps (.notdef, the
// glyphs of the characters the font has and, through composite glyphs,
// their components), and the characters with their glyphs, in character
// order.
func (g *glyphFont) closure(runes []rune) (glyphSet, []mapping, error) {
	rs := runes
	if !sortedUnique(rs) {
		rs = slices.Clone(runes)
		slices.Sort(rs)
		rs = slices.Compact(rs)
	}
	keep := newGlyphSet(g.numGlyphs)
	keep.add(0)
	todo := []int{0}
	maps := make([]mapping, 0, len(rs))
	for _, r := range rs {
		gid := g.glyph(r)
		if gid == 0 {
			continue
		}
		maps = append(maps, mapping{r, gid})
		if !keep.has(gid) {
			keep.add(gid)
			todo = append(todo, gid)
		}
	}
	for len(todo) > 0 {
		gid := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		data, err := g.outline(gid)
		if err != nil {
			return nil, nil, err
		}
		comps, err := components(data)
		if err != nil {
			return nil, nil, fmt.Errorf("glyph %d: %w", gid, err)
		}
		for _, at := range comps {
			c := int(binary.BigEndian.Uint16(data[at:]))
			if c >= g.numGlyphs {
				return nil, nil, fmt.Errorf("%w: glyph %d is made of glyph %d, but the font has %d glyphs",
					ErrTruncated, gid, c, g.numGlyphs)
			}
			if !keep.has(c) {
				keep.add(c)
				todo = append(todo, c)
			}
		}
	}
	return keep, maps, nil
}

// sortedUnique reports whether runes are in increasing order without
// repeats.
func sortedUnique(runes []rune) bool {
	for i := 1; i < len(runes); i++ {
		if runes[i] <= runes[i-1] {
			return false
		}
	}
	return true
}

// layoutGlyphs returns the loca (long offsets) and hmtx (a long metric
// for every glyph) tables of the glyphs old, in that order, each glyph
// padded to four bytes in the glyf table.
func (g *glyphFont) layoutGlyphs(old []int) (loca, hmtx []byte, err error) {
	be := binary.BigEndian
	loca = make([]byte, 4*(len(old)+1))
	hmtx = make([]byte, 4*len(old))
	off := 0
	for i, gid := range old {
		be.PutUint32(loca[4*i:], uint32(off))
		data, err := g.outline(gid)
		if err != nil {
			return nil, nil, err
		}
		off += (len(data) + 3) &^ 3
		adv, lsb, ok := g.metric(gid)
		if !ok && len(data) >= 10 {
			lsb = be.Uint16(data[2:]) // xMin, which the left side bearing normally is
		}
		be.PutUint16(hmtx[4*i:], adv)
		be.PutUint16(hmtx[4*i+2:], lsb)
	}
	be.PutUint32(loca[4*len(old):], uint32(off))
	return loca, hmtx, nil
}

// appendGlyphs appends the glyf table of the glyphs old, as layoutGlyphs
// lays it out, to out, renumbering the components of composite glyphs.
func (g *glyphFont) appendGlyphs(out []byte, old []int) []byte {
	be := binary.BigEndian
	for _, gid := range old {
		data, _ := g.outline(gid) // checked by layoutGlyphs
		start := len(out)
		out = append(out, data...)
		comps, _ := components(data) // checked by closure
		for _, at := range comps {
			be.PutUint16(out[start+at:], uint16(newID(old, int(be.Uint16(data[at:])))))
		}
		for (len(out)-start)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// Flags of a composite glyph's component.
const (
	argWords       = 0x0001 // ARG_1_AND_2_ARE_WORDS
	haveScale      = 0x0008 // WE_HAVE_A_SCALE
	moreComponents = 0x0020 // MORE_COMPONENTS
	haveXYScale    = 0x0040 // WE_HAVE_AN_X_AND_Y_SCALE
	haveTwoByTwo   = 0x0080 // WE_HAVE_A_TWO_BY_TWO
)

// components returns where the component glyph indexes of a composite
// glyph's data are; none for a simple or empty glyph.
func components(data []byte) ([]int, error) {
	if len(data) == 0 {
		return nil, nil
	}
	if len(data) < 10 {
		return nil, fmt.Errorf("%w: the glyph data is %d bytes, shorter than its header", ErrTruncated, len(data))
	}
	if int16(binary.BigEndian.Uint16(data)) >= 0 {
		return nil, nil // simple glyph: a count of contours
	}
	var at []int
	p := 10
	for {
		if p+4 > len(data) {
			return nil, fmt.Errorf("%w: a composite glyph's component list runs past its data", ErrTruncated)
		}
		flags := binary.BigEndian.Uint16(data[p:])
		at = append(at, p+2)
		p += 4 // flags, glyph index
		if flags&argWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&haveTwoByTwo != 0:
			p += 8
		}
		if flags&moreComponents == 0 {
			break
		}
	}
	if p > len(data) {
		return nil, fmt.Errorf("%w: a composite glyph's component list runs past its data", ErrTruncated)
	}
	return at, nil
}
