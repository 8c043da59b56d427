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
	if len(t.Widths) == 0 {
		return fmt.Errorf("html: %s: table has no column widths", where)
	}
	total := 0.0
	for i, v := range t.Widths {
		if v <= 0 {
			return fmt.Errorf("html: %s: column %d has width %g; widths must be positive", where, i+1, v)
		}
		total += v
	}
	if t.HeaderRows < 0 || t.HeaderRows > len(t.Rows) {
		return fmt.Errorf("html: %s: %d header rows, but the table has %d rows", where, t.HeaderRows, len(t.Rows))
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
		for i, r := range t.Rows[:t.HeaderRows] {
			if err := w.row(r, "th", fmt.Sprintf("%s.rows[%d]", where, i)); err != nil {
				return err
			}
		}
		w.s("</thead>\n")
	}
	if t.HeaderRows < len(t.Rows) {
		w.s("<tbody>\n")
		for i, r := range t.Rows[t.HeaderRows:] {
			if err := w.row(r, "td", fmt.Sprintf("%s.rows[%d]", where, t.HeaderRows+i)); err != nil {
				return err
			}
		}
		w.s("</tbody>\n")
	}
	w.s("</table>\n")
	return nil
}

// row writes one table row with cells of the given tag.
func (w *writer) row(r render.Row, tag, where string) error {
	keep := ""
	if r.KeepTogether {
		keep = "keep"
	}
	w.s("<tr" + classAttr(keep) + ">")
	for j, c := range r.Cells {
		if c.RowSpan < 0 || c.ColSpan < 0 {
			return fmt.Errorf("html: %s.cells[%d]: negative span", where, j)
		}
		shade := ""
		if c.Shade {
			shade = "shade"
		}
		w.s("<" + tag + classAttr(alignClass(c.Align), valignClass(c.VAlign), shade))
		if c.RowSpan > 1 {
			w.s(` rowspan="` + strconv.Itoa(c.RowSpan) + `"`)
		}
		if c.ColSpan > 1 {
			w.s(` colspan="` + strconv.Itoa(c.ColSpan) + `"`)
		}
		w.s(">")
		w.paras(c.Paras)
		w.s("</" + tag + ">")
	}
	w.s("</tr>\n")
	return nil
}

// valignClass names the CSS class of a vertical alignment; "" for top.
func valignClass(v render.VAlign) string {
	switch v {
	case render.Middle:
		return "v-middle"
	case render.Bottom:
		return "v-bottom"
	}
	return ""
}
