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

// placeCells lays out the rows of t on its grid (see render.Table.Layout)
// as the slots of each row, left to right: the cells starting in the row,
// the continuations of cells spanning down from above, and empty cells
// in the columns the row leaves over.
func placeCells(t *render.Table) ([][]slot, error) {
	g, err := t.Layout()
	if err != nil {
		return nil, err
	}
	grid := make([][]slot, g.Rows)
	for r := range grid {
		slots := make([]slot, 0, g.Cols)
		for c := 0; c < g.Cols; {
			p := g.At(r, c)
			switch {
			case p == nil:
				slots = append(slots, slot{cell: &emptyCell, col: c, span: 1, rows: 1})
				c++
				continue
			case p.Row < r:
				slots = append(slots, slot{cell: p.Cell, col: c, span: p.ColSpan, cont: true})
			default:
				slots = append(slots, slot{cell: p.Cell, col: c, span: p.ColSpan, rows: p.RowSpan})
			}
			c += p.ColSpan
		}
		grid[r] = slots
	}
	return grid, nil
}

// emptyCell fills the columns of a row that lists too few cells.
var emptyCell render.Cell

// gridColumns scales the relative widths, which render.Table.Layout has
// checked, to the text width, in twips; the last column takes the
// rounding so that the columns fill it exactly. A column too narrow to
// hold a character is an error.
func gridColumns(widths []float64, total int) ([]int, error) {
	sum := 0.0
	for _, v := range widths {
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
