package pdf

import (
	"strings"
	"unicode"

	"github.com/ocs-project/ocs/render"
)

// checkMark is drawn inside a ticked check box: √ is in every CJK font,
// ✓ is not.
const checkMark = "√"

// tline is one laid-out line of a paragraph, ready to be placed.
type tline struct {
	frags []frag
	width float64 // natural width, trailing spaces left out
	gaps  int     // places where justification may add space
	left  float64 // offset of the line box from the paragraph's left edge
	avail float64 // width of the line box
	align render.Align
	last  bool    // last line of a paragraph, or ended by "\n": never justified
	lead  float64 // line height
	asc   float64 // baseline below the top of the line
	space float64 // space above the line (between paragraphs)
	// repeated marks a line a table cell shows again on the page it
	// continues on (see tableItem.rename): drawn as an artifact, outside
	// the structure tree, which has its text once.
	repeated bool
}

// height returns the vertical space the line takes.
func (l *tline) height() float64 { return l.space + l.lead }

// frag is a piece of a line drawn in one go: one face, one styling.
type frag struct {
	x, w  float64 // offset from the line start, and advance
	gap   int     // justification gaps before the fragment
	text  string
	ent   int16 // face entry; for a check box, the face of the check mark
	size  float64
	rise  float64
	bold  bool
	under bool
	// strike draws a line through the text: deleted text in a redline.
	strike bool
	box    int8 // 0 text, 1 empty check box, 2 ticked check box
	lbl    bool // a list item's marker
}

// para is what a paragraph layout needs to know.
type para struct {
	runs    []render.Run
	style   textStyle
	align   render.Align
	indent  float64
	hanging float64
}

// breakPara breaks a paragraph into lines for a box width mm wide.
func breakPara(t *faceTable, p para, width float64) []tline {
	atoms, looks := atomize(t, p)
	first := maxf(width-p.indent, 1)
	rest := maxf(width-p.indent-p.hanging, 1)
	spans := breakLines(atoms, first, rest)
	em := p.style.em()
	lines := make([]tline, 0, len(spans))
	for i, s := range spans {
		l := tline{
			left:  p.indent,
			avail: first,
			align: p.align,
			last:  i == len(spans)-1 || s.forced(atoms),
			lead:  p.style.lead,
			asc:   (p.style.lead-em)/2 + ascentFrac*em,
		}
		if i > 0 {
			l.left += p.hanging
			l.avail = rest
		}
		buildFrags(t, &l, atoms[s.start:s.end], looks, p.align == render.Justify)
		lines = append(lines, l)
	}
	return lines
}

func maxf(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}

// look is the resolved styling of one run.
type look struct {
	size, rise  float64
	bold, under bool
	strike      bool // deleted text in a redline
	box         int8 // as in frag
}

// atomize turns runs into atoms: characters with their face and width.
// Carriage returns and other control characters but "\n" are dropped; a
// tab is a space.
func atomize(t *faceTable, p para) ([]atom, []look) {
	looks := make([]look, len(p.runs))
	n := 0
	for _, r := range p.runs {
		n += len(r.Text) + 1
	}
	atoms := make([]atom, 0, n)
	for i, r := range p.runs {
		lk := look{size: p.style.size, bold: r.Bold || p.style.bold, under: r.Underline || r.Change == render.Inserted, strike: r.Change == render.Deleted}
		if r.Super {
			lk.size *= superScale
			lk.rise = p.style.em() * superRise
		}
		looks[i] = lk
		if r.Box {
			ent := t.lookup([]rune(checkMark)[0], false)
			atoms = append(atoms, atom{r: boxRune, w: boxAdvance * p.style.em(), run: int32(i), fnt: ent})
			looks[i].box = 1
			if r.Checked {
				looks[i].box = 2
			}
		}
		for _, c := range r.Text {
			switch {
			case c == '\t':
				c = ' '
			case c == '\n':
			case unicode.IsControl(c):
				continue
			}
			ent := t.lookup(c, lk.bold)
			glue := r.Super && len(atoms) > 0 && atoms[len(atoms)-1].run == int32(i)
			atoms = append(atoms, atom{r: c, w: t.width(ent, c, lk.size), run: int32(i), fnt: ent, glue: glue})
		}
	}
	return atoms, looks
}

// buildFrags groups a line's atoms into fragments and measures the line.
// With justify, a fragment also ends wherever justification may add space.
func buildFrags(t *faceTable, l *tline, a []atom, looks []look, justify bool) {
	end := len(a)
	for end > 0 && isSpace(a[end-1].r) {
		end--
	}
	var b strings.Builder
	x, gap := 0.0, 0
	cur := -1 // fragment collecting text, or -1
	done := func() {
		if cur >= 0 {
			l.frags[cur].text = b.String()
		}
		b.Reset()
		cur = -1
	}
	for i := 0; i < end; i++ {
		at := a[i]
		if i > 0 && !at.glue && isGap(a[i-1].r, at.r) {
			gap++
			if justify {
				done()
			}
		}
		lk := looks[at.run]
		if at.r == boxRune {
			done()
			l.frags = append(l.frags, frag{x: x, w: at.w, gap: gap, ent: at.fnt, size: lk.size, box: lk.box})
			x += at.w
			continue
		}
		bold := lk.bold && t.entries[at.fnt].synthetic
		if cur < 0 || !l.frags[cur].sameLook(at.fnt, lk, bold) {
			done()
			l.frags = append(l.frags, frag{x: x, gap: gap, ent: at.fnt, size: lk.size, rise: lk.rise, bold: bold, under: lk.under, strike: lk.strike})
			cur = len(l.frags) - 1
		}
		b.WriteRune(at.r)
		l.frags[cur].w += at.w
		x += at.w
	}
	done()
	l.width = x
	l.gaps = gap
}

// sameLook reports whether a character of face ent and look lk can join f.
func (f *frag) sameLook(ent int16, lk look, bold bool) bool {
	return f.ent == ent && f.size == lk.size && f.rise == lk.rise && f.bold == bold && f.under == lk.under && f.strike == lk.strike
}

// isGap reports whether justification may add space between two adjacent
// characters: where the line could break, or after a space.
func isGap(before, after rune) bool {
	if isSpace(after) {
		return false
	}
	if isSpace(before) {
		return true
	}
	return canBreak(before, after)
}
