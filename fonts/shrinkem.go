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
// (Advances are rounded; a PDF takes its widths from the W array.) The
// embedded TW-Kai has its points on a grid of 4 units for this
// (fonts/subset.py); its PDF program shrinks by about 3.5 %. Fonts that
// do not fit are returned as they are.
func shrinkEm(tables []table) []table {
	var s shrinker
	for _, k := range []int{4, 2} {
		s.k = k
		if out, err := s.shrink(tables); err == nil {
			return out
		}
	}
	return tables
}

// A shrinker divides the coordinates of a font's glyphs by k. It writes
// the glyphs one after the other into a single buffer, transcoding each
// glyph's points as it reads them, and reuses its buffers from glyph to
// glyph and from one k to the next.
type shrinker struct {
	k      int
	glyf   []byte // the glyf table written
	flags  []byte // the flags of a glyph's points, one a point
	xs, ys []byte // a glyph's coordinates, written
}

// shrink returns tables with the em, outlines and metrics divided by k.
func (s *shrinker) shrink(tables []table) ([]table, error) {
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
	k := s.k
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
	newLoca, long, err := s.shrinkGlyphs(glyf, loca, n, be.Uint16(head[50:]) != 0)
	if err != nil {
		return nil, err
	}
	newHmtx, err := shrinkHmtx(hmtx, n, int(be.Uint16(hhea[34:])), k)
	if err != nil {
		return nil, err
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
	be.PutUint16(newHead[50:], 0) // indexToLocFormat
	if long {
		be.PutUint16(newHead[50:], 1)
	}
	// Line metrics, which only describe the font, rounded.
	newHhea := scaleFields(hhea, k, []int{4, 6, 8, 12, 14, 16}, []int{10})
	out := make([]table, 0, len(tables))
	for _, t := range tables {
		switch t.tag {
		case "glyf":
			t.data = s.glyf
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

// shrinkGlyphs writes the n glyphs of glyf, which loca (long offsets or
// short ones) locates, with their coordinates divided by k into s.glyf,
// each starting on an even offset, and returns their loca table: short
// offsets when they fit, long ones (newLong) otherwise.
func (s *shrinker) shrinkGlyphs(glyf, loca []byte, n int, long bool) (newLoca []byte, newLong bool, err error) {
	be := binary.BigEndian
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
	if s.glyf == nil {
		// The glyphs rarely grow, and their padding shrinks.
		s.glyf = make([]byte, 0, len(glyf))
	}
	out := s.glyf[:0]
	// The offsets are written long, and made short afterwards when the
	// table turns out small enough.
	newLoca = make([]byte, 4*(n+1))
	for i := range n {
		a, ok1 := offset(i)
		b, ok2 := offset(i + 1)
		if !ok1 || !ok2 || a > b || b > len(glyf) {
			return nil, false, errNoShrink
		}
		if out, err = s.appendGlyph(out, glyf[a:b]); err != nil {
			return nil, false, err
		}
		if len(out)%2 != 0 {
			out = append(out, 0)
		}
		be.PutUint32(newLoca[4*(i+1):], uint32(len(out)))
	}
	s.glyf = out
	if len(out) > 0x1FFFE {
		return newLoca, true, nil
	}
	for i := range n + 1 { // in place: entry i moves from 4i to 2i
		be.PutUint16(newLoca[2*i:], uint16(be.Uint32(newLoca[4*i:])/2))
	}
	return newLoca[:2*(n+1)], false, nil
}

// shrinkHmtx returns a copy of the hmtx table of n glyphs with metrics
// long metrics, its advances and side bearings divided by k.
func shrinkHmtx(hmtx []byte, n, metrics, k int) ([]byte, error) {
	be := binary.BigEndian
	if len(hmtx) < 4*metrics+2*(n-metrics) || metrics > n {
		return nil, errNoShrink
	}
	out := make([]byte, len(hmtx))
	copy(out, hmtx)
	for i := 0; i < 4*metrics; i += 4 {
		adv := int(be.Uint16(hmtx[i:]))
		lsb := int(int16(be.Uint16(hmtx[i+2:])))
		if lsb%k != 0 {
			return nil, errNoShrink
		}
		// An advance is rounded: a PDF reader takes widths from the W
		// array, not from the program (TW-Kai's .notdef is 374 wide).
		be.PutUint16(out[i:], uint16((adv+k/2)/k))
		be.PutUint16(out[i+2:], uint16(int16(lsb/k)))
	}
	for i := 4 * metrics; i+2 <= 4*metrics+2*(n-metrics); i += 2 {
		lsb := int(int16(be.Uint16(hmtx[i:])))
		if lsb%k != 0 {
			return nil, errNoShrink
		}
		be.PutUint16(out[i:], uint16(int16(lsb/k)))
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
	s := shrinker{k: k}
	return s.appendGlyph(nil, g)
}

// appendGlyph appends glyph g with its coordinates divided by s.k to out,
// or fails when one is not a multiple or the glyph has instructions.
func (s *shrinker) appendGlyph(out, g []byte) ([]byte, error) {
	if len(g) == 0 {
		return out, nil
	}
	if len(g) < 10 {
		return nil, errNoShrink
	}
	be := binary.BigEndian
	out = append(out, g[:2]...) // numberOfContours
	for i := range 4 {          // the glyph's box
		v := int(int16(be.Uint16(g[2+2*i:])))
		if v%s.k != 0 {
			return nil, errNoShrink
		}
		out = be.AppendUint16(out, uint16(int16(v/s.k)))
	}
	if int16(be.Uint16(g)) < 0 {
		return appendComposite(out, g, s.k)
	}
	return s.appendSimple(out, g)
}

// appendComposite appends the components of a composite glyph with their
// offsets divided by k.
func appendComposite(out, g []byte, k int) ([]byte, error) {
	be := binary.BigEndian
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
