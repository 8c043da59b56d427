package pdf

import (
	"errors"
	"fmt"
	"math"

	"github.com/ocs-project/ocs/render"
)

// tcell is a table cell placed in the grid, with its laid-out lines and
// its state while the table is cut into pages.
type tcell struct {
	cell      *render.Cell
	row, col  int // where the cell starts
	rows, cs  int // how many rows and columns it covers
	x, w      float64
	lines     []tline
	repeat    []tline // what a continued spanning cell shows again
	hasRepeat bool

	next    int     // first line not printed yet
	top     float64 // top of the cell's part on the current page
	started bool    // a part of the cell is on an earlier page
}

// grid is a table's cells placed in rows and columns.
type grid struct {
	rows, cols int
	cells      []*tcell
	starts     [][]*tcell // cells by the row they start in
	ends       [][]*tcell // cells by the row they end in
}

// buildGrid places the cells of t: each row's cells go left to right into
// the first columns not covered by a cell spanning down from a row above.
// Columns a row leaves empty get empty cells, so every cell has borders.
// Errors name the row and cell, in the paths render.Walk uses.
func buildGrid(t *render.Table) (*grid, error) {
	if len(t.Widths) == 0 {
		return nil, errors.New("the table has no columns: Widths is empty")
	}
	for i, w := range t.Widths {
		if !(w > 0) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("widths[%d] is %g: column widths are relative and must be above zero", i, w)
		}
	}
	if len(t.Rows) == 0 {
		return nil, errors.New("the table has no rows")
	}
	if t.HeaderRows < 0 || t.HeaderRows > len(t.Rows) {
		return nil, fmt.Errorf("HeaderRows is %d, but the table has %d rows", t.HeaderRows, len(t.Rows))
	}
	g := &grid{rows: len(t.Rows), cols: len(t.Widths)}
	g.starts = make([][]*tcell, g.rows)
	g.ends = make([][]*tcell, g.rows)
	taken := make([][]bool, g.rows)
	for r := range taken {
		taken[r] = make([]bool, g.cols)
	}
	for r, row := range t.Rows {
		col := 0
		for j := range row.Cells {
			c := &row.Cells[j]
			where := fmt.Sprintf("rows[%d].cells[%d]", r, j)
			if c.RowSpan < 0 || c.ColSpan < 0 {
				return nil, fmt.Errorf("%s: RowSpan %d, ColSpan %d: spans must be 1 or more (0 means 1)", where, c.RowSpan, c.ColSpan)
			}
			rs, cs := max(c.RowSpan, 1), max(c.ColSpan, 1)
			for col < g.cols && taken[r][col] {
				col++
			}
			switch {
			case col >= g.cols:
				return nil, fmt.Errorf("%s: no free column is left in the row (the table has %d columns, some covered by cells spanning down from above)", where, g.cols)
			case col+cs > g.cols:
				return nil, fmt.Errorf("%s: the cell starts in column %d and spans %d columns, but the table has only %d", where, col+1, cs, g.cols)
			case r+rs > g.rows:
				return nil, fmt.Errorf("%s: the cell spans %d rows from row %d, but the table has only %d rows", where, rs, r+1, g.rows)
			case r < t.HeaderRows && r+rs > t.HeaderRows:
				return nil, fmt.Errorf("%s: a header cell spans into the body rows (HeaderRows is %d)", where, t.HeaderRows)
			}
			for k := col; k < col+cs; k++ {
				if taken[r][k] {
					return nil, fmt.Errorf("%s: spanning %d columns from column %d, it overlaps a cell spanning down from an earlier row", where, cs, col+1)
				}
			}
			g.add(taken, &tcell{cell: c, row: r, col: col, rows: rs, cs: cs})
			col += cs
		}
	}
	empty := &render.Cell{}
	for r := 0; r < g.rows; r++ {
		for k := 0; k < g.cols; k++ {
			if !taken[r][k] {
				g.add(taken, &tcell{cell: empty, row: r, col: k, rows: 1, cs: 1})
			}
		}
	}
	return g, nil
}

// add records c and marks the slots it covers.
func (g *grid) add(taken [][]bool, c *tcell) {
	for r := c.row; r < c.row+c.rows; r++ {
		for k := c.col; k < c.col+c.cs; k++ {
			taken[r][k] = true
		}
	}
	g.cells = append(g.cells, c)
	g.starts[c.row] = append(g.starts[c.row], c)
	end := c.row + c.rows - 1
	g.ends[end] = append(g.ends[end], c)
}

// groups returns the body rows from first on cut into groups that spanning
// cells bind together: half-open row ranges [a, b).
func (g *grid) groups(first int) [][2]int {
	var out [][2]int
	a, end := first, first
	for r := first; r < g.rows; r++ {
		for _, c := range g.starts[r] {
			end = max(end, c.row+c.rows)
		}
		if r+1 >= end {
			out = append(out, [2]int{a, r + 1})
			a = r + 1
		}
	}
	return out
}
