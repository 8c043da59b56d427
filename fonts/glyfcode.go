package fonts

import "encoding/binary"

// The points of simple TrueType glyphs, transcoded (for shrinkEm).

// Flags of a simple glyph's point.
const (
	onCurve = 0x01 // ON_CURVE_POINT
	xShort  = 0x02 // X_SHORT_VECTOR
	yShort  = 0x04 // Y_SHORT_VECTOR
	repeat  = 0x08 // REPEAT_FLAG
	xSame   = 0x10 // X_IS_SAME_OR_POSITIVE_X_SHORT_VECTOR
	ySame   = 0x20 // Y_IS_SAME_OR_POSITIVE_Y_SHORT_VECTOR
	overlap = 0x40 // OVERLAP_SIMPLE
)

// appendSimple appends the rest of simple glyph g after its header with
// the coordinates divided by s.k: the contour ends, no instructions, the
// flags (runs of equal flags repeated) and the coordinates, each in its
// shortest form. A glyph with instructions is refused, as is one with a
// coordinate that is not a multiple of s.k.
func (s *shrinker) appendSimple(out, g []byte) ([]byte, error) {
	be := binary.BigEndian
	nc := int(int16(be.Uint16(g)))
	p := 10 + 2*nc
	if p+2 > len(g) {
		return nil, errNoShrink
	}
	if be.Uint16(g[p:]) != 0 {
		return nil, errNoShrink // instructions address points in font units
	}
	n := 0
	if nc > 0 {
		n = int(be.Uint16(g[p-2:])) + 1
	}
	out = append(out, g[10:p]...) // the contour ends
	out = append(out, 0, 0)       // no instructions
	p += 2
	var ok bool
	if s.flags, p, ok = readFlags(s.flags[:0], g, p, n); !ok {
		return nil, errNoShrink
	}
	if s.xs, p, ok = s.coords(s.xs[:0], g, p, xShort, xSame); !ok {
		return nil, errNoShrink
	}
	if s.ys, _, ok = s.coords(s.ys[:0], g, p, yShort, ySame); !ok {
		return nil, errNoShrink
	}
	out = appendFlags(out, s.flags)
	return append(append(out, s.xs...), s.ys...), nil
}

// readFlags appends the flags of n points, read from g at p with their
// repeats expanded, to flags and returns where they end. Only the bits
// a point keeps (on curve, overlap) and those of its coordinates are kept.
func readFlags(flags, g []byte, p, n int) ([]byte, int, bool) {
	const kept = onCurve | overlap | xShort | xSame | yShort | ySame
	for len(flags) < n {
		if p >= len(g) {
			return nil, 0, false
		}
		f := g[p]
		p++
		flags = append(flags, f&kept)
		if f&repeat != 0 {
			if p >= len(g) {
				return nil, 0, false
			}
			for r := int(g[p]); r > 0 && len(flags) < n; r-- {
				flags = append(flags, f&kept)
			}
			p++
		}
	}
	return flags, p, true
}

// coords reads the changes of one coordinate (x or y, as the flag bits
// short and same say) of every point of s.flags from g at p, and appends
// each divided by s.k to out in its shortest form, setting the point's
// short and same bits to match (the other coordinate's are left for its
// own pass). It returns where the changes read end,
// and false when g ends early or a change is not a multiple of s.k (so
// a coordinate is not).
func (s *shrinker) coords(out, g []byte, p int, short, same byte) ([]byte, int, bool) {
	for i, f := range s.flags {
		var d int
		switch {
		case f&short != 0:
			if p >= len(g) {
				return nil, 0, false
			}
			d = int(g[p])
			if f&same == 0 {
				d = -d
			}
			p++
		case f&same == 0:
			if p+2 > len(g) {
				return nil, 0, false
			}
			d = int(int16(binary.BigEndian.Uint16(g[p:])))
			p += 2
		}
		if d%s.k != 0 {
			return nil, 0, false
		}
		d /= s.k
		s.flags[i], out = delta(f&^(short|same), out, d, short, same)
	}
	return out, p, true
}

// delta encodes one coordinate change d in its shortest form: the flag
// bits short and same are set in f, and the bytes appended to out.
func delta(f byte, out []byte, d int, short, same byte) (byte, []byte) {
	switch {
	case d == 0:
		return f | same, out
	case d > -256 && d < 256:
		f |= short
		if d > 0 {
			f |= same
		} else {
			d = -d
		}
		return f, append(out, byte(d))
	}
	return f, binary.BigEndian.AppendUint16(out, uint16(int16(d)))
}

// appendFlags appends flags to out, a run of equal flags as one flag
// with the repeat bit and the number of repeats (at most 255).
func appendFlags(out, flags []byte) []byte {
	for i := 0; i < len(flags); {
		j := i + 1
		for j < len(flags) && flags[j] == flags[i] && j-i <= 255 {
			j++
		}
		if j-i > 1 {
			out = append(out, flags[i]|repeat, byte(j-i-1))
		} else {
			out = append(out, flags[i])
		}
		i = j
	}
	return out
}
