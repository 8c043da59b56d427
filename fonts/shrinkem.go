package fonts

import (
	"encoding/binary"
	"errors"
	"math"
)

// errNoShrink: the font cannot take a smaller em without changing a
// glyph (a coordinate is not a multiple, or the glyphs are hinted).
var errNoShrink = errors.New("the em cannot shrink")

// shrinkEm writes tables, in tag order, to w with the em square of a
// font without hinting divided by the largest of 4 and 2 that divides
// every coordinate, which changes no outline, only the numbers that
// write them: smaller deltas that compress better. (Advances are
// rounded; a PDF takes its widths from the W array.) The embedded TW-Kai
// has its points on a grid of 4 units for this (fonts/subset.py); its
// PDF program shrinks by about 3.5 %. It reports false, with w reset,
// when the font does not fit.
func shrinkEm(w *fontWriter, tables []table) bool {
	var s shrinker
	for _, k := range []int{4, 2} {
		s.k = k
		if s.write(w, tables) == nil {
			return true
		}
		w.reset(0)
	}
	return false
}

// A shrinker divides the coordinates of a font's glyphs by k. It writes
// the glyphs one after the other into the font file, transcoding each
// glyph's points as it reads them, and reuses its buffers from glyph to
// glyph and from one k to the next.
type shrinker struct {
	k      int
	loca   []uint32 // the offsets of the glyphs written
	flags  []byte   // the flags of a glyph's points, one a point
	xs, ys []byte   // a glyph's coordinates, written
}

// write writes tables, in tag order, to w with the em, outlines and
// metrics divided by s.k.
func (s *shrinker) write(w *fontWriter, tables []table) error {
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
			return errNoShrink // hinting programs measure in font units
		}
	}
	be := binary.BigEndian
	head, hhea, maxp := get("head"), get("hhea"), get("maxp")
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return errNoShrink
	}
	if em := int(be.Uint16(head[18:])); em%s.k != 0 || em/s.k < 16 {
		return errNoShrink
	}
	n := int(be.Uint16(maxp[4:]))
	// glyf sorts before head and loca, which take its offsets.
	for _, t := range tables {
		w.begin(t.tag)
		var err error
		switch t.tag {
		case "glyf":
			w.out, err = s.appendGlyphs(w.out, t.data, get("loca"), n, be.Uint16(head[50:]) != 0)
		case "loca":
			w.out = s.appendLoca(w.out)
		default:
			at := len(w.out)
			w.out = append(w.out, t.data...)
			err = s.scale(t.tag, w.out[at:], n, int(be.Uint16(hhea[34:])))
		}
		if err != nil {
			return err
		}
		w.end()
	}
	return nil
}

// scale divides the measures of table tag, a copy of the font's, in
// place: the em and the box of all glyphs of head, the line metrics of
// hhea and OS/2, and the advances and side bearings of the n glyphs of
// hmtx, metrics of which have an advance of their own. The offsets of
// the glyphs must have been written.
func (s *shrinker) scale(tag string, t []byte, n, metrics int) error {
	be := binary.BigEndian
	switch tag {
	case "head":
		be.PutUint16(t[18:], be.Uint16(t[18:])/uint16(s.k))
		for _, at := range []int{36, 38, 40, 42} { // the box of all glyphs
			v := int(int16(be.Uint16(t[at:])))
			if v%s.k != 0 {
				return errNoShrink
			}
			be.PutUint16(t[at:], uint16(int16(v/s.k)))
		}
		be.PutUint16(t[50:], 0) // indexToLocFormat
		if s.longLoca() {
			be.PutUint16(t[50:], 1)
		}
	case "hhea":
		// Line metrics, which only describe the font, rounded.
		scaleFields(t, s.k, []int{4, 6, 8, 12, 14, 16}, []int{10})
	case "hmtx":
		return scaleHmtx(t, n, metrics, s.k)
	case "OS/2":
		scaleOS2(t, s.k)
	}
	return nil
}

// appendGlyphs appends the n glyphs of glyf, which loca (long offsets
// or short ones) locates, with their coordinates divided by k to out,
// each starting on an even offset, and keeps their offsets in s.loca.
func (s *shrinker) appendGlyphs(out, glyf, loca []byte, n int, long bool) ([]byte, error) {
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
	start := len(out)
	s.loca = append(s.loca[:0], 0)
	for i := range n {
		a, ok1 := offset(i)
		b, ok2 := offset(i + 1)
		if !ok1 || !ok2 || a > b || b > len(glyf) {
			return nil, errNoShrink
		}
		var err error
		if out, err = s.appendGlyph(out, glyf[a:b]); err != nil {
			return nil, err
		}
		if (len(out)-start)%2 != 0 {
			out = append(out, 0)
		}
		s.loca = append(s.loca, uint32(len(out)-start))
	}
	return out, nil
}

// longLoca reports whether the glyphs written need long offsets.
func (s *shrinker) longLoca() bool {
	return len(s.loca) > 0 && s.loca[len(s.loca)-1] > 0x1FFFE
}

// appendLoca appends the loca table of the glyphs written: short offsets
// when they fit, long ones otherwise.
func (s *shrinker) appendLoca(out []byte) []byte {
	be := binary.BigEndian
	long := s.longLoca()
	for _, o := range s.loca {
		if long {
			out = be.AppendUint32(out, o)
		} else {
			out = be.AppendUint16(out, uint16(o/2))
		}
	}
	return out
}

// scaleHmtx divides the advances and side bearings of an hmtx table of n
// glyphs with metrics long metrics by k, in place.
func scaleHmtx(hmtx []byte, n, metrics, k int) error {
	be := binary.BigEndian
	if len(hmtx) < 4*metrics+2*(n-metrics) || metrics > n {
		return errNoShrink
	}
	for i := 0; i < 4*metrics; i += 4 {
		adv := int(be.Uint16(hmtx[i:]))
		lsb := int(int16(be.Uint16(hmtx[i+2:])))
		if lsb%k != 0 {
			return errNoShrink
		}
		// An advance is rounded: a PDF reader takes widths from the W
		// array, not from the program (TW-Kai's .notdef is 374 wide).
		be.PutUint16(hmtx[i:], uint16((adv+k/2)/k))
		be.PutUint16(hmtx[i+2:], uint16(int16(lsb/k)))
	}
	for i := 4 * metrics; i+2 <= 4*metrics+2*(n-metrics); i += 2 {
		lsb := int(int16(be.Uint16(hmtx[i:])))
		if lsb%k != 0 {
			return errNoShrink
		}
		be.PutUint16(hmtx[i:], uint16(int16(lsb/k)))
	}
	return nil
}

// scaleFields divides the int16 fields of b at signed and the uint16
// fields at unsigned by k, rounded, in place.
func scaleFields(b []byte, k int, signed, unsigned []int) {
	be := binary.BigEndian
	for _, at := range signed {
		if at+2 <= len(b) {
			v := float64(int16(be.Uint16(b[at:])))
			be.PutUint16(b[at:], uint16(int16(math.Round(v/float64(k)))))
		}
	}
	for _, at := range unsigned {
		if at+2 <= len(b) {
			v := float64(be.Uint16(b[at:]))
			be.PutUint16(b[at:], uint16(math.Round(v/float64(k))))
		}
	}
}

// scaleOS2 scales the measures of an OS/2 table in place: average width,
// sub- and superscript sizes and offsets, strikeout, typographic and
// Windows ascent and descent, x-height and cap height.
func scaleOS2(b []byte, k int) {
	signed := []int{2, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 68, 70, 72}
	unsigned := []int{74, 76}
	if len(b) >= 90 && binary.BigEndian.Uint16(b) >= 2 {
		signed = append(signed, 86, 88)
	}
	scaleFields(b, k, signed, unsigned)
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
