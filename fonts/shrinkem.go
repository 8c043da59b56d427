package fonts

import (
	"encoding/binary"
	"errors"
	"math"
)

// errNoShrink: the font cannot take a smaller em without changing a
// glyph (a coordinate is not a multiple, or the glyphs are hinted).
var errNoShrink = errors.New("the em cannot shrink")

// shrinkEm divides the em square of a font without hinting by the largest
// of 4 and 2 that divides every coordinate, which changes no outline,
// only the numbers that write them: smaller deltas that compress better.
// (Advances are rounded; a PDF takes its widths from the W array.) The embedded TW-Kai has its points on a grid of
// 4 units for this (fonts/subset.py); its PDF program shrinks by about
// 3.5 %. Fonts that do not fit are returned as they are.
func shrinkEm(tables []table) []table {
	for _, k := range []int{4, 2} {
		if out, err := shrinkBy(tables, k); err == nil {
			return out
		}
	}
	return tables
}

func shrinkBy(tables []table, k int) ([]table, error) {
	get := func(tag string) []byte {
		for _, t := range tables {
			if t.tag == tag {
				return t.data
			}
		}
		return nil
	}
	for _, tag := range []string{"cvt ", "fpgm", "prep"} {
		if get(tag) != nil {
			return nil, errNoShrink // hinting programs measure in font units
		}
	}
	be := binary.BigEndian
	head, hhea, hmtx, maxp, loca, glyf := get("head"), get("hhea"), get("hmtx"), get("maxp"), get("loca"), get("glyf")
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errNoShrink
	}
	em := int(be.Uint16(head[18:]))
	if em%k != 0 || em/k < 16 {
		return nil, errNoShrink
	}
	n := int(be.Uint16(maxp[4:]))
	long := be.Uint16(head[50:]) != 0
	offset := func(i int) (int, bool) {
		if long {
			if 4*i+4 > len(loca) {
				return 0, false
			}
			return int(be.Uint32(loca[4*i:])), true
		}
		if 2*i+2 > len(loca) {
			return 0, false
		}
		return 2 * int(be.Uint16(loca[2*i:])), true
	}
	var newGlyf []byte
	offs := make([]int, n+1)
	for i := range n {
		a, ok1 := offset(i)
		b, ok2 := offset(i + 1)
		if !ok1 || !ok2 || a > b || b > len(glyf) {
			return nil, errNoShrink
		}
		g, err := shrinkGlyph(glyf[a:b], k)
		if err != nil {
			return nil, err
		}
		newGlyf = append(newGlyf, g...)
		if len(newGlyf)%2 != 0 {
			newGlyf = append(newGlyf, 0)
		}
		offs[i+1] = len(newGlyf)
	}
	// Advances and side bearings.
	metrics := int(be.Uint16(hhea[34:]))
	if len(hmtx) < 4*metrics+2*(n-metrics) || metrics > n {
		return nil, errNoShrink
	}
	newHmtx := make([]byte, len(hmtx))
	copy(newHmtx, hmtx)
	for i := 0; i < 4*metrics; i += 4 {
		adv := int(be.Uint16(hmtx[i:]))
		lsb := int(int16(be.Uint16(hmtx[i+2:])))
		if lsb%k != 0 {
			return nil, errNoShrink
		}
		// An advance is rounded: a PDF reader takes widths from the W
		// array, not from the program (TW-Kai's .notdef is 374 wide).
		be.PutUint16(newHmtx[i:], uint16((adv+k/2)/k))
		be.PutUint16(newHmtx[i+2:], uint16(int16(lsb/k)))
	}
	for i := 4 * metrics; i+2 <= 4*metrics+2*(n-metrics); i += 2 {
		lsb := int(int16(be.Uint16(hmtx[i:])))
		if lsb%k != 0 {
			return nil, errNoShrink
		}
		be.PutUint16(newHmtx[i:], uint16(int16(lsb/k)))
	}
	newHead := append([]byte(nil), head...)
	be.PutUint16(newHead[18:], uint16(em/k))
	for _, at := range []int{36, 38, 40, 42} { // the box of all glyphs
		v := int(int16(be.Uint16(head[at:])))
		if v%k != 0 {
			return nil, errNoShrink
		}
		be.PutUint16(newHead[at:], uint16(int16(v/k)))
	}
	var newLoca []byte
	if offs[n] <= 0x1FFFE {
		be.PutUint16(newHead[50:], 0)
		for _, o := range offs {
			newLoca = be.AppendUint16(newLoca, uint16(o/2))
		}
	} else {
		be.PutUint16(newHead[50:], 1)
		for _, o := range offs {
			newLoca = be.AppendUint32(newLoca, uint32(o))
		}
	}
	// Line metrics, which only describe the font, rounded.
	newHhea := scaleFields(hhea, k, []int{4, 6, 8, 12, 14, 16}, []int{10})
	out := make([]table, 0, len(tables))
	for _, t := range tables {
		switch t.tag {
		case "glyf":
			t.data = newGlyf
		case "loca":
			t.data = newLoca
		case "head":
			t.data = newHead
		case "hhea":
			t.data = newHhea
		case "hmtx":
			t.data = newHmtx
		case "OS/2":
			t.data = scaleOS2(t.data, k)
		}
		out = append(out, t)
	}
	return out, nil
}

// scaleFields returns a copy of b with the int16 fields at signed and
// the uint16 fields at unsigned divided by k, rounded.
func scaleFields(b []byte, k int, signed, unsigned []int) []byte {
	be := binary.BigEndian
	out := append([]byte(nil), b...)
	for _, at := range signed {
		if at+2 <= len(out) {
			v := float64(int16(be.Uint16(out[at:])))
			be.PutUint16(out[at:], uint16(int16(math.Round(v/float64(k)))))
		}
	}
	for _, at := range unsigned {
		if at+2 <= len(out) {
			v := float64(be.Uint16(out[at:]))
			be.PutUint16(out[at:], uint16(math.Round(v/float64(k))))
		}
	}
	return out
}

// scaleOS2 scales the measures of an OS/2 table: average width, sub- and
// superscript sizes and offsets, strikeout, typographic and Windows
// ascent and descent, x-height and cap height.
func scaleOS2(b []byte, k int) []byte {
	signed := []int{2, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 68, 70, 72}
	unsigned := []int{74, 76}
	if len(b) >= 90 && binary.BigEndian.Uint16(b) >= 2 {
		signed = append(signed, 86, 88)
	}
	return scaleFields(b, k, signed, unsigned)
}

// shrinkGlyph divides the coordinates of one glyph by k, or fails when
// one is not a multiple or the glyph has instructions.
func shrinkGlyph(g []byte, k int) ([]byte, error) {
	if len(g) == 0 {
		return nil, nil
	}
	if len(g) < 10 {
		return nil, errNoShrink
	}
	be := binary.BigEndian
	box := make([]byte, 8)
	for i := range 4 {
		v := int(int16(be.Uint16(g[2+2*i:])))
		if v%k != 0 {
			return nil, errNoShrink
		}
		be.PutUint16(box[2*i:], uint16(int16(v/k)))
	}
	nc := int(int16(be.Uint16(g)))
	if nc < 0 {
		return shrinkComposite(g, box, k)
	}
	ends, pts, err := readSimple(g)
	if err != nil {
		return nil, err
	}
	for i := range pts {
		if pts[i].x%k != 0 || pts[i].y%k != 0 {
			return nil, errNoShrink
		}
		pts[i].x /= k
		pts[i].y /= k
	}
	out := append(be.AppendUint16(nil, uint16(int16(nc))), box...)
	return writeSimple(out, ends, pts), nil
}

// shrinkComposite divides the offsets of a composite glyph's components.
func shrinkComposite(g, box []byte, k int) ([]byte, error) {
	be := binary.BigEndian
	out := append(append([]byte(nil), g[:2]...), box...)
	p := 10
	for {
		if p+4 > len(g) {
			return nil, errNoShrink
		}
		flags := be.Uint16(g[p:])
		if flags&0x100 != 0 {
			return nil, errNoShrink // instructions
		}
		out = append(out, g[p:p+4]...)
		p += 4
		words := flags&1 != 0
		size := 2
		if words {
			size = 4
		}
		if p+size > len(g) {
			return nil, errNoShrink
		}
		if flags&2 == 0 { // point numbers, not offsets
			out = append(out, g[p:p+size]...)
		} else {
			for a := range 2 {
				var v int
				if words {
					v = int(int16(be.Uint16(g[p+2*a:])))
				} else {
					v = int(int8(g[p+a]))
				}
				if v%k != 0 {
					return nil, errNoShrink
				}
				if words {
					out = be.AppendUint16(out, uint16(int16(v/k)))
				} else {
					out = append(out, byte(int8(v/k)))
				}
			}
		}
		p += size
		scale := 0
		switch {
		case flags&0x08 != 0:
			scale = 2
		case flags&0x40 != 0:
			scale = 4
		case flags&0x80 != 0:
			scale = 8
		}
		if p+scale > len(g) {
			return nil, errNoShrink
		}
		out = append(out, g[p:p+scale]...)
		p += scale
		if flags&0x20 == 0 {
			return out, nil
		}
	}
}
