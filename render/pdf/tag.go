package pdf

import (
	"strconv"
	"strings"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/render/pdf/pdfw"
)

// tagState builds the structure tree of a tagged PDF while blocks are
// placed, in reading order, and tells each text drawn which element it
// belongs to (el; nil for an artifact, such as a repeated table header).
type tagState struct {
	tree   *pdfw.Tree
	el     *pdfw.Elem // element of the text drawn now
	lbl    *pdfw.Elem // element of the list marker drawn now
	heads  []headMark // headings, for the outline
	tables map[*tableItem]*tableTags
	cells  map[*tcell]*pdfw.Elem
}

// headMark is a heading and where it starts.
type headMark struct {
	level int // 0 for a named section (render.PageBreak.Title)
	title string
	page  int
	y     float64 // mm from the top of the page
}

// tableTags are the elements of a table being placed.
type tableTags struct {
	table, head, body *pdfw.Elem
	headRows          map[int]*pdfw.Elem
	headDone          bool // the header was drawn once; repeats are artifacts
}

// startTags starts the structure tree of a document in language lang.
func (f *flow) startTags(lang string) {
	f.tags = tagState{
		tree:   pdfw.NewTree("Document"),
		tables: make(map[*tableItem]*tableTags),
		cells:  make(map[*tcell]*pdfw.Elem),
	}
	f.tags.tree.Root.Lang = lang
}

// add appends an element of type typ to the document.
func (s *tagState) add(typ string) *pdfw.Elem { return s.tree.Root.Add(typ) }

// headingTag is the structure type of a heading of a level.
func headingTag(level int) string { return "H" + strconv.Itoa(min(max(level, 1), 6)) }

// runsText is the text of runs, as a title.
func runsText(runs []render.Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// tagLine sets the element of line i of a paragraph, heading or list
// (el), starting a list item's elements where one begins.
func (f *flow) tagLine(p *paraItem, el *pdfw.Elem, i int) {
	if p.items == nil {
		f.tags.el = el
		return
	}
	for _, start := range p.items {
		if start == i {
			li := el.Add("LI")
			f.tags.lbl = li.Add("Lbl")
			f.tags.el = li.Add("LBody")
		}
	}
}

// tagTable starts the elements of a table.
func (run *tableRun) tagTable() {
	s := &run.f.tags
	tt := &tableTags{table: s.add("Table"), headRows: make(map[int]*pdfw.Elem)}
	if run.ti.header > 0 {
		tt.head = tt.table.Add("THead")
	}
	if run.ti.g.rows > run.ti.header {
		tt.body = tt.table.Add("TBody")
	}
	s.tables[run.ti] = tt
}

// tagRow makes the elements of body row r and of the cells starting in
// it, before any of them is drawn.
func (run *tableRun) tagRow(r int) {
	s := &run.f.tags
	tt := s.tables[run.ti]
	tt.headDone = true
	tr := tt.body.Add("TR")
	for _, c := range run.ti.g.starts[r] {
		s.cells[c] = cellElem(tr, c, false)
	}
}

// cellElem adds the element of a cell to its row: TH for a header cell
// or a shaded label cell in the body, else TD.
func cellElem(tr *pdfw.Elem, c *tcell, header bool) *pdfw.Elem {
	typ := "TD"
	if header || c.cell.Shade {
		typ = "TH"
	}
	el := tr.Add(typ)
	el.RowSpan, el.ColSpan = c.rows, c.cs
	switch {
	case header:
		el.Scope = "Column"
	case typ == "TH":
		el.Scope = "Row"
	}
	return el
}

// tagCell sets the element of the cell part about to be drawn with
// lines ls: none for a repeated header or the repeated text of a
// continued cell, which are artifacts.
func (run *tableRun) tagCell(c *tcell, ls []tline) {
	s := &run.f.tags
	tt := s.tables[run.ti]
	s.el = nil
	switch {
	case c.row < run.ti.header:
		if tt.headDone {
			return
		}
		tr := tt.headRows[c.row]
		if tr == nil {
			tr = tt.head.Add("TR")
			tt.headRows[c.row] = tr
		}
		if s.cells[c] == nil {
			s.cells[c] = cellElem(tr, c, true)
		}
	case c.hasRepeat && len(ls) > 0 && len(c.repeat) > 0 && &ls[0] == &c.repeat[0]:
		return
	}
	s.el = s.cells[c]
}

// section records a named section starting at the top of a page.
func (s *tagState) section(title string, page int, top float64) {
	s.heads = append(s.heads, headMark{title: title, page: page, y: top})
}

// outline makes the bookmarks: a named section (such as a candidate's
// pack in a cohort document) holds the headings up to the next one,
// closed; level 1 headings come next, level 2 headings under the level 1
// heading before them.
func (f *flow) outline() []*pdfw.Bookmark {
	var top []*pdfw.Bookmark
	var sec, h1 *pdfw.Bookmark
	add := func(b *pdfw.Bookmark) {
		if sec != nil {
			sec.Kids = append(sec.Kids, b)
		} else {
			top = append(top, b)
		}
	}
	for _, h := range f.tags.heads {
		if h.level > 2 || h.title == "" {
			continue
		}
		b := &pdfw.Bookmark{Title: h.title, Page: h.page, Y: (f.pageH - h.y) * mmPt}
		switch {
		case h.level == 0:
			b.Closed = true
			top = append(top, b)
			sec, h1 = b, nil
		case h.level == 2 && h1 != nil:
			h1.Kids = append(h1.Kids, b)
		default:
			add(b)
			if h.level == 1 {
				h1 = b
			}
		}
	}
	return top
}

const maxInt = int(^uint(0) >> 1)
