package pdf

import (
	"context"
	"fmt"
	"math"
	"reflect"
)

// matrix is a PDF transformation [a b c d e f]: (x y 1) × M.
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n: first m, then n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

// glyph is one shown character on a page, in page coordinates (points,
// origin top left, Y down).
type glyph struct {
	text           string
	x0, y0, x1, y1 float64
	size           float64 // font size on the page
	seq            int     // order in the content stream
}

func (g glyph) cx() float64 { return (g.x0 + g.x1) / 2 }
func (g glyph) cy() float64 { return (g.y0 + g.y1) / 2 }

// segment is a horizontal (h) or vertical rule: at pos (y for h, x for
// v) from lo to hi along the other axis, in page coordinates.
type segment struct {
	h       bool
	pos     float64
	lo, hi  float64
	thinned bool // from a filled thin rectangle rather than a stroke
}

type gstate struct {
	ctm                        matrix
	font                       *font
	size, tc, tw, th, tl, rise float64
}

// interp runs the content streams of one page.
type interp struct {
	f      *file
	box    [4]float64
	rotate int
	glyphs []glyph
	segs   []segment
	fonts  map[uintptr]*font // by font dictionary
	budget *int
	forms  int // nesting of form XObjects
	ctx    context.Context
}

type point struct{ x, y float64 }

// ctxEvery is how many operators run between two looks at the context.
const ctxEvery = 1 << 14

// run interprets content with resources res under ctm.
func (in *interp) run(content []byte, res dict, ctm matrix) error {
	gs := gstate{ctm: ctm, th: 1}
	var stack []gstate
	var tm, tlm matrix
	var ops []object
	var sub []point    // current subpath (page space)
	var path [][]point // finished subpaths
	var closed []bool
	subClosed := false
	flush := func() {
		if len(sub) > 0 {
			path = append(path, sub)
			closed = append(closed, subClosed)
		}
		sub, subClosed = nil, false
	}
	l := lexer{b: content}
	for !l.eof() {
		o, err := l.object()
		if err != nil {
			// Skip the bad byte and go on: one damaged operator must not
			// lose the rest of the page.
			ops = ops[:0]
			continue
		}
		if len(in.glyphs)+len(in.segs) > in.f.opt.MaxGlyphs {
			return fmt.Errorf("%w: more than %d characters and rules on one page", ErrTooLarge, in.f.opt.MaxGlyphs)
		}
		op, ok := o.(keyword)
		if !ok {
			if len(ops) < 64 {
				ops = append(ops, o)
			}
			continue
		}
		if *in.budget--; *in.budget < 0 {
			return errBudget
		}
		if *in.budget%ctxEvery == 0 {
			if err := in.ctx.Err(); err != nil {
				return fmt.Errorf("stopped: %w", err)
			}
		}
		n := func(i int) float64 {
			if i < len(ops) {
				v, _ := num(ops[i])
				return v
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, gs)
			}
		case "Q":
			if len(stack) > 0 {
				gs = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			if len(ops) == 6 {
				gs.ctm = matrix{n(0), n(1), n(2), n(3), n(4), n(5)}.mul(gs.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if len(ops) == 2 {
				fn, _ := ops[0].(name)
				gs.font = in.font(res, fn)
				gs.size = n(1)
			}
		case "Tc":
			gs.tc = n(0)
		case "Tw":
			gs.tw = n(0)
		case "Tz":
			gs.th = n(0) / 100
		case "TL":
			gs.tl = n(0)
		case "Ts":
			gs.rise = n(0)
		case "Td":
			tlm = matrix{1, 0, 0, 1, n(0), n(1)}.mul(tlm)
			tm = tlm
		case "TD":
			gs.tl = -n(1)
			tlm = matrix{1, 0, 0, 1, n(0), n(1)}.mul(tlm)
			tm = tlm
		case "Tm":
			if len(ops) == 6 {
				tlm = matrix{n(0), n(1), n(2), n(3), n(4), n(5)}
				tm = tlm
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -gs.tl}.mul(tlm)
			tm = tlm
		case "Tj", "'", "\"":
			if op != "Tj" {
				tlm = matrix{1, 0, 0, 1, 0, -gs.tl}.mul(tlm)
				tm = tlm
			}
			if op == "\"" && len(ops) == 3 {
				gs.tw, gs.tc = n(0), n(1)
			}
			if len(ops) > 0 {
				if s, ok := ops[len(ops)-1].([]byte); ok {
					in.show(s, &gs, &tm)
				}
			}
		case "TJ":
			if len(ops) == 1 {
				a, _ := ops[0].([]object)
				for _, e := range a {
					switch v := e.(type) {
					case []byte:
						in.show(v, &gs, &tm)
					case int, float64:
						x, _ := num(v)
						tm = matrix{1, 0, 0, 1, -x / 1000 * gs.size * gs.th, 0}.mul(tm)
					}
				}
			}
		case "m":
			flush()
			x, y := gs.ctm.apply(n(0), n(1))
			sub = []point{{x, y}}
		case "l":
			if len(sub) > 0 && len(sub) < 1<<16 {
				x, y := gs.ctm.apply(n(0), n(1))
				sub = append(sub, point{x, y})
			}
		case "c", "v", "y":
			// A curve is never a table rule: end the subpath here.
			flush()
		case "h":
			subClosed = true
			flush()
		case "re":
			flush()
			x, y, w, h := n(0), n(1), n(2), n(3)
			for _, p := range [][2]float64{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}} {
				px, py := gs.ctm.apply(p[0], p[1])
				sub = append(sub, point{px, py})
			}
			subClosed = true
			flush()
		case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n":
			if op == "s" || op == "b" || op == "b*" {
				subClosed = true
			}
			flush()
			stroke := op == "S" || op == "s" || op[0] == 'B' || op[0] == 'b'
			fill := op != "S" && op != "s" && op != "n"
			for i, sp := range path {
				if stroke {
					in.strokes(sp, closed[i])
				}
				if fill {
					in.fillRule(sp)
				}
			}
			path, closed = path[:0], closed[:0]
		case "Do":
			if len(ops) == 1 {
				xn, _ := ops[0].(name)
				if err := in.form(res, xn, gs.ctm); err != nil {
					return err
				}
			}
		case "BI":
			// An inline image: skip its data up to "EI".
			skipInlineImage(&l)
		}
		ops = ops[:0]
	}
	return nil
}

// skipInlineImage moves l past the data of an inline image, whose
// dictionary has been read as operands up to "ID".
func skipInlineImage(l *lexer) {
	for !l.eof() {
		o, err := l.object()
		if err != nil {
			continue
		}
		if k, ok := o.(keyword); ok && k == "ID" {
			break
		}
	}
	l.p++ // the single white-space byte after ID
	for l.p+2 <= len(l.b) {
		if l.b[l.p] == 'E' && l.b[l.p+1] == 'I' && (l.p == 0 || isSpace(l.b[l.p-1])) &&
			(l.p+2 == len(l.b) || !isRegular(l.b[l.p+2])) {
			l.p += 2
			return
		}
		l.p++
	}
	l.p = len(l.b)
}

func (in *interp) font(res dict, fn name) *font {
	fd := in.f.dict(in.f.dict(res["Font"])[fn])
	if fd == nil {
		return nil
	}
	// One font dictionary is read once, however it is reached: by
	// reference or written into the resources.
	key := reflect.ValueOf(fd).Pointer()
	if ft, ok := in.fonts[key]; ok {
		return ft
	}
	ft := in.f.loadFont(fd)
	in.fonts[key] = ft
	return ft
}

// show records the glyphs of string s and advances the text matrix.
func (in *interp) show(s []byte, gs *gstate, tm *matrix) {
	ft := gs.font
	if ft == nil {
		ft = &font{codeLen: 1, dw: 0.5, simple: (&file{}).simpleEncoding(nil)}
	}
	for i := 0; i < len(s); i += ft.codeLen {
		var c uint32
		for k := 0; k < ft.codeLen && i+k < len(s); k++ {
			c = c<<8 | uint32(s[i+k])
		}
		w := ft.width(c)
		trm := matrix{gs.size * gs.th, 0, 0, gs.size, 0, gs.rise}.mul(*tm).mul(gs.ctm)
		g := glyph{text: ft.text(c), seq: len(in.glyphs)}
		empty := g.text == "" // the font maps the code to no text at all
		g.x0, g.y0, g.x1, g.y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, q := range [4][2]float64{{0, -0.2}, {w, -0.2}, {0, 0.8}, {w, 0.8}} {
			x, y := trm.apply(q[0], q[1])
			p := in.toPage(point{x, y})
			g.x0, g.y0 = math.Min(g.x0, p.x), math.Min(g.y0, p.y)
			g.x1, g.y1 = math.Max(g.x1, p.x), math.Max(g.y1, p.y)
		}
		g.size = math.Hypot(trm[2], trm[3])
		if !empty && finite(g.x0, g.y0, g.x1, g.y1, g.size) {
			in.glyphs = append(in.glyphs, g)
		}
		adv := w*gs.size + gs.tc
		if ft.codeLen == 1 && c == 32 {
			adv += gs.tw
		}
		*tm = matrix{1, 0, 0, 1, adv * gs.th, 0}.mul(*tm)
	}
}

// form runs a form XObject.
func (in *interp) form(res dict, xn name, ctm matrix) error {
	xo := in.f.dict(res["XObject"])
	s, ok := in.f.resolve(xo[xn]).(*stream)
	if !ok || s.dict["Subtype"] != name("Form") || in.forms >= 8 {
		return nil
	}
	data, err := in.f.decode(s)
	if err != nil {
		return err
	}
	m := identity
	if a := in.f.array(s.dict["Matrix"]); len(a) == 6 {
		for i := range 6 {
			m[i], _ = in.f.num(a[i])
		}
	}
	r := in.f.dict(s.dict["Resources"])
	if r == nil {
		r = res
	}
	in.forms++
	defer func() { in.forms-- }()
	return in.run(data, r, m.mul(ctm))
}
