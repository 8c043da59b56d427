package fonts

import (
	"encoding/binary"
	"fmt"
	"sort"
)

// runeSet is the set of characters a face maps to a glyph: a bitmap for
// the Basic Multilingual Plane and sorted ranges above it. It is built
// once when the face is parsed and only read afterwards, so any number of
// goroutines may query it at once.
type runeSet struct {
	bmp    [0x10000 / 64]uint64
	astral []runeRange // sorted, disjoint
	count  int
}

// runeRange is an inclusive range of characters.
type runeRange struct{ lo, hi rune }

func (c *runeSet) has(r rune) bool {
	if r < 0 {
		return false
	}
	if r < 0x10000 {
		return c.bmp[r>>6]&(1<<(r&63)) != 0
	}
	i := sort.Search(len(c.astral), func(i int) bool { return c.astral[i].hi >= r })
	return i < len(c.astral) && c.astral[i].lo <= r
}

func (c *runeSet) setBMP(r rune) {
	if c.bmp[r>>6]&(1<<(r&63)) == 0 {
		c.bmp[r>>6] |= 1 << (r & 63)
		c.count++
	}
}

// readCoverage builds the character set of a font's cmap table. The Basic
// Multilingual Plane comes from the format 4 subtable the PDF backend
// uses (Windows Unicode BMP, or any Unicode platform subtable); characters
// above it come from a format 12 subtable when the font has one.
func readCoverage(cmap []byte, numGlyphs int) (*runeSet, error) {
	fmt4, fmt12, err := unicodeSubtables(cmap)
	if err != nil {
		return nil, err
	}
	c := new(runeSet)
	if err := c.readFormat4(fmt4, numGlyphs); err != nil {
		return nil, err
	}
	if fmt12 != nil {
		if err := c.readFormat12(fmt12, numGlyphs); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// unicodeSubtables returns the cmap subtables characters are read from:
// the first format 4 subtable of the Windows Unicode BMP or the Unicode
// platform, which is required, and the first Unicode format 12 subtable,
// or nil. Each runs to the end of the table.
func unicodeSubtables(cmap []byte) (fmt4, fmt12 []byte, err error) {
	if len(cmap) < 4 {
		return nil, nil, fmt.Errorf("%w: the cmap table is too short", ErrTruncated)
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	if 4+8*n > len(cmap) {
		return nil, nil, fmt.Errorf("%w: the cmap table is too short", ErrTruncated)
	}
	for i := 0; i < n; i++ {
		p := cmap[4+8*i:]
		platform, encoding := binary.BigEndian.Uint16(p), binary.BigEndian.Uint16(p[2:])
		off := binary.BigEndian.Uint32(p[4:])
		if platform != 0 && !(platform == 3 && (encoding == 1 || encoding == 10)) {
			continue
		}
		if uint64(off)+2 > uint64(len(cmap)) {
			return nil, nil, fmt.Errorf("%w: a cmap subtable lies outside the table", ErrTruncated)
		}
		sub := cmap[off:]
		switch binary.BigEndian.Uint16(sub) {
		case 4:
			if fmt4 == nil && (platform == 0 || encoding == 1) {
				fmt4 = sub
			}
		case 12:
			if fmt12 == nil {
				fmt12 = sub
			}
		}
	}
	if fmt4 == nil {
		return nil, nil, fmt.Errorf("%w (a format 4 Unicode subtable is required)", ErrNoUnicode)
	}
	return fmt4, fmt12, nil
}

// readFormat4 adds the characters of a segment-mapping subtable.
func (c *runeSet) readFormat4(sub []byte, numGlyphs int) error {
	if len(sub) < 14 {
		return fmt.Errorf("%w: cmap format 4 subtable is too short", ErrTruncated)
	}
	segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
	ends := 14
	starts := ends + 2*segs + 2
	deltas := starts + 2*segs
	offsets := deltas + 2*segs
	if offsets+2*segs > len(sub) {
		return fmt.Errorf("%w: cmap format 4 subtable is too short", ErrTruncated)
	}
	u16 := func(at int) int { return int(binary.BigEndian.Uint16(sub[at:])) }
	// Segments are sorted by end code and do not overlap; reading each
	// character once whatever a damaged table says keeps the cost at
	// 65 536 characters at most, not 65 536 per segment.
	next := 0 // the lowest character no earlier segment covered
	for i := 0; i < segs; i++ {
		end, start := u16(ends+2*i), max(u16(starts+2*i), next)
		next = max(next, end+1)
		delta, rangeOff := u16(deltas+2*i), u16(offsets+2*i)
		for ch := start; ch <= end && ch < 0xFFFF; ch++ {
			g := (ch + delta) & 0xFFFF
			if rangeOff != 0 {
				at := offsets + 2*i + rangeOff + 2*(ch-start)
				if at+2 > len(sub) {
					break // damaged segment: the character has no glyph
				}
				if g = u16(at); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			if g != 0 && g < numGlyphs {
				c.setBMP(rune(ch))
			}
		}
	}
	return nil
}

// readFormat12 adds the characters above the Basic Multilingual Plane of
// a segmented-coverage subtable.
func (c *runeSet) readFormat12(sub []byte, numGlyphs int) error {
	if len(sub) < 16 {
		return fmt.Errorf("%w: cmap format 12 subtable is too short", ErrTruncated)
	}
	n := uint64(binary.BigEndian.Uint32(sub[12:]))
	if 16+12*n > uint64(len(sub)) {
		return fmt.Errorf("%w: cmap format 12 subtable is too short", ErrTruncated)
	}
	for i := uint64(0); i < n; i++ {
		p := sub[16+12*i:]
		lo, hi := uint64(binary.BigEndian.Uint32(p)), uint64(binary.BigEndian.Uint32(p[4:]))
		g := uint64(binary.BigEndian.Uint32(p[8:]))
		if g == 0 { // the first character maps to .notdef
			lo++
			g++
		}
		if hi < lo || g >= uint64(numGlyphs) {
			continue
		}
		if last := g + hi - lo; last >= uint64(numGlyphs) {
			hi -= last - uint64(numGlyphs) + 1 // drop characters past the last glyph
		}
		lo, hi = max(lo, 0x10000), min(hi, 0x10FFFF)
		if lo > hi {
			continue
		}
		c.astral = append(c.astral, runeRange{rune(lo), rune(hi)})
	}
	sort.Slice(c.astral, func(i, j int) bool { return c.astral[i].lo < c.astral[j].lo })
	merged := c.astral[:0]
	for _, r := range c.astral {
		if k := len(merged) - 1; k >= 0 && r.lo <= merged[k].hi+1 {
			merged[k].hi = max(merged[k].hi, r.hi)
			continue
		}
		merged = append(merged, r)
	}
	c.astral = merged
	for _, r := range merged {
		c.count += int(r.hi - r.lo + 1)
	}
	return nil
}
