package docx

import (
	"fmt"
	"math"

	"github.com/ocs-project/ocs/render"
)

// slot is one cell position of a row in the table grid: either a cell that
// starts in this row, or the continuation of a cell spanning down from a
// row above (a w:vMerge "continue" cell).
type slot struct {
	cell *render.Cell // the cell; for a continuation, the cell above
	col  int          // first grid column
	span int          // grid columns covered
	rows int          // rows covered, for a starting cell
	cont bool         // continuation of a cell from above
}

// placeCells lays out the rows of t on its grid: each row's cells go into
// the first columns that no cell from above covers, left to right. A row
// that lists too few cells is completed with empty cells; a row with too
// many, or a span running past the table, is an error.
func placeCells(t *render.Table) ([][]slot, error) {
	n := len(t.Widths)
	covered := make([]int, n) // rows still covered below, per column
	spanAt := make([]int, n)  // column span of the covering cell, at its first column
	from := make([]*render.Cell, n)
	grid := make([][]slot, len(t.Rows))
	for r := range t.Rows {
		row := &t.Rows[r]
		slots := make([]slot, 0, n)
		next := 0 // next cell of the row to place
		for c := 0; c < n; {
			if covered[c] > 0 {
				span := spanAt[c]
				slots = append(slots, slot{cell: from[c], col: c, span: span, cont: true})
				for k := c; k < c+span; k++ {
					covered[k]--
				}
				c += span
				continue
			}
			if next == len(row.Cells) {
				slots = append(slots, slot{cell: &emptyCell, col: c, span: 1, rows: 1})
				c++
				continue
			}
			cell := &row.Cells[next]
			span, rows := max(cell.ColSpan, 1), max(cell.RowSpan, 1)
			if c+span > n {
				return nil, fmt.Errorf("rows[%d].cells[%d]: column span %d starting at column %d runs past the table's %d columns",
					r, next, span, c+1, n)
			}
			for k := c; k < c+span; k++ {
				if covered[k] > 0 {
					return nil, fmt.Errorf("rows[%d].cells[%d]: column span %d overlaps column %d, which a cell from a row above covers",
						r, next, span, k+1)
				}
			}
			if r+rows > len(t.Rows) {
				return nil, fmt.Errorf("rows[%d].cells[%d]: row span %d runs past the table's last row (%d rows)",
					r, next, rows, len(t.Rows))
			}
			slots = append(slots, slot{cell: cell, col: c, span: span, rows: rows})
			if rows > 1 {
				for k := c; k < c+span; k++ {
					covered[k] = rows - 1
				}
				spanAt[c], from[c] = span, cell
			}
			next++
			c += span
		}
		if next < len(row.Cells) {
			return nil, fmt.Errorf("rows[%d].cells[%d]: the row has no free column left for this cell (the table has %d columns; check the spans)",
				r, next, n)
		}
		grid[r] = slots
	}
	return grid, nil
}

// emptyCell fills the columns of a row that lists too few cells.
var emptyCell render.Cell

// gridColumns scales the relative widths to the text width, in twips; the
// last column takes the rounding so that the columns fill it exactly.
func gridColumns(widths []float64, total int) ([]int, error) {
	if len(widths) == 0 {
		return nil, fmt.Errorf("the table has no columns (Widths is empty)")
	}
	sum := 0.0
	for i, v := range widths {
		if !(v > 0) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("column %d has width %g; widths must be positive numbers", i+1, v)
		}
		sum += v
	}
	cols := make([]int, len(widths))
	used := 0
	for i, v := range widths[:len(widths)-1] {
		cols[i] = int(math.Round(v / sum * float64(total)))
		used += cols[i]
	}
	cols[len(cols)-1] = total - used
	for i, c := range cols {
		if c < minColumn {
			return nil, fmt.Errorf("column %d is only %.1f mm wide; give it a larger share of Widths", i+1, float64(c)*25.4/1440)
		}
	}
	return cols, nil
}

// minColumn is the narrowest column, in twips (3 mm), that still holds a
// character besides the cell margins.
const minColumn = 170

// keyValueTable turns a key-value grid into a table: Columns pairs per row,
// each a shaded label cell and a value cell; a last row with fewer pairs
// lets its last value span the rest of the row.
func keyValueTable(kv *render.KeyValue) *render.Table {
	per := max(kv.Columns, 1)
	lw := kv.LabelWidth
	if !(lw > 0 && lw < 1) {
		lw = 0.3
	}
	t := &render.Table{Widths: make([]float64, 0, 2*per), Style: render.TableText}
	for range per {
		t.Widths = append(t.Widths, lw, 1-lw)
	}
	for i := 0; i < len(kv.Pairs); i += per {
		pairs := kv.Pairs[i:min(i+per, len(kv.Pairs))]
		row := render.Row{Cells: make([]render.Cell, 0, 2*len(pairs))}
		for j, p := range pairs {
			value := render.Cell{Paras: p.Value, VAlign: render.Middle}
			if j == len(pairs)-1 {
				value.ColSpan = 2*(per-len(pairs)) + 1
			}
			row.Cells = append(row.Cells,
				render.Cell{Paras: []render.Paragraph{render.Text(p.Label)}, Shade: true, VAlign: render.Middle},
				value)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
