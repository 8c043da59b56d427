package pdf

import (
	"encoding/binary"
	"sync"
)

// fpdf writes into the font file it is given: when it subsets a font
// whose hmtx table is shorter than its glyph count, getMetrics appends to
// a slice of the table and so overwrites two bytes of it. Font data is
// shared (the embedded face is one slice for the whole process), so each
// document gets a private copy instead, and copies are reused: after a
// document the copy's hmtx table is restored from the original.
var fontCopies = &dataPool{free: make(map[*byte][][]byte)}

// dataPool keeps private copies of font files, by original.
type dataPool struct {
	mu   sync.Mutex
	free map[*byte][][]byte
}

// get returns a copy of orig that no one else uses.
func (p *dataPool) get(orig []byte) []byte {
	if len(orig) == 0 {
		return orig
	}
	p.mu.Lock()
	list := p.free[&orig[0]]
	if n := len(list); n > 0 {
		c := list[n-1]
		p.free[&orig[0]] = list[:n-1]
		p.mu.Unlock()
		return c
	}
	p.mu.Unlock()
	return append([]byte(nil), orig...)
}

// put restores what fpdf may have changed in c and keeps it for reuse.
func (p *dataPool) put(orig, c []byte) {
	if len(orig) == 0 || len(c) != len(orig) {
		return
	}
	if off, n, ok := tableRange(orig, "hmtx"); ok {
		copy(c[off:off+n], orig[off:off+n])
	} else {
		copy(c, orig)
	}
	p.mu.Lock()
	p.free[&orig[0]] = append(p.free[&orig[0]], c)
	p.mu.Unlock()
}

// tableRange finds a table in a TrueType file's directory.
func tableRange(data []byte, tag string) (off, n int, ok bool) {
	if len(data) < 12 {
		return 0, 0, false
	}
	count := int(binary.BigEndian.Uint16(data[4:]))
	for i := 0; i < count; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return 0, 0, false
		}
		if string(data[rec:rec+4]) == tag {
			off = int(binary.BigEndian.Uint32(data[rec+8:]))
			n = int(binary.BigEndian.Uint32(data[rec+12:]))
			return off, n, off >= 0 && n >= 0 && off+n <= len(data)
		}
	}
	return 0, 0, false
}
