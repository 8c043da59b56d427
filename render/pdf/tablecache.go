package pdf

import (
	"hash/maphash"
	"slices"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/render"
)

// tableCache keeps tables laid out, for a Renderer whose documents repeat
// one another's tables (the forms of a roster, which differ only where
// they name the candidate). A table's layout depends on its content, the
// text width and height and the document's face table: the entries it
// had, which the lines refer to by number, and those the layout added.
// A cached layout is used only with a face table that had the same
// entries or those and some the layout added, and it then adds the rest
// as the layout would have (see faceTable.extend), so that a document's
// face entries, and so its fonts, are the same whatever was cached. It
// is safe for concurrent use and holds at most maxTables tables.
type tableCache struct{ buckets[*tableEntry] }

// tableEntry is a table as prepared: a copy of the table it was laid out
// from, the page it was laid out for, the faces of the face entries
// before and those the layout added, and its cells, row heights and
// header, never changed once stored.
type tableEntry struct {
	tbl           *render.Table
	width, body   float64
	before, added []*fonts.Face
	cells         []tcell // in grid order, before placing
	rows, cols    int
	heights       []float64
	header        int
	headH         float64
	style         textStyle
}

// maxTables bounds the tables a cache keeps; it starts afresh beyond.
const maxTables = 4096

func newTableCache() *tableCache {
	return &tableCache{newBuckets[*tableEntry](maxTables)}
}

// key hashes what a table's layout depends on.
func (c *tableCache) key(t *render.Table, width, body float64) uint64 {
	var h maphash.Hash
	h.SetSeed(c.seed)
	maphash.WriteComparable(&h, [2]float64{width, body})
	for _, w := range t.Widths {
		maphash.WriteComparable(&h, w)
	}
	maphash.WriteComparable(&h, t.HeaderRows)
	maphash.WriteComparable(&h, t.Style)
	h.WriteString(t.Continued)
	for _, r := range t.Rows {
		h.WriteByte(1)
		for _, cell := range r.Cells {
			h.WriteByte(2)
			for _, p := range cell.Paras {
				h.WriteByte(3)
				for _, run := range p.Runs {
					h.WriteString(run.Text)
					h.WriteByte(0)
				}
			}
		}
	}
	return h.Sum64()
}

// get returns a fresh item of t laid out before at the flow's width and
// height with f's face table, or nil.
func (c *tableCache) get(f *flow, t *render.Table, k uint64) *tableItem {
	e, ok := c.find(k, func(e *tableEntry) bool {
		return e.width == f.width && e.body == f.body() && sameTable(e.tbl, t) && f.t.extend(e.before, e.added)
	})
	if !ok {
		return nil
	}
	return e.item(f, t)
}

// item returns a table item of the entry for a table equal to t, with
// cells of its own to place.
func (e *tableEntry) item(f *flow, t *render.Table) *tableItem {
	cells := slices.Clone(e.cells)
	g := &grid{rows: e.rows, cols: e.cols, cells: make([]*tcell, len(cells))}
	for i := range cells {
		g.cells[i] = &cells[i]
	}
	g.index()
	return &tableItem{f: f, tbl: t, g: g, style: e.style, heights: e.heights, header: e.header, headH: e.headH}
}

// put keeps the layout of ti, prepared for tbl, a copy of the table laid
// out that the caller no longer changes, when f's face table had n
// entries.
func (c *tableCache) put(f *flow, tbl *render.Table, k uint64, ti *tableItem, n int) {
	e := &tableEntry{tbl: tbl, width: f.width, body: f.body(), rows: ti.g.rows, cols: ti.g.cols,
		heights: ti.heights, header: ti.header, headH: ti.headH, style: ti.style}
	for i, ent := range f.t.entries {
		if i < n {
			e.before = append(e.before, ent.face)
		} else {
			e.added = append(e.added, ent.face)
		}
	}
	e.cells = make([]tcell, len(ti.g.cells))
	for i, tc := range ti.g.cells {
		e.cells[i] = *tc
	}
	c.add(k, e)
}

// sameTable reports whether two tables have the same content.
func sameTable(a, b *render.Table) bool {
	if a.HeaderRows != b.HeaderRows || a.Continued != b.Continued || a.Style != b.Style ||
		!slices.Equal(a.Widths, b.Widths) || len(a.Rows) != len(b.Rows) {
		return false
	}
	for i := range a.Rows {
		ra, rb := &a.Rows[i], &b.Rows[i]
		if ra.KeepTogether != rb.KeepTogether || len(ra.Cells) != len(rb.Cells) {
			return false
		}
		for j := range ra.Cells {
			ca, cb := &ra.Cells[j], &rb.Cells[j]
			if ca.RowSpan != cb.RowSpan || ca.ColSpan != cb.ColSpan || ca.Align != cb.Align ||
				ca.VAlign != cb.VAlign || ca.Shade != cb.Shade || ca.Repeat != cb.Repeat ||
				!slices.EqualFunc(ca.Paras, cb.Paras, sameParagraph) {
				return false
			}
		}
	}
	return true
}

// sameParagraph reports whether two paragraphs have the same content.
func sameParagraph(a, b render.Paragraph) bool {
	return a.Align == b.Align && a.Style == b.Style && a.Indent == b.Indent && a.Hanging == b.Hanging &&
		a.KeepWithNext == b.KeepWithNext && slices.Equal(a.Runs, b.Runs)
}

// cloneTable returns a copy of t sharing nothing that can change.
func cloneTable(t *render.Table) *render.Table {
	c := *t
	c.Widths = slices.Clone(t.Widths)
	c.Rows = slices.Clone(t.Rows)
	for i := range c.Rows {
		r := &c.Rows[i]
		r.Cells = slices.Clone(r.Cells)
		for j := range r.Cells {
			cell := &r.Cells[j]
			cell.Paras = slices.Clone(cell.Paras)
			for k := range cell.Paras {
				cell.Paras[k].Runs = slices.Clone(cell.Paras[k].Runs)
			}
		}
	}
	return &c
}
