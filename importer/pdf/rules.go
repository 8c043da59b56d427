package pdf

import "math"

// toPage turns a point in default user space into page coordinates as
// the page is shown: origin top left, Y down, after its /Rotate.
func (in *interp) toPage(p point) point {
	x, y := p.x-in.box[0], in.box[3]-p.y
	w, h := in.box[2]-in.box[0], in.box[3]-in.box[1]
	switch in.rotate {
	case 90:
		return point{h - y, x}
	case 180:
		return point{w - x, h - y}
	case 270:
		return point{y, w - x}
	}
	return point{x, y}
}

// strokes records the horizontal and vertical pieces of a stroked subpath.
func (in *interp) strokes(sp []point, closed bool) {
	n := len(sp)
	if closed && n > 2 {
		sp = append(sp[:n:n], sp[0])
	}
	for i := 0; i+1 < len(sp); i++ {
		a, b := in.toPage(sp[i]), in.toPage(sp[i+1])
		switch {
		case math.Abs(a.y-b.y) < 0.5 && math.Abs(a.x-b.x) >= 0.5:
			in.addSeg(segment{h: true, pos: (a.y + b.y) / 2, lo: math.Min(a.x, b.x), hi: math.Max(a.x, b.x)})
		case math.Abs(a.x-b.x) < 0.5 && math.Abs(a.y-b.y) >= 0.5:
			in.addSeg(segment{pos: (a.x + b.x) / 2, lo: math.Min(a.y, b.y), hi: math.Max(a.y, b.y)})
		}
	}
}

// thin is the greatest thickness of a filled rectangle read as a rule.
const thin = 2.5

// fillRule records a filled subpath that is a thin axis-aligned
// rectangle (how Word and Chromium draw table borders) as a rule.
func (in *interp) fillRule(sp []point) {
	if len(sp) < 4 || len(sp) > 5 {
		return
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range sp {
		p = in.toPage(p)
		x0, y0 = math.Min(x0, p.x), math.Min(y0, p.y)
		x1, y1 = math.Max(x1, p.x), math.Max(y1, p.y)
	}
	for _, p := range sp { // every corner on the bounding box: a rectangle
		p = in.toPage(p)
		if (math.Abs(p.x-x0) > 0.1 && math.Abs(p.x-x1) > 0.1) || (math.Abs(p.y-y0) > 0.1 && math.Abs(p.y-y1) > 0.1) {
			return
		}
	}
	w, h := x1-x0, y1-y0
	switch {
	case h <= thin && w > h && w >= 1:
		in.addSeg(segment{h: true, pos: (y0 + y1) / 2, lo: x0, hi: x1, thinned: true})
	case w <= thin && h > w && h >= 1:
		in.addSeg(segment{pos: (x0 + x1) / 2, lo: y0, hi: y1, thinned: true})
	}
}

func (in *interp) addSeg(s segment) {
	if finite(s.pos, s.lo, s.hi) {
		in.segs = append(in.segs, s)
	}
}

// finite reports whether no value is infinite or NaN (a matrix of huge
// numbers in a damaged file can make them so).
func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return false
		}
	}
	return true
}
