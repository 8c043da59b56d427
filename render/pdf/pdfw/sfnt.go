package pdfw

import (
	"encoding/binary"
	"errors"
	"strconv"
)

// metrics are the font-wide values of a font descriptor, in thousandths
// of an em.
type metrics struct {
	bbox                       [4]int
	ascent, descent, capHeight int
}

// readMetrics reads the font descriptor values from the head, hhea and
// OS/2 tables of an sfnt font file.
func readMetrics(data []byte) (*metrics, error) {
	head, hhea, os2 := sfntTable(data, "head"), sfntTable(data, "hhea"), sfntTable(data, "OS/2")
	if len(head) < 54 || len(hhea) < 8 {
		return nil, errors.New("the font file has no usable head or hhea table")
	}
	be := binary.BigEndian
	upem := int(be.Uint16(head[18:]))
	if upem == 0 {
		return nil, errors.New("the font's unitsPerEm is 0")
	}
	scale := func(v int16) int { return int(v) * 1000 / upem }
	m := &metrics{
		bbox:    [4]int{scale(int16(be.Uint16(head[36:]))), scale(int16(be.Uint16(head[38:]))), scale(int16(be.Uint16(head[40:]))), scale(int16(be.Uint16(head[42:])))},
		ascent:  scale(int16(be.Uint16(hhea[4:]))),
		descent: scale(int16(be.Uint16(hhea[6:]))),
	}
	m.capHeight = m.ascent
	if len(os2) >= 90 && be.Uint16(os2) >= 2 {
		if c := scale(int16(be.Uint16(os2[88:]))); c > 0 {
			m.capHeight = c
		}
	}
	return m, nil
}

// descriptor writes the keys of a FontDescriptor but the font file.
func (m *metrics) descriptor(base string) []byte {
	d := []byte("<</Type/FontDescriptor/FontName")
	d = appendName(d, base)
	d = append(d, "/Flags 4/FontBBox["...)
	for i, v := range m.bbox {
		if i > 0 {
			d = append(d, ' ')
		}
		d = strconv.AppendInt(d, int64(v), 10)
	}
	d = append(d, "]/ItalicAngle 0/Ascent "...)
	d = strconv.AppendInt(d, int64(m.ascent), 10)
	d = append(d, "/Descent "...)
	d = strconv.AppendInt(d, int64(m.descent), 10)
	d = append(d, "/CapHeight "...)
	d = strconv.AppendInt(d, int64(m.capHeight), 10)
	return append(d, "/StemV 80"...)
}

// sfntTable returns a table of an sfnt font file, or nil.
func sfntTable(data []byte, tag string) []byte {
	off, size, ok := sfntRecord(data, tag)
	if !ok {
		return nil
	}
	return data[off : off+size]
}

// sfntRecord returns where a table of an sfnt font file is.
func sfntRecord(data []byte, tag string) (off, size int, ok bool) {
	if len(data) < 12 {
		return 0, 0, false
	}
	be := binary.BigEndian
	n := int(be.Uint16(data[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return 0, 0, false
		}
		if string(data[rec:rec+4]) != tag {
			continue
		}
		o, sz := uint64(be.Uint32(data[rec+8:])), uint64(be.Uint32(data[rec+12:]))
		if o+sz > uint64(len(data)) {
			return 0, 0, false
		}
		return int(o), int(sz), true
	}
	return 0, 0, false
}
