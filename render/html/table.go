package html

import (
	"fmt"
	"strconv"

	"github.com/ocs-project/ocs/render"
)

// table writes a table: relative column widths as percentages, the header
// rows in <thead> (browsers repeat it on every printed page), and cells
// with their spans, alignment and shading.
func (w *writer) table(t *render.Table, where string) error {
	g, err := t.Layout()
	if err != nil {
		return fmt.Errorf("html: %s: %w", where, err)
	}
	total := 0.0
	for _, v := range t.Widths {
		total += v
	}
	style := t.Style
	if style == render.Normal {
		style = render.TableText // the zero value means table text
	}
	w.s("<table" + classAttr("grid", styleClass(style)) + ">\n<colgroup>")
	for _, v := range t.Widths {
		w.s(`<col style="width:` + pct(100*v/total) + `"/>`)
	}
	w.s("</colgroup>\n")
	if t.HeaderRows > 0 {
		w.s("<thead>\n")
		for r := range t.HeaderRows {
			w.row(g, t.Rows[r].KeepTogether, r, "th")
		}
		w.s("</thead>\n")
	}
	if t.HeaderRows < g.Rows {
		w.s("<tbody>\n")
		for r := t.HeaderRows; r < g.Rows; r++ {
			w.row(g, t.Rows[r].KeepTogether, r, "td")
		}
		w.s("</tbody>\n")
	}
	w.s("</table>\n")
	return nil
}

// row writes row r of a table's grid with cells of the given tag.
func (w *writer) row(g *render.Grid, keepTogether bool, r int, tag string) {
	keep := ""
	if keepTogether {
		keep = "keep"
	}
	w.s("<tr" + classAttr(keep) + ">")
	for _, p := range g.Row(r) {
		c := p.Cell
		shade := ""
		if c.Shade {
			shade = "shade"
		}
		w.s("<" + tag + classAttr(alignClass[c.Align], valignClass[c.VAlign], shade))
		if p.RowSpan > 1 {
			w.s(` rowspan="` + strconv.Itoa(p.RowSpan) + `"`)
		}
		if p.ColSpan > 1 {
			w.s(` colspan="` + strconv.Itoa(p.ColSpan) + `"`)
		}
		w.s(">")
		w.paras(c.Paras)
		w.s("</" + tag + ">")
	}
	w.s("</tr>\n")
}
