package pdf

import (
	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/render/pdf/pdfw"
)

// opKind is the kind of a drawing operation.
type opKind uint8

const (
	opText opKind = iota
	opLine
	opFrame
	opFill
	opImage // the brand's logo
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
	el         *pdfw.Elem   // structure element of a text; nil: an artifact
	color      render.Color // of a text, line or fill; unset: black, or the fill's grey
}

// page is a laid-out page: its drawing in three layers (fills under text,
// rules over it) and the section it belongs to.
type page struct {
	fills, texts, rules []op
	images              []op // the brand's logo in the page header
	section             int
	footer              render.Footer
	tags                *tagState // the element of the text drawn now
	foot                int       // texts from foot on are the running footer
}

func (p *page) text(ent int16, size, stroke, x, y float64, s string) {
	var el *pdfw.Elem
	if p.tags != nil {
		el = p.tags.el
	}
	p.texts = append(p.texts, op{kind: opText, ent: ent, size: size, stroke: stroke, x: x, y: y, text: s, el: el})
}

// label draws a list marker: text of the list item's label element.
func (p *page) label(ent int16, size, stroke, x, y float64, s string) {
	if p.tags == nil || p.tags.lbl == nil {
		p.text(ent, size, stroke, x, y, s)
		return
	}
	el := p.tags.el
	p.tags.el = p.tags.lbl
	p.text(ent, size, stroke, x, y, s)
	p.tags.el = el
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
		if f.lbl {
			p.label(f.ent, f.size, stroke, fx, base-f.rise, f.text)
		} else {
			p.text(f.ent, f.size, stroke, fx, base-f.rise, f.text)
		}
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
