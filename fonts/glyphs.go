package fonts

import (
	"encoding/binary"
	"fmt"
	"sort"
)

// glyphFont is a view of the tables of a TrueType font file that map
// characters to glyphs and give each glyph its outline and metrics. The
// slices alias the file's bytes, which are only read.
type glyphFont struct {
	data  []byte
	recs  []record
	head  []byte
	hhea  []byte
	maxp  []byte
	hmtx  []byte
	loca  []byte
	glyf  []byte
	fmt4  []byte // cmap format 4 subtable, to the end of the cmap table
	fmt12 []byte // cmap format 12 subtable, or nil
	cff   bool   // CFF outlines: no loca and glyf

	numGlyphs   int
	numHMetrics int
	unitsPerEm  int
	longLoca    bool
}

// openGlyphs reads the table directory of a standalone TrueType file and
// checks that the tables it needs hold what their headers promise.
func openGlyphs(data []byte) (*glyphFont, error) {
	recs, err := readDirectory(data, 0)
	if err != nil {
		return nil, err
	}
	cff, err := checkTables(data, recs)
	if err != nil {
		return nil, err
	}
	g := &glyphFont{
		cff:  cff,
		data: data,
		recs: recs,
		head: tableData(data, recs, "head"),
		hhea: tableData(data, recs, "hhea"),
		maxp: tableData(data, recs, "maxp"),
		hmtx: tableData(data, recs, "hmtx"),
		loca: tableData(data, recs, "loca"),
		glyf: tableData(data, recs, "glyf"),
	}
	switch {
	case len(g.head) < 54:
		return nil, fmt.Errorf("%w: the head table is too short", ErrTruncated)
	case len(g.hhea) < 36:
		return nil, fmt.Errorf("%w: the hhea table is too short", ErrTruncated)
	case len(g.maxp) < 6:
		return nil, fmt.Errorf("%w: the maxp table is too short", ErrTruncated)
	}
	be := binary.BigEndian
	g.unitsPerEm = int(be.Uint16(g.head[18:]))
	g.longLoca = be.Uint16(g.head[50:]) != 0
	g.numGlyphs = int(be.Uint16(g.maxp[4:]))
	g.numHMetrics = int(be.Uint16(g.hhea[34:]))
	if g.unitsPerEm == 0 {
		return nil, fmt.Errorf("%w: head.unitsPerEm is 0", ErrNotFont)
	}
	if g.numGlyphs == 0 || g.numHMetrics == 0 || g.numHMetrics > g.numGlyphs {
		return nil, fmt.Errorf("%w: the font has %d glyphs and %d horizontal metrics", ErrNotFont, g.numGlyphs, g.numHMetrics)
	}
	if 4*g.numHMetrics > len(g.hmtx) {
		return nil, fmt.Errorf("%w: the hmtx table is too short for %d metrics", ErrTruncated, g.numHMetrics)
	}
	if !cff && (g.numGlyphs+1)*g.locaSize() > len(g.loca) {
		return nil, fmt.Errorf("%w: the loca table is too short for %d glyphs", ErrTruncated, g.numGlyphs)
	}
	if g.fmt4, g.fmt12, err = unicodeSubtables(tableData(data, recs, "cmap")); err != nil {
		return nil, err
	}
	if len(g.fmt4) < 14 || 16+8*(int(be.Uint16(g.fmt4[6:]))/2) > len(g.fmt4) {
		return nil, fmt.Errorf("%w: cmap format 4 subtable is too short", ErrTruncated)
	}
	if g.fmt12 != nil && (len(g.fmt12) < 16 || 16+12*uint64(be.Uint32(g.fmt12[12:])) > uint64(len(g.fmt12))) {
		return nil, fmt.Errorf("%w: cmap format 12 subtable is too short", ErrTruncated)
	}
	return g, nil
}

func (g *glyphFont) locaSize() int {
	if g.longLoca {
		return 4
	}
	return 2
}

// glyph returns the glyph r maps to, or 0 (.notdef). Characters of the
// Basic Multilingual Plane are looked up in the format 4 subtable, the
// others in the format 12 subtable, as readCoverage does.
func (g *glyphFont) glyph(r rune) int {
	var gid int
	if r >= 0 && r < 0xFFFF {
		gid = lookupFormat4(g.fmt4, r)
	} else if r > 0xFFFF && g.fmt12 != nil {
		gid = lookupFormat12(g.fmt12, r)
	}
	if gid >= g.numGlyphs {
		return 0
	}
	return gid
}

// lookupFormat4 maps r through a segment-mapping subtable whose segment
// arrays openGlyphs has checked.
func lookupFormat4(sub []byte, r rune) int {
	be := binary.BigEndian
	segs := int(be.Uint16(sub[6:])) / 2
	ends, starts := 14, 16+2*segs
	deltas, offsets := starts+2*segs, starts+4*segs
	ch := int(r)
	i := sort.Search(segs, func(i int) bool { return int(be.Uint16(sub[ends+2*i:])) >= ch })
	if i == segs {
		return 0
	}
	start := int(be.Uint16(sub[starts+2*i:]))
	if ch < start {
		return 0
	}
	delta := int(be.Uint16(sub[deltas+2*i:]))
	rangeOff := int(be.Uint16(sub[offsets+2*i:]))
	if rangeOff == 0 {
		return (ch + delta) & 0xFFFF
	}
	at := offsets + 2*i + rangeOff + 2*(ch-start)
	if at+2 > len(sub) {
		return 0
	}
	gid := int(be.Uint16(sub[at:]))
	if gid == 0 {
		return 0
	}
	return (gid + delta) & 0xFFFF
}

// lookupFormat12 maps r through a segmented-coverage subtable whose
// groups openGlyphs has checked.
func lookupFormat12(sub []byte, r rune) int {
	be := binary.BigEndian
	n := int(be.Uint32(sub[12:]))
	ch := uint32(r)
	i := sort.Search(n, func(i int) bool { return be.Uint32(sub[16+12*i+4:]) >= ch })
	if i == n {
		return 0
	}
	p := sub[16+12*i:]
	lo := be.Uint32(p)
	if ch < lo {
		return 0
	}
	gid := uint64(be.Uint32(p[8:])) + uint64(ch-lo)
	if gid > 0xFFFF {
		return 0
	}
	return int(gid)
}

// metric returns the advance width and left side bearing of glyph gid,
// which must be below numGlyphs. Glyphs past the last long metric share
// its advance; ok is false when the table ends before their left side
// bearing, which some fonts leave out.
func (g *glyphFont) metric(gid int) (advance, lsb uint16, ok bool) {
	be := binary.BigEndian
	if gid < g.numHMetrics {
		return be.Uint16(g.hmtx[4*gid:]), be.Uint16(g.hmtx[4*gid+2:]), true
	}
	advance = be.Uint16(g.hmtx[4*(g.numHMetrics-1):])
	at := 4*g.numHMetrics + 2*(gid-g.numHMetrics)
	if at+2 > len(g.hmtx) {
		return advance, 0, false
	}
	return advance, be.Uint16(g.hmtx[at:]), true
}

// outline returns the glyf data of glyph gid, which must be below
// numGlyphs: empty for a glyph without contours.
func (g *glyphFont) outline(gid int) ([]byte, error) {
	be := binary.BigEndian
	var start, end uint64
	if g.longLoca {
		start, end = uint64(be.Uint32(g.loca[4*gid:])), uint64(be.Uint32(g.loca[4*gid+4:]))
	} else {
		start, end = 2*uint64(be.Uint16(g.loca[2*gid:])), 2*uint64(be.Uint16(g.loca[2*gid+2:]))
	}
	if start > end || end > uint64(len(g.glyf)) {
		return nil, fmt.Errorf("%w: glyph %d lies outside the glyf table", ErrTruncated, gid)
	}
	return g.glyf[start:end], nil
}

// Metrics gives the horizontal metrics of a face's glyphs, read from its
// font file: what a backend needs to measure text as the font file does.
type Metrics struct{ g *glyphFont }

// Metrics returns the metrics of f's font file.
func (f *Face) Metrics() (*Metrics, error) {
	g, err := openGlyphs(f.Data)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", f.Name, err)
	}
	return &Metrics{g}, nil
}

// UnitsPerEm returns the size of the em square in font units.
func (m *Metrics) UnitsPerEm() int { return m.g.unitsPerEm }

// Glyph returns the index of the glyph r maps to, or 0 (.notdef) when
// the font has none. Characters up to U+FFFF are looked up in the format
// 4 character map, the ones above in the format 12 map.
func (m *Metrics) Glyph(r rune) int { return m.g.glyph(r) }

// Advance returns the advance width of glyph gid in font units, or 0
// when the font has no such glyph.
func (m *Metrics) Advance(gid int) int {
	if gid < 0 || gid >= m.g.numGlyphs {
		return 0
	}
	adv, _, _ := m.g.metric(gid)
	return int(adv)
}
