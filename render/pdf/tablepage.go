package pdf

import "github.com/ocs-project/ocs/render"

// tableRun cuts a table into pages. Every cell is open from its first
// row to its last; a page break closes the part of each open cell on the
// page and opens a new part below the repeated header.
type tableRun struct {
	ti   *tableItem
	f    *flow
	open []*tcell
	rows int // body rows (or parts of rows) placed on the current page
}

// place draws the table from the current position on.
func (ti *tableItem) place(f *flow) {
	run := &tableRun{ti: ti, f: f}
	run.tagTable()
	groups := ti.g.groups(ti.header)
	if f.pg == nil || f.broken || (!f.fresh && ti.headH+ti.leadNeed(groups, true) > f.avail()+epsilon) {
		f.newPage()
	}
	run.drawHeader()
	for i, g := range groups {
		h := ti.span(g)
		if h > groupKeep*run.freshAvail() {
			h = 0 // breaks between its rows: each row decides for itself
		}
		if ti.caption(g) {
			// A row of one cell across the table heads the rows after
			// it: keep it with them.
			h += ti.leadNeed(groups[i+1:], false)
		}
		if h > run.avail()+epsilon && run.rows > 0 && h <= run.freshAvail() {
			run.pageBreak()
		}
		for r := g[0]; r < g[1]; r++ {
			run.row(r)
		}
	}
	f.y += blockGap
}

// span returns the natural height of rows [g[0], g[1]).
func (ti *tableItem) span(g [2]int) float64 {
	h := 0.0
	for r := g[0]; r < g[1]; r++ {
		h += ti.heights[r]
	}
	return h
}

// caption reports whether a group is one row holding one cell that spans
// the whole table of several columns, such as a task heading above its
// indicators.
func (ti *tableItem) caption(g [2]int) bool {
	cells := ti.g.starts[g[0]]
	return ti.g.cols > 1 && g[1]-g[0] == 1 && len(cells) == 1 && cells[0].cs == ti.g.cols
}

// startNeed is how much of the body must fit below the header for the
// table to start on the current page.
func (ti *tableItem) startNeed() float64 { return ti.leadNeed(ti.g.groups(ti.header), true) }

// leadNeed is how much of groups must fit on a page for them to start
// there: what the page-breaking rules would otherwise move to the next
// page (a group or row kept whole), or the least part of a split row.
// With captions, a caption row counts with what follows it.
func (ti *tableItem) leadNeed(groups [][2]int, captions bool) float64 {
	if len(groups) == 0 {
		return 0
	}
	fresh := ti.f.body() - ti.headH
	g := groups[0]
	h := ti.span(g)
	if h <= groupKeep*fresh {
		if captions && ti.caption(g) {
			h += ti.leadNeed(groups[1:], false)
		}
		return h
	}
	first := ti.heights[g[0]]
	if first <= fresh && (first <= rowKeep*fresh || ti.tbl.Rows[g[0]].KeepTogether) {
		return first
	}
	return ti.minChunk()
}

// minChunk is the least height worth filling with part of a split row.
func (ti *tableItem) minChunk() float64 { return 2*cellPad + 2*ti.style.lead }

func (run *tableRun) avail() float64 { return run.f.limit() - run.f.y }

func (run *tableRun) freshAvail() float64 { return run.f.body() - run.ti.headH }

// drawHeader draws the header rows at the current position.
func (run *tableRun) drawHeader() {
	ti, f := run.ti, run.f
	for r := 0; r < ti.header; r++ {
		for _, c := range ti.g.starts[r] {
			top := f.y
			for k := 0; k < c.row; k++ {
				top += ti.heights[k]
			}
			h := 0.0
			for k := c.row; k < c.row+c.rows; k++ {
				h += ti.heights[k]
			}
			run.drawPart(c, top, h, c.lines, true)
		}
	}
	f.y += ti.headH
	f.fresh = false
}

// row places body row r, breaking pages as the rules say.
func (run *tableRun) row(r int) {
	ti, f := run.ti, run.f
	for _, c := range ti.g.starts[r] {
		c.top = f.y
		run.open = append(run.open, c)
	}
	run.tagRow(r)
	for {
		need := ti.required(r, f.y)
		switch {
		case need <= run.avail()+epsilon:
			f.y += need
			run.rows++
			run.close(r)
			return
		case run.rows == 0:
			run.split() // taller than a page
		case run.moves(r):
			run.pageBreak()
		case run.avail() >= ti.minChunk():
			run.split()
		default:
			run.pageBreak()
		}
	}
}

// moves reports whether row r, which does not fit, should rather move to
// the next page whole than be split.
func (run *tableRun) moves(r int) bool {
	ti := run.ti
	h := 0.0
	for _, c := range ti.g.ends[r] {
		if c.row == r {
			h = max(h, ti.need(c))
		}
	}
	if h == 0 {
		h = ti.required(r, run.f.y)
	}
	fresh := run.freshAvail()
	return h <= fresh && (h <= rowKeep*fresh || ti.tbl.Rows[r].KeepTogether)
}

// close draws the cells ending in row r.
func (run *tableRun) close(r int) {
	keep := run.open[:0]
	for _, c := range run.open {
		if c.row+c.rows-1 == r {
			run.flushCell(c, true, false)
		} else {
			keep = append(keep, c)
		}
	}
	run.open = keep
}

// split fills the rest of the page with the open cells and continues
// them on the next page.
func (run *tableRun) split() {
	run.f.y = run.f.limit()
	run.pageBreak()
}

// pageBreak closes the parts of the open cells on this page at the
// current position, starts a page with the header and reopens the cells
// below it.
func (run *tableRun) pageBreak() {
	f := run.f
	fresh := run.rows == 0
	for _, c := range run.open {
		run.flushCell(c, false, fresh)
	}
	f.newPage()
	run.drawHeader()
	run.rows = 0
	for _, c := range run.open {
		c.top = f.y
		if c.cell.Repeat && c.started {
			run.ti.rename(c)
		}
	}
}

// flushCell draws the cell's part from its top to the current position.
// A part that ends the cell shows the rest of its lines (aligned as the
// cell says when the cell is whole); a part cut by a page break shows the
// lines that fit, from the top. With force, a part that has room for no
// line at all (a line taller than a page) shows one anyway, overflowing,
// so that the table always moves on.
func (run *tableRun) flushCell(c *tcell, last, force bool) {
	ti, f := run.ti, run.f
	h := f.y - c.top
	if h <= epsilon {
		return
	}
	ls := ti.partLines(c)
	whole := last && !c.started
	if !whole {
		room, n, used := h-2*cellPad, 0, 0.0
		for n < len(ls) {
			lh := ls[n].height()
			if n == 0 {
				lh = ls[n].lead // no paragraph space at the top of a part
			}
			if used+lh > room+epsilon {
				break
			}
			used += lh
			n++
		}
		if n == 0 && force && c.next < len(c.lines) {
			n = 1
		}
		n = ti.keepParagraph(ls, n, run.freshAvail())
		if c.next < len(c.lines) && len(ls)-n == 1 && n >= 2 {
			n-- // carry two lines over rather than a lone last line
		}
		ls = ls[:n]
	}
	if c.next < len(c.lines) {
		c.next += len(ls)
	}
	run.drawPart(c, c.top, h, ls, whole)
	c.started = true
	f.fresh = false
}

// drawPart draws a cell part: shading, lines and border. Lines are
// placed as the cell's VAlign says when align is set, else from the top.
func (run *tableRun) drawPart(c *tcell, top, h float64, ls []tline, align bool) {
	f := run.f
	run.tagCell(c, ls)
	x := f.left + c.x
	if c.cell.Shade {
		f.shade(x, top, c.w, h)
	}
	y := top + cellPad
	if align {
		switch c.cell.VAlign {
		case render.Middle:
			y = top + (h-linesHeight(ls))/2
		case render.Bottom:
			y = top + h - cellPad - linesHeight(ls)
		}
	}
	el := f.tags.el
	for i := range ls {
		l := ls[i]
		if i == 0 {
			l.space = 0
		}
		f.tags.el = el
		if l.repeated {
			f.tags.el = nil
		}
		f.pg.drawLine(f.t, x+cellPad, y, &l)
		y += l.height()
	}
	f.tags.el = el
	f.pg.frame(x, top, c.w, h, borderWidth)
}
