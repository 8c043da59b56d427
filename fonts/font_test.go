package fonts

import (
	"encoding/binary"
	"sort"
	"unicode/utf16"
)

// testFont describes a tiny TrueType font built by the tests.
type testFont struct {
	family string
	chars  []rune            // mapped to glyphs 1, 2, ... in this order
	fsType uint16            // OS/2 embedding bits
	magic  uint32            // sfnt version; 0 means TrueType
	extra  map[string][]byte // more tables, such as "CFF "
	drop   string            // a required table to leave out
}

// build returns the font file: every glyph empty, BMP characters in a
// format 4 cmap, and the others in a format 12 one too.
func (tf testFont) build() []byte {
	n := len(tf.chars) + 1
	tables := map[string][]byte{
		"head": headTable(),
		"hhea": hheaTable(n),
		"maxp": maxpTable(n),
		"hmtx": make([]byte, 4*n),
		"loca": make([]byte, 2*(n+1)),
		"glyf": {},
		"cmap": cmapTable(tf.chars),
		"name": nameTable(tf.family),
		"post": postTable(),
		"OS/2": os2Table(tf.fsType),
	}
	for i := 0; i < n; i++ {
		binary.BigEndian.PutUint16(tables["hmtx"][4*i:], 1000)
	}
	for tag, data := range tf.extra {
		tables[tag] = data
	}
	delete(tables, tf.drop)
	magic := tf.magic
	if magic == 0 {
		magic = magicTrueType
	}
	return assemble(magic, tables)
}

// assemble writes an sfnt file: tables in tag order, padded to four
// bytes, with checksums and head.checkSumAdjustment.
func assemble(magic uint32, tables map[string][]byte) []byte {
	var tags []string
	for tag := range tables {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	be := binary.BigEndian
	out := make([]byte, 12+16*len(tags))
	be.PutUint32(out, magic)
	be.PutUint16(out[4:], uint16(len(tags)))
	sel := 0
	for 2<<sel <= len(tags) {
		sel++
	}
	be.PutUint16(out[6:], uint16(16<<sel))
	be.PutUint16(out[8:], uint16(sel))
	be.PutUint16(out[10:], uint16(16*len(tags)-16<<sel))
	head := -1
	for i, tag := range tags {
		data := tables[tag]
		p := out[12+16*i:]
		copy(p, tag)
		be.PutUint32(p[4:], checksum(data))
		be.PutUint32(p[8:], uint32(len(out)))
		be.PutUint32(p[12:], uint32(len(data)))
		if tag == "head" {
			head = len(out)
		}
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if head >= 0 {
		be.PutUint32(out[head+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

// collection joins standalone fonts into a TrueType collection (.ttc),
// each face keeping its own copy of every table.
func collection(fonts ...[]byte) []byte {
	be := binary.BigEndian
	out := make([]byte, 12+4*len(fonts))
	copy(out, "ttcf")
	be.PutUint32(out[4:], 0x00010000)
	be.PutUint32(out[8:], uint32(len(fonts)))
	for i, f := range fonts {
		at := len(out)
		be.PutUint32(out[12+4*i:], uint32(at))
		n := int(be.Uint16(f[4:]))
		dir := append([]byte(nil), f[:12+16*n]...)
		out = append(out, dir...)
		for j := 0; j < n; j++ {
			rec := at + 12 + 16*j
			off, length := be.Uint32(f[12+16*j+8:]), be.Uint32(f[12+16*j+12:])
			be.PutUint32(out[rec+8:], uint32(len(out)))
			out = append(out, f[off:off+length]...)
			for len(out)%4 != 0 {
				out = append(out, 0)
			}
		}
	}
	return out
}

func headTable() []byte {
	b := make([]byte, 54)
	be := binary.BigEndian
	be.PutUint32(b, 0x00010000)
	be.PutUint32(b[4:], 0x00010000)
	be.PutUint32(b[12:], 0x5F0F3CF5)
	be.PutUint16(b[18:], 1000) // unitsPerEm
	be.PutUint16(b[40:], 1000) // xMax
	be.PutUint16(b[42:], 1000) // yMax
	be.PutUint16(b[48:], 2)    // fontDirectionHint
	return b                   // indexToLocFormat 0: short offsets
}

func hheaTable(n int) []byte {
	b := make([]byte, 36)
	be := binary.BigEndian
	be.PutUint32(b, 0x00010000)
	be.PutUint16(b[4:], 880)                // ascender
	be.PutUint16(b[6:], uint16(0xFFFF-119)) // descender -120
	be.PutUint16(b[10:], 1000)              // advanceWidthMax
	be.PutUint16(b[18:], 1)                 // caretSlopeRise
	be.PutUint16(b[34:], uint16(n))         // numberOfHMetrics
	return b
}

func maxpTable(n int) []byte {
	b := make([]byte, 32)
	binary.BigEndian.PutUint32(b, 0x00010000)
	binary.BigEndian.PutUint16(b[4:], uint16(n))
	return b
}

func postTable() []byte {
	b := make([]byte, 32)
	binary.BigEndian.PutUint32(b, 0x00030000)
	return b
}

func os2Table(fsType uint16) []byte {
	b := make([]byte, 78)
	binary.BigEndian.PutUint16(b[4:], 400) // usWeightClass
	binary.BigEndian.PutUint16(b[6:], 5)   // usWidthClass
	binary.BigEndian.PutUint16(b[8:], fsType)
	return b
}

func nameTable(family string) []byte {
	u := utf16.Encode([]rune(family))
	b := make([]byte, 18, 18+2*len(u))
	be := binary.BigEndian
	be.PutUint16(b[2:], 1)  // count
	be.PutUint16(b[4:], 18) // string storage offset
	be.PutUint16(b[6:], 3)  // Windows
	be.PutUint16(b[8:], 1)  // Unicode BMP
	be.PutUint16(b[10:], 0x0409)
	be.PutUint16(b[12:], nameFamily)
	be.PutUint16(b[14:], uint16(2*len(u)))
	for _, c := range u {
		b = be.AppendUint16(b, c)
	}
	return b
}

// cmapTable maps chars[i] to glyph i+1: a format 4 subtable (3,1) for the
// BMP characters, one segment each, and a format 12 subtable (3,10) for
// all of them.
func cmapTable(chars []rune) []byte {
	be := binary.BigEndian
	type seg struct{ start, end, delta uint16 }
	var segs []seg
	var groups [][3]uint32
	for i, r := range chars {
		g := uint32(i + 1)
		groups = append(groups, [3]uint32{uint32(r), uint32(r), g})
		if r < 0xFFFF {
			segs = append(segs, seg{uint16(r), uint16(r), uint16(int(g) - int(r))})
		}
	}
	sort.Slice(segs, func(i, j int) bool { return segs[i].start < segs[j].start })
	sort.Slice(groups, func(i, j int) bool { return groups[i][0] < groups[j][0] })
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	f4 := make([]byte, 14)
	be.PutUint16(f4, 4)
	be.PutUint16(f4[6:], uint16(2*len(segs)))
	for _, s := range segs {
		f4 = be.AppendUint16(f4, s.end)
	}
	f4 = be.AppendUint16(f4, 0)
	for _, s := range segs {
		f4 = be.AppendUint16(f4, s.start)
	}
	for _, s := range segs {
		f4 = be.AppendUint16(f4, s.delta)
	}
	for range segs {
		f4 = be.AppendUint16(f4, 0)
	}
	be.PutUint16(f4[2:], uint16(len(f4)))
	f12 := make([]byte, 16)
	be.PutUint16(f12, 12)
	be.PutUint32(f12[4:], uint32(16+12*len(groups)))
	be.PutUint32(f12[12:], uint32(len(groups)))
	for _, g := range groups {
		f12 = be.AppendUint32(f12, g[0])
		f12 = be.AppendUint32(f12, g[1])
		f12 = be.AppendUint32(f12, g[2])
	}
	b := make([]byte, 20)
	be.PutUint16(b[2:], 2)
	be.PutUint16(b[4:], 3)
	be.PutUint16(b[6:], 1)
	be.PutUint32(b[8:], 20)
	be.PutUint16(b[12:], 3)
	be.PutUint16(b[14:], 10)
	be.PutUint32(b[16:], uint32(20+len(f4)))
	b = append(b, f4...)
	return append(b, f12...)
}
