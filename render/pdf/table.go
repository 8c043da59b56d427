package pdf

import (
	"slices"

	"github.com/ocs-project/ocs/render"
)

// Page-breaking limits of tables, as shares of the text height of a page
// below the repeated header.
const (
	// groupKeep: rows bound together by spanning cells that do not fit on
	// this page move to the next one together when they are at most this
	// tall; a taller group breaks between its rows, so that a page is not
	// left mostly empty.
	groupKeep = 0.25
	// rowKeep: a row that does not fit moves to the next page whole when
	// it is at most this tall, or when it asks to be kept together and
	// fits on a page; a taller row is split, filling this page first.
	rowKeep = 0.12
	// repeatLines is the most lines a continued spanning cell repeats;
	// a longer cell shows only the table's Continued text.
	repeatLines = 4
)

// tableItem is a laid-out table.
type tableItem struct {
	f       *flow
	tbl     *render.Table
	g       *grid
	style   textStyle
	heights []float64 // natural row heights
	header  int       // rows repeated at the top of each page
	headH   float64
}

func (ti *tableItem) keep() bool { return false }

// head is the header with as much of the body as must start on the same
// page.
func (ti *tableItem) head() float64 { return ti.headH + ti.startNeed() }

// prepareTable lays out the cells of a table as wide as the text, or
// takes the layout of an equal table from the face table's cache.
func (f *flow) prepareTable(t *render.Table) (*tableItem, error) {
	c := f.t.tables
	if c == nil {
		return f.layoutTable(t, t)
	}
	k := c.key(t, f.width, f.body())
	if ti := c.get(f, t, k); ti != nil {
		return ti, nil
	}
	n := len(f.t.entries)
	src := cloneTable(t) // the cached cells refer to it
	ti, err := f.layoutTable(t, src)
	if err != nil {
		return nil, err
	}
	c.put(f, src, k, ti, n)
	return ti, nil
}

// layoutTable lays out the cells of src, which is t or a copy of it, as
// wide as the text.
func (f *flow) layoutTable(t, src *render.Table) (*tableItem, error) {
	g, err := buildGrid(src)
	if err != nil {
		return nil, err
	}
	st := styleOf(t.Style)
	if t.Style == render.Normal {
		st = styleOf(render.TableText)
	}
	ti := &tableItem{f: f, tbl: t, g: g, style: st, header: t.HeaderRows}
	total := 0.0
	for _, w := range t.Widths {
		total += w
	}
	colX := make([]float64, g.cols+1)
	for k, w := range t.Widths {
		colX[k+1] = colX[k] + f.width*w/total
	}
	for _, c := range g.cells {
		c.x, c.w = colX[c.col], colX[c.col+c.cs]-colX[c.col]
		c.lines = f.cellLines(c.cell.Paras, c.cell.Align, st, c.w-2*cellPad)
	}
	ti.heights = make([]float64, g.rows)
	y := 0.0
	for r := 0; r < g.rows; r++ {
		for _, c := range g.starts[r] {
			c.top = y
		}
		ti.heights[r] = ti.required(r, y)
		y += ti.heights[r]
	}
	for r := 0; r < ti.header; r++ {
		ti.headH += ti.heights[r]
	}
	if ti.headH > f.body()/2 {
		ti.header, ti.headH = 0, 0 // too tall to repeat: the rows are body rows
	}
	return ti, nil
}

// cellLines lays out a cell's paragraphs; a paragraph in the Normal style
// takes the table's style.
// When a word (a code such as BAS3332-001) is wider than the cell, the
// whole cell's type is shrunk until it fits, down to minShrink of its size;
// only a word wider still is broken between letters.
func (f *flow) cellLines(paras []render.Paragraph, align render.Align, st textStyle, width float64) []tline {
	var lines []tline
	scale := f.shrink(paras, st, width)
	for i := range paras {
		p := &paras[i]
		ps := st
		if p.Style != render.Normal {
			ps = styleOf(p.Style)
		}
		if scale < 1 {
			ps = ps.scaled(scale)
		}
		ls := layoutPara(f.t, para{runs: p.Runs, style: ps, align: alignOr(p.Align, align),
			indent: p.Indent, hanging: p.Hanging}, width)
		if i > 0 && len(ls) > 0 {
			ls[0].space = paraGapCell
		}
		lines = append(lines, ls...)
	}
	return lines
}

// linesHeight is the height of lines printed from the top of a cell part:
// the paragraph space above the first one is dropped.
func linesHeight(ls []tline) float64 {
	h := 0.0
	for i := range ls {
		h += ls[i].height()
	}
	if len(ls) > 0 {
		h -= ls[0].space
	}
	return h
}

// partLines returns what the cell shows in its part on the current page:
// the lines not printed yet; else, for a spanning cell or a cell marked
// Repeat continued from an earlier page, its repeated text; else nothing.
func (ti *tableItem) partLines(c *tcell) []tline {
	if c.next < len(c.lines) {
		return c.lines[c.next:]
	}
	if !c.started || (c.rows < 2 && !c.cell.Repeat) {
		return nil
	}
	if !c.hasRepeat {
		c.hasRepeat = true
		c.repeat = ti.repeatOf(c)
	}
	return c.repeat
}

// repeatOf lays out what a cell shows again on a page it continues on:
// its text followed by the table's Continued text. A cell marked Repeat
// shows it whole unless it is taller than half a page, and then the first
// line of each of its paragraphs (or, when even that is too tall, its
// first line) and the Continued text; another cell shows it when it is at
// most repeatLines lines, else the Continued text alone.
func (ti *tableItem) repeatOf(c *tcell) []tline {
	lines, fits := ti.wholeRepeat(c)
	if c.cell.Repeat {
		if fits || len(c.lines) == 0 {
			return lines
		}
		contLines := ti.contLines(c)
		// The first line of each paragraph (a cell naming several tasks
		// names each), or when that is still too tall the first line alone.
		out := append(paraFirstLines(c.lines[:len(c.lines)-c.contN]), contLines...)
		if linesHeight(out)+2*cellPad > ti.halfPage() {
			first := c.lines[0]
			first.last = true
			out = append([]tline{first}, contLines...)
		}
		return out
	}
	if len(lines) <= repeatLines {
		return lines
	}
	return ti.contLines(c)
}

// wholeRepeat lays out a cell's whole text followed by the Continued
// text, and reports whether it is at most half a page tall.
func (ti *tableItem) wholeRepeat(c *tcell) ([]tline, bool) {
	if !c.hasWhole {
		c.whole = ti.f.cellLines(withContinued(c.cell.Paras, ti.tbl.Continued), c.cell.Align, ti.style, c.w-2*cellPad)
		c.wholeFits, c.hasWhole = linesHeight(c.whole)+2*cellPad <= ti.halfPage(), true
	}
	return c.whole, c.wholeFits
}

// contLines lays out the table's Continued text alone, as a cell's lines.
func (ti *tableItem) contLines(c *tcell) []tline {
	if ti.tbl.Continued == "" {
		return nil
	}
	return ti.f.cellLines([]render.Paragraph{render.Text(ti.tbl.Continued)}, c.cell.Align, ti.style, c.w-2*cellPad)
}

// halfPage is half the height of a page's body below the repeated header.
func (ti *tableItem) halfPage() float64 { return (ti.f.body() - ti.headH) / 2 }

// rename prepares a cell marked Repeat for its part on a new page, where
// it names itself again. When its lines are all printed, or its whole
// text is short enough to repeat, the part shows the repeat (repeatOf).
// Otherwise the cell goes on with the lines it has left, so that no text
// is lost, named by the first line of each paragraph printed before and
// the lines printed of the paragraph cut, shown again, and followed by the
// Continued text; when those first lines are more than half a page, the
// cell just goes on.
func (ti *tableItem) rename(c *tcell) {
	if _, fits := ti.wholeRepeat(c); c.next >= len(c.lines) || fits {
		c.next = len(c.lines)
		return
	}
	lines := c.lines[:len(c.lines)-c.contN] // without the Continued text of an earlier page
	if c.next >= len(lines) {
		c.next = len(c.lines) // only that Continued text was left
		return
	}
	start := c.next
	for start > 0 && lines[start].space == 0 {
		start-- // the start of the paragraph cut
	}
	// The label: the first line of each paragraph printed, and the lines
	// printed of the paragraph cut, or only its first line when that
	// would be too tall.
	label := paraFirstLines(lines[:start])
	from := c.next
	if linesHeight(append(slices.Clip(label), lines[start:c.next]...))+2*cellPad <= ti.halfPage() {
		from = start
	} else if start < c.next {
		first := lines[start]
		first.last = true
		label = append(label, first)
	}
	if linesHeight(label)+2*cellPad > ti.halfPage() {
		return
	}
	out := make([]tline, 0, len(label)+len(lines)-from+1)
	for _, l := range label {
		l.repeated = true
		out = append(out, l)
	}
	for i := from; i < len(lines); i++ {
		l := lines[i]
		l.repeated = l.repeated || i < c.next
		out = append(out, l)
	}
	cont := ti.contLines(c)
	for _, l := range cont {
		l.repeated = true
		out = append(out, l)
	}
	c.lines, c.next, c.contN, c.hasRepeat = out, 0, len(cont), false
}

// paraFirstLines returns the first line of each paragraph of a cell's
// lines (a paragraph after the first starts with the space above it),
// each marked as ending its paragraph.
func paraFirstLines(lines []tline) []tline {
	var out []tline
	for i, l := range lines {
		if i == 0 || l.space > 0 {
			l.last = true
			out = append(out, l)
		}
	}
	return out
}

// withContinued returns a copy of paras with cont appended to the last
// paragraph.
func withContinued(paras []render.Paragraph, cont string) []render.Paragraph {
	paras = append([]render.Paragraph(nil), paras...)
	if n := len(paras); n > 0 && cont != "" {
		last := paras[n-1]
		last.Runs = append(append([]render.Run(nil), last.Runs...), render.Run{Text: cont})
		paras[n-1] = last
	}
	return paras
}

// need is the height the cell's part on this page needs.
func (ti *tableItem) need(c *tcell) float64 {
	ls := ti.partLines(c)
	switch {
	case len(ls) > 0:
		return linesHeight(ls) + 2*cellPad
	case !c.started:
		return ti.style.lead + 2*cellPad // an empty cell is one empty line high
	}
	return 0
}

// required is the height row r needs when it starts at y: enough for
// every cell ending in it, counting what the rows above gave the cells
// that span down into it.
func (ti *tableItem) required(r int, y float64) float64 {
	h := 0.0
	for _, c := range ti.g.ends[r] {
		h = max(h, ti.need(c)-(y-c.top))
	}
	return h
}

// minShrink is the least share of its size a cell's type is shrunk to so
// that a word fits the cell.
const minShrink = 0.6

// shrink returns the factor (minShrink to 1) by which the type of a cell's
// paragraphs must shrink so that its widest word fits width mm.
func (f *flow) shrink(paras []render.Paragraph, st textStyle, width float64) float64 {
	scale := 1.0
	for i := range paras {
		p := &paras[i]
		ps := st
		if p.Style != render.Normal {
			ps = styleOf(p.Style)
		}
		if longestWord(p.Runs)*ps.em() <= width-p.Indent {
			continue // no word can be wider than the cell: no glyph is wider than 1 em
		}
		atoms, _ := atomize(f.t, para{runs: p.Runs, style: ps})
		if w := widestWord(atoms); w > width-p.Indent {
			scale = min(scale, (width-p.Indent)/w*(1-1e-6)) // a hair less, against rounding
		}
	}
	return max(scale, minShrink)
}

// longestWord returns the number of characters in the longest word of
// runs, a word being as breakLines sees it (see isWord).
func longestWord(runs []render.Run) float64 {
	best, n := 0, 0
	for _, r := range runs {
		for _, c := range r.Text {
			if isWord(c) {
				n++
				best = max(best, n)
			} else {
				n = 0
			}
		}
	}
	return float64(best)
}

// scaled returns the style with its type and line height shrunk by f.
func (s textStyle) scaled(f float64) textStyle {
	s.size *= f
	s.lead *= f
	return s
}

// keepParagraph moves the cut of a cell part, which shows the first n of
// lines ls, back to the start of the paragraph the cut falls in, so that
// an item (a K or S line, an indicator) is not split across pages: it
// moves to the next page whole when it fits there (fresh is the height
// below the repeated header) and when a paragraph before it stays on this
// page. A paragraph starts a cell's lines or has paragraph space above.
func (ti *tableItem) keepParagraph(ls []tline, n int, fresh float64) int {
	if n <= 0 || n >= len(ls) || ls[n].space > 0 {
		return n
	}
	k := n
	for k > 0 && ls[k].space == 0 {
		k--
	}
	if k == 0 {
		return n // the part starts inside this paragraph: nothing before it to keep
	}
	end := n
	for end < len(ls) && (end == n || ls[end].space == 0) {
		end++
	}
	if linesHeight(ls[k:end])+2*cellPad > fresh {
		return n // taller than a page: it is split anyway
	}
	return k
}
