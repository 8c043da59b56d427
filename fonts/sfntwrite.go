package fonts

import (
	"encoding/binary"
	"fmt"
	"sort"
)

// table is one table of a font file being written: its data, or, when
// write is set, a table of size bytes that write appends to the file.
type table struct {
	tag   string
	data  []byte
	size  int
	write func(out []byte) []byte
}

// len returns the size of the table.
func (t *table) len() int {
	if t.write != nil {
		return t.size
	}
	return len(t.data)
}

// writeFont writes a TrueType font file of tables (see fontWriter).
func writeFont(tables []table) []byte {
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	size := 0
	for _, t := range tables {
		size += (t.len() + 3) &^ 3
	}
	w := newFontWriter(len(tables), size)
	for _, t := range tables {
		if t.write == nil {
			w.add(t.tag, t.data)
			continue
		}
		w.begin(t.tag)
		w.out = t.write(w.out)
		w.end()
	}
	return w.finish()
}

// A fontWriter writes a TrueType font file into one buffer: the table
// directory in tag order with each table's checksum, the tables each
// starting on a four-byte boundary, and head.checkSumAdjustment set so
// the whole file sums to 0xB1B0AFBA. The tables are written in tag
// order, each either whole (add) or appended to out between begin and
// end, which lets a table be made in place.
type fontWriter struct {
	out   []byte // the file written so far
	n     int    // the number of tables
	i     int    // the tables begun
	start int    // where the table begun starts in out
	head  int    // where the head table starts in out, or -1
	sum   uint32 // the checksums of the tables ended
}

// newFontWriter starts a file of n tables, sized for tables of size bytes
// in all (each padded to four bytes).
func newFontWriter(n, size int) *fontWriter {
	w := &fontWriter{n: n}
	w.reset(size)
	return w
}

// reset starts the file again, keeping the buffer when it has room for
// size bytes of tables.
func (w *fontWriter) reset(size int) {
	dir := 12 + 16*w.n
	if cap(w.out) < dir+size {
		w.out = make([]byte, 0, dir+size)
	}
	w.out = append(w.out[:0], make([]byte, dir)...)
	w.i, w.head, w.sum = 0, -1, 0
}

// begin starts table tag, which is to be appended to w.out.
func (w *fontWriter) begin(tag string) {
	copy(w.out[12+16*w.i:], tag)
	w.start = len(w.out)
	if tag == "head" {
		w.head = w.start
	}
}

// end ends the table begun: for head, checkSumAdjustment is zeroed (a
// head too short to hold it gets none); the table is padded and its
// record written.
func (w *fontWriter) end() {
	be := binary.BigEndian
	t := w.out[w.start:]
	if w.start == w.head {
		if len(t) < 12 {
			w.head = -1 // too short to hold the adjustment
		} else {
			be.PutUint32(t[8:], 0)
		}
	}
	cs := checksum(t)
	w.sum += cs
	rec := w.out[12+16*w.i:]
	be.PutUint32(rec[4:], cs)
	be.PutUint32(rec[8:], uint32(w.start))
	be.PutUint32(rec[12:], uint32(len(t)))
	for len(w.out)%4 != 0 {
		w.out = append(w.out, 0)
	}
	w.i++
}

// add writes a table whole.
func (w *fontWriter) add(tag string, data []byte) {
	w.begin(tag)
	w.out = append(w.out, data...)
	w.end()
}

// finish writes the header and head.checkSumAdjustment and returns the
// file.
func (w *fontWriter) finish() []byte {
	be := binary.BigEndian
	out := w.out
	be.PutUint32(out, magicTrueType)
	be.PutUint16(out[4:], uint16(w.n))
	sel := 0
	for 2<<sel <= w.n {
		sel++
	}
	be.PutUint16(out[6:], uint16(16<<sel))         // searchRange
	be.PutUint16(out[8:], uint16(sel))             // entrySelector
	be.PutUint16(out[10:], uint16(16*w.n-16<<sel)) // rangeShift
	if w.head >= 0 {
		sum := w.sum + checksum(out[:12+16*w.n])
		be.PutUint32(out[w.head+8:], 0xB1B0AFBA-sum)
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
