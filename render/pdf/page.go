package pdf

import "github.com/ocs-project/ocs/render"

// opKind is the kind of a drawing operation.
type opKind uint8

const (
	opText opKind = iota
	opLine
	opFrame
	opFill
)

// op is one drawing operation recorded on a page. For a line, (x, y) and
// (w, h) are its two ends.
type op struct {
	kind       opKind
	ent        int16
	x, y, w, h float64
	size       float64
	stroke     float64 // line width, or text stroke for synthetic bold
	text       string
}

// page is a laid-out page: its drawing in three layers (fills under text,
// rules over it) and the section it belongs to.
type page struct {
	fills, texts, rules []op
	section             int
	footer              render.Footer
}

func (p *page) text(ent int16, size, stroke, x, y float64, s string) {
	p.texts = append(p.texts, op{kind: opText, ent: ent, size: size, stroke: stroke, x: x, y: y, text: s})
}

func (p *page) line(x1, y1, x2, y2, width float64) {
	p.rules = append(p.rules, op{kind: opLine, x: x1, y: y1, w: x2, h: y2, stroke: width})
}

func (p *page) frame(x, y, w, h, width float64) {
	p.rules = append(p.rules, op{kind: opFrame, x: x, y: y, w: w, h: h, stroke: width})
}

func (p *page) fill(x, y, w, h, gray float64) {
	p.fills = append(p.fills, op{kind: opFill, x: x, y: y, w: w, h: h, stroke: gray})
}

// drawLine draws a laid-out line with its box's left edge at x and its
// top at y.
func (p *page) drawLine(t *faceTable, x, y float64, l *tline) {
	off, extra := 0.0, 0.0
	switch l.align {
	case render.Center:
		off = (l.avail - l.width) / 2
	case render.Right:
		off = l.avail - l.width
	case render.Justify:
		if !l.last && l.gaps > 0 && l.width < l.avail {
			extra = (l.avail - l.width) / float64(l.gaps)
		}
	}
	base := y + l.space + l.asc
	for i := range l.frags {
		f := &l.frags[i]
		fx := x + l.left + off + f.x + extra*float64(f.gap)
		em := f.size * ptMM
		if f.box != 0 {
			p.drawBox(t, f, fx, base)
			continue
		}
		stroke := 0.0
		if f.bold {
			stroke = boldStroke * f.size
		}
		p.text(f.ent, f.size, stroke, fx, base-f.rise, f.text)
		if f.under {
			uy := base - f.rise + underPos*em
			p.line(fx, uy, fx+f.w, uy, underWidth*em)
		}
		if f.strike {
			sy := base - f.rise - strikePos*em
			p.line(fx, sy, fx+f.w, sy, underWidth*em)
		}
	}
}

// drawBox draws a check box, with a check mark when ticked, on the
// baseline base. The box is centred on the middle of the CJK em box,
// about 0.29 em above the baseline.
func (p *page) drawBox(t *faceTable, f *frag, x, base float64) {
	em := f.size * ptMM
	side := boxSide * em
	mid := base - 0.29*em
	cx := x + boxAdvance*em/2
	p.frame(cx-side/2, mid-side/2, side, side, maxf(borderWidth*0.75, 0.025*em))
	if f.box == 2 {
		// √ fills most of its em square, with its middle about as
		// high as that of the CJK characters.
		size := f.size * 0.66
		r := []rune(checkMark)[0]
		w := t.width(f.ent, r, size)
		p.text(f.ent, size, 0, cx-w/2, mid+0.29*size*ptMM, checkMark)
	}
}

// emit replays the pages on a canvas.
func emit(c canvas, t *faceTable, pages []*page) {
	for _, pg := range pages {
		c.addPage()
		for _, o := range pg.fills {
			c.fill(o.x, o.y, o.w, o.h, o.stroke)
		}
		for _, o := range pg.texts {
			c.text(t.entries[o.ent].ref, o.size, o.stroke, o.x, o.y, o.text)
		}
		for _, o := range pg.rules {
			if o.kind == opLine {
				c.line(o.x, o.y, o.w, o.h, o.stroke)
			} else {
				c.frame(o.x, o.y, o.w, o.h, o.stroke)
			}
		}
	}
}
