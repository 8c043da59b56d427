package text

import (
	"fmt"
	"strings"

	"github.com/ocs-project/ocs/render"
)

// placed is a cell with the grid column it starts in.
type placed struct {
	cell render.Cell
	col  int
}

// grid places the cells of each row in the first free columns, skipping
// columns covered by a row span from above, the way backends lay tables
// out. It reports a row whose cells do not fit the columns.
func grid(t *render.Table, where string) ([][]placed, error) {
	cols := len(t.Widths)
	if cols == 0 {
		return nil, fmt.Errorf("text: %s: table has no column widths", where)
	}
	if t.HeaderRows < 0 || t.HeaderRows > len(t.Rows) {
		return nil, fmt.Errorf("text: %s: %d header rows, but the table has %d rows", where, t.HeaderRows, len(t.Rows))
	}
	covered := make([]int, cols) // rows still covered by a span from above
	out := make([][]placed, len(t.Rows))
	for i, r := range t.Rows {
		col := 0
		for j, c := range r.Cells {
			for col < cols && covered[col] > 0 {
				col++
			}
			span := max(c.ColSpan, 1)
			if c.RowSpan < 0 || c.ColSpan < 0 {
				return nil, fmt.Errorf("text: %s.rows[%d].cells[%d]: negative span", where, i, j)
			}
			if col+span > cols {
				return nil, fmt.Errorf("text: %s.rows[%d].cells[%d]: the cell does not fit the table's %d columns", where, i, j, cols)
			}
			out[i] = append(out[i], placed{c, col})
			for k := col; k < col+span; k++ {
				covered[k] = max(c.RowSpan, 1)
			}
			col += span
		}
		for k := range covered {
			if covered[k] > 0 {
				covered[k]--
			}
		}
	}
	return out, nil
}

// table writes a table. With header rows, each body row is a group of
// 「column：text」 lines, columns named by the header cells above them;
// a cell spanning rows is written once, with the row it starts in.
// Without a header, a row is one line of cells separated by ｜.
func (w *writer) table(t *render.Table, where string) error {
	rows, err := grid(t, where)
	if err != nil {
		return err
	}
	names := columnNames(t, rows)
	for i, r := range rows[t.HeaderRows:] {
		if i > 0 && t.HeaderRows > 0 {
			w.line("")
		}
		if t.HeaderRows == 0 {
			cells := make([]string, 0, len(r))
			for _, p := range r {
				cells = append(cells, strings.ReplaceAll(parasText(p.cell.Paras), "\n", " "))
			}
			w.line(strings.Join(cells, " ｜ "))
			continue
		}
		for _, p := range r {
			text := parasText(p.cell.Paras)
			if text == "" {
				continue
			}
			head := ""
			if names[p.col] != "" {
				head = names[p.col] + w.sep
			}
			w.indented(head+text, "", strings.Repeat(" ", w.width(head)))
		}
	}
	return nil
}

// columnNames names each column by the texts of the header cells over
// it, joined by 「/」 when header rows stack.
func columnNames(t *render.Table, rows [][]placed) []string {
	names := make([][]string, len(t.Widths))
	for _, r := range rows[:t.HeaderRows] {
		for _, p := range r {
			text := strings.ReplaceAll(parasText(p.cell.Paras), "\n", " ")
			if text == "" {
				continue
			}
			for k := p.col; k < p.col+max(p.cell.ColSpan, 1); k++ {
				if n := names[k]; len(n) == 0 || n[len(n)-1] != text {
					names[k] = append(names[k], text)
				}
			}
		}
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = strings.Join(n, "/")
	}
	return out
}
