package fonts

import (
	"encoding/binary"
	"fmt"
	"sort"
)

// table is one table of a font file being written.
type table struct {
	tag  string
	data []byte
}

// writeFont writes a TrueType font file of tables: the table directory
// in tag order with each table's checksum, the tables each starting on a
// four-byte boundary, and head.checkSumAdjustment (which must be zero in
// the given head table) set so the whole file sums to 0xB1B0AFBA.
func writeFont(tables []table) []byte {
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	size := 12 + 16*len(tables)
	for _, t := range tables {
		size += (len(t.data) + 3) &^ 3
	}
	out := make([]byte, size)
	be := binary.BigEndian
	be.PutUint32(out, magicTrueType)
	be.PutUint16(out[4:], uint16(len(tables)))
	sel := 0
	for 2<<sel <= len(tables) {
		sel++
	}
	be.PutUint16(out[6:], uint16(16<<sel))                 // searchRange
	be.PutUint16(out[8:], uint16(sel))                     // entrySelector
	be.PutUint16(out[10:], uint16(16*len(tables)-16<<sel)) // rangeShift
	off := 12 + 16*len(tables)
	head := -1
	var sum uint32 // of the tables; each is padded with zeros to whole words
	for i, t := range tables {
		rec := out[12+16*i:]
		copy(rec, t.tag)
		cs := checksum(t.data)
		sum += cs
		be.PutUint32(rec[4:], cs)
		be.PutUint32(rec[8:], uint32(off))
		be.PutUint32(rec[12:], uint32(len(t.data)))
		copy(out[off:], t.data)
		if t.tag == "head" {
			head = off
		}
		off += (len(t.data) + 3) &^ 3
	}
	if head >= 0 {
		sum += checksum(out[:12+16*len(tables)])
		be.PutUint32(out[head+8:], 0xB1B0AFBA-sum)
	}
	return out
}

// writeCmap writes a cmap table for maps, sorted by character: a format
// 4 subtable (Windows, Unicode BMP) for the characters up to U+FFFF and,
// when there are characters above it, a format 12 subtable (Windows,
// Unicode full repertoire) for all of them.
func writeCmap(maps []mapping) ([]byte, error) {
	n := sort.Search(len(maps), func(i int) bool { return maps[i].r >= 0xFFFF })
	fmt4, err := writeFormat4(maps[:n])
	if err != nil {
		return nil, err
	}
	subs := [][]byte{fmt4}
	encodings := []uint16{1}
	if n < len(maps) {
		subs = append(subs, writeFormat12(maps))
		encodings = append(encodings, 10)
	}
	be := binary.BigEndian
	out := make([]byte, 4+8*len(subs))
	be.PutUint16(out[2:], uint16(len(subs)))
	for i, sub := range subs {
		rec := out[4+8*i:]
		be.PutUint16(rec, 3) // Windows
		be.PutUint16(rec[2:], encodings[i])
		be.PutUint32(rec[4:], uint32(len(out)))
		out = append(out, sub...)
	}
	return out, nil
}

// writeFormat4 writes a segment-mapping subtable: one segment for each
// run of consecutive characters with consecutive glyphs, mapped by
// idDelta, and the closing segment for U+FFFF.
func writeFormat4(maps []mapping) ([]byte, error) {
	type segment struct{ start, end, delta uint16 }
	var segs []segment
	for i, m := range maps {
		if i > 0 && m.r == maps[i-1].r+1 && m.gid == maps[i-1].gid+1 {
			segs[len(segs)-1].end = uint16(m.r)
			continue
		}
		segs = append(segs, segment{uint16(m.r), uint16(m.r), uint16(m.gid - int(m.r))})
	}
	segs = append(segs, segment{0xFFFF, 0xFFFF, 1})
	size := 16 + 8*len(segs)
	if size > 0xFFFF {
		return nil, fmt.Errorf("the %d characters fall into %d separate runs, more than one character map (format 4) can hold, about 8000",
			len(maps), len(segs)-1)
	}
	be := binary.BigEndian
	out := make([]byte, size)
	be.PutUint16(out, 4)
	be.PutUint16(out[2:], uint16(size))
	n := len(segs)
	sel := 0
	for 2<<sel <= n {
		sel++
	}
	be.PutUint16(out[6:], uint16(2*n))
	be.PutUint16(out[8:], uint16(2<<sel))        // searchRange
	be.PutUint16(out[10:], uint16(sel))          // entrySelector
	be.PutUint16(out[12:], uint16(2*n-(2<<sel))) // rangeShift
	ends, starts, deltas := 14, 16+2*n, 16+4*n   // idRangeOffsets stay zero
	for i, s := range segs {
		be.PutUint16(out[ends+2*i:], s.end)
		be.PutUint16(out[starts+2*i:], s.start)
		be.PutUint16(out[deltas+2*i:], s.delta)
	}
	return out, nil
}

// writeFormat12 writes a segmented-coverage subtable: one group for each
// run of consecutive characters with consecutive glyphs.
func writeFormat12(maps []mapping) []byte {
	type group struct{ start, end, gid uint32 }
	var groups []group
	for i, m := range maps {
		if i > 0 && m.r == maps[i-1].r+1 && m.gid == maps[i-1].gid+1 {
			groups[len(groups)-1].end = uint32(m.r)
			continue
		}
		groups = append(groups, group{uint32(m.r), uint32(m.r), uint32(m.gid)})
	}
	be := binary.BigEndian
	out := make([]byte, 16+12*len(groups))
	be.PutUint16(out, 12)
	be.PutUint32(out[4:], uint32(len(out)))
	be.PutUint32(out[12:], uint32(len(groups)))
	for i, g := range groups {
		p := out[16+12*i:]
		be.PutUint32(p, g.start)
		be.PutUint32(p[4:], g.end)
		be.PutUint32(p[8:], g.gid)
	}
	return out
}
