package pdf

import "github.com/ocs-project/ocs/render"

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
	contN     int     // Continued lines at the end of lines (see tableItem.rename)
	whole     []tline // the whole text and the Continued text, laid out once (wholeRepeat)
	wholeFits bool
	hasWhole  bool

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

// buildGrid places the cells of t (see render.Table.Layout). Columns a
// row leaves empty get empty cells, so that every slot has borders.
func buildGrid(t *render.Table) (*grid, error) {
	l, err := t.Layout()
	if err != nil {
		return nil, err
	}
	g := &grid{rows: l.Rows, cols: l.Cols}
	for _, p := range l.Cells {
		g.cells = append(g.cells, &tcell{cell: p.Cell, row: p.Row, col: p.Col, rows: p.RowSpan, cs: p.ColSpan})
	}
	empty := &render.Cell{}
	for r := 0; r < g.rows; r++ {
		for k := 0; k < g.cols; k++ {
			if l.At(r, k) == nil {
				g.cells = append(g.cells, &tcell{cell: empty, row: r, col: k, rows: 1, cs: 1})
			}
		}
	}
	g.index()
	return g, nil
}

// index lists the cells by the rows they start and end in, in the order
// of g.cells; the lists share two arrays.
func (g *grid) index() {
	n := make([]int, 2*g.rows) // cells starting in each row, then ending
	for _, c := range g.cells {
		n[c.row]++
		n[g.rows+c.row+c.rows-1]++
	}
	g.starts, g.ends = make([][]*tcell, g.rows), make([][]*tcell, g.rows)
	starts, ends := make([]*tcell, len(g.cells)), make([]*tcell, len(g.cells))
	for r := range g.rows {
		g.starts[r], starts = starts[:0:n[r]], starts[n[r]:]
		g.ends[r], ends = ends[:0:n[g.rows+r]], ends[n[g.rows+r]:]
	}
	for _, c := range g.cells {
		end := c.row + c.rows - 1
		g.starts[c.row] = append(g.starts[c.row], c)
		g.ends[end] = append(g.ends[end], c)
	}
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
