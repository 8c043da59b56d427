package render

import (
	"errors"
	"fmt"
	"math"
)

// Grid is a table's cells placed on its rows and columns, as
// Table.Layout finds them.
type Grid struct {
	Rows, Cols int // the table's rows and columns
	// Cells are the cells the table lists, in reading order: row by row,
	// and in each row left to right as listed.
	Cells []Placement

	first []int // index in Cells of each row's first cell; first[Rows] is len(Cells)
	slots []int // per slot, row by row: index in Cells of the cell covering it, or -1
}

// Placement is a cell and the slots of the grid it covers.
type Placement struct {
	Cell             *Cell
	Row, Col         int // the slot the cell starts in, its top left
	RowSpan, ColSpan int // the rows and columns it covers, 1 or more
}

// Row returns the cells that start in row r, left to right: Row(r)[j]
// places the table's Rows[r].Cells[j].
func (g *Grid) Row(r int) []Placement { return g.Cells[g.first[r]:g.first[r+1]] }

// At returns the cell covering the slot in row r and column c, whether it
// starts there or spans into it from above or from the left; nil when no
// cell covers the slot, because the row lists fewer cells than it has free
// columns. Backends draw such a slot as an empty cell.
func (g *Grid) At(r, c int) *Placement {
	if i := g.slots[r*g.Cols+c]; i >= 0 {
		return &g.Cells[i]
	}
	return nil
}

// Layout places the cells of t the way every backend draws them: each
// row's cells go left to right into the first columns that no cell from a
// row above covers, and each covers RowSpan rows and ColSpan columns from
// there (0 counts as 1). A row may list too few cells; the columns it
// leaves over stay empty (see Grid.At).
//
// Layout rejects a table that cannot be drawn: no columns, a width that is
// not a positive number, HeaderRows out of range, no rows, a negative
// span, a cell with no free column left in its row, a span past the last
// column or row, a header cell spanning into the body rows, or a cell
// overlapping one that spans down from above. The error is a *PathError
// naming the cell as "rows[2].cells[1]", or naming nothing when the table
// as a whole is at fault; Check adds the block.
func (t *Table) Layout() (*Grid, error) {
	if err := t.checkShape(); err != nil {
		return nil, &PathError{Err: err}
	}
	n := 0
	for _, row := range t.Rows {
		n += len(row.Cells)
	}
	g := &Grid{Rows: len(t.Rows), Cols: len(t.Widths), Cells: make([]Placement, 0, n), first: make([]int, len(t.Rows)+1)}
	g.slots = make([]int, g.Rows*g.Cols)
	for i := range g.slots {
		g.slots[i] = -1
	}
	for r := range t.Rows {
		g.first[r] = len(g.Cells)
		col := 0
		for j := range t.Rows[r].Cells {
			c := &t.Rows[r].Cells[j]
			for col < g.Cols && g.slots[r*g.Cols+col] >= 0 {
				col++
			}
			p := Placement{Cell: c, Row: r, Col: col, RowSpan: max(c.RowSpan, 1), ColSpan: max(c.ColSpan, 1)}
			if err := g.fits(&p, t.HeaderRows); err != nil {
				return nil, &PathError{Path: fmt.Sprintf("rows[%d].cells[%d]", r, j), Err: err}
			}
			g.cover(p)
			col += p.ColSpan
		}
	}
	g.first[g.Rows] = len(g.Cells)
	return g, nil
}

// checkShape checks what Layout needs before placing cells: the column
// widths, the header rows and that there are rows at all.
func (t *Table) checkShape() error {
	if len(t.Widths) == 0 {
		return errors.New("table has no column widths; give Widths one relative width per column")
	}
	for i, w := range t.Widths {
		if !(w > 0) || math.IsInf(w, 0) {
			return fmt.Errorf("widths[%d] is %g: column widths are relative and must be above zero", i, w)
		}
	}
	if t.HeaderRows < 0 || t.HeaderRows > len(t.Rows) {
		return fmt.Errorf("HeaderRows is %d but the table has %d rows", t.HeaderRows, len(t.Rows))
	}
	if len(t.Rows) == 0 {
		return errors.New("the table has no rows")
	}
	return nil
}

// fits reports why p cannot take the slots it would cover, if it cannot.
// p.Col is the first free column of its row, or Cols when none is left.
func (g *Grid) fits(p *Placement, headerRows int) error {
	c := p.Cell
	switch {
	case c.RowSpan < 0 || c.ColSpan < 0:
		return fmt.Errorf("RowSpan %d, ColSpan %d: spans must be 1 or more (0 means 1)", c.RowSpan, c.ColSpan)
	case p.Col >= g.Cols:
		return fmt.Errorf("no free column is left in the row for this cell: the table has %d columns%s; list fewer cells or make the spans smaller",
			g.Cols, g.coveredNote(p.Row))
	case p.ColSpan > g.Cols-p.Col:
		return fmt.Errorf("the cell starts in column %d and spans %d columns, but the table has only %d", p.Col+1, p.ColSpan, g.Cols)
	case p.RowSpan > g.Rows-p.Row:
		return fmt.Errorf("the cell spans %d rows from row %d, but the table has only %d rows", p.RowSpan, p.Row+1, g.Rows)
	case p.Row < headerRows && p.Row+p.RowSpan > headerRows:
		return fmt.Errorf("a header cell spans into the body rows (HeaderRows is %d)", headerRows)
	}
	for k := p.Col; k < p.Col+p.ColSpan; k++ {
		if g.slots[p.Row*g.Cols+k] >= 0 {
			return fmt.Errorf("spanning %d columns from column %d, it overlaps a cell spanning down from an earlier row", p.ColSpan, p.Col+1)
		}
	}
	return nil
}

// coveredNote says how many columns of row r cells from above cover, for
// an error about a row with too many cells.
func (g *Grid) coveredNote(r int) string {
	n := 0
	for k := range g.Cols {
		if i := g.slots[r*g.Cols+k]; i >= 0 && g.Cells[i].Row < r {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(", %d of them covered by cells spanning down from rows above", n)
}

// cover adds p to the grid and marks the slots it covers.
func (g *Grid) cover(p Placement) {
	i := len(g.Cells)
	g.Cells = append(g.Cells, p)
	for r := p.Row; r < p.Row+p.RowSpan; r++ {
		for k := p.Col; k < p.Col+p.ColSpan; k++ {
			g.slots[r*g.Cols+k] = i
		}
	}
}
