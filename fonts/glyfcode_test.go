package fonts

import (
	"encoding/binary"
	"slices"
)

// The points of simple TrueType glyphs read into slices and written again:
// the plain way of shrinkEm's transcoding (glyfcode.go), kept for the tests
// to check it against.

// A glyph point of a simple TrueType glyph.
type glyfPoint struct {
	x, y  int
	flags byte // on-curve (0x01) and overlap (0x40) bits
}

// readSimple decodes a simple glyph's contour ends and points; a glyph
// with instructions is refused.
func readSimple(g []byte) (ends []int, pts []glyfPoint, err error) {
	be := binary.BigEndian
	nc := int(int16(be.Uint16(g)))
	p := 10
	if p+2*nc+2 > len(g) {
		return nil, nil, errNoShrink
	}
	for i := range nc {
		ends = append(ends, int(be.Uint16(g[p+2*i:])))
	}
	p += 2 * nc
	if be.Uint16(g[p:]) != 0 {
		return nil, nil, errNoShrink // instructions address points in font units
	}
	p += 2
	n := 0
	if nc > 0 {
		n = ends[nc-1] + 1
	}
	flags := make([]byte, 0, n)
	for len(flags) < n {
		if p >= len(g) {
			return nil, nil, errNoShrink
		}
		f := g[p]
		p++
		flags = append(flags, f)
		if f&8 != 0 {
			if p >= len(g) {
				return nil, nil, errNoShrink
			}
			for r := int(g[p]); r > 0 && len(flags) < n; r-- {
				flags = append(flags, f)
			}
			p++
		}
	}
	pts = make([]glyfPoint, n)
	for axis := range 2 {
		short, same := byte(2), byte(16) // x
		if axis == 1 {
			short, same = 4, 32 // y
		}
		v := 0
		for i, f := range flags {
			switch {
			case f&short != 0:
				if p >= len(g) {
					return nil, nil, errNoShrink
				}
				d := int(g[p])
				if f&same == 0 {
					d = -d
				}
				v += d
				p++
			case f&same == 0:
				if p+2 > len(g) {
					return nil, nil, errNoShrink
				}
				v += int(int16(be.Uint16(g[p:])))
				p += 2
			}
			if axis == 0 {
				pts[i] = glyfPoint{x: v, flags: f & 0x41}
			} else {
				pts[i].y = v
			}
		}
	}
	return ends, pts, nil
}

// writeSimple appends the contour ends, no instructions, the flags (runs
// of equal flags repeated) and the coordinates of a simple glyph.
func writeSimple(out []byte, ends []int, pts []glyfPoint) []byte {
	be := binary.BigEndian
	for _, e := range ends {
		out = be.AppendUint16(out, uint16(e))
	}
	out = be.AppendUint16(out, 0)
	flags := make([]byte, len(pts))
	var xs, ys []byte
	px, py := 0, 0
	for i, pt := range pts {
		f := pt.flags
		f, xs = delta(f, xs, pt.x-px, 2, 16)
		f, ys = delta(f, ys, pt.y-py, 4, 32)
		flags[i] = f
		px, py = pt.x, pt.y
	}
	for i := 0; i < len(flags); {
		j := i + 1
		for j < len(flags) && flags[j] == flags[i] && j-i <= 255 {
			j++
		}
		if j-i > 1 {
			out = append(out, flags[i]|8, byte(j-i-1))
		} else {
			out = append(out, flags[i])
		}
		i = j
	}
	return append(append(out, xs...), ys...)
}

// shrinkSlices is shrinkGlyph the plain way: a simple glyph's points
// are read into slices, divided and written again.
func shrinkSlices(g []byte, k int) ([]byte, error) {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) < 0 {
		return shrinkGlyph(g, k) // empty or composite: no points
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
	return writeSimple(append(slices.Clone(g[:2]), box...), ends, pts), nil
}
