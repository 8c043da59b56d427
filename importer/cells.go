package importer

import "github.com/ocs-project/ocs/importer/grid"

// slot is one grid position of a table row after spans are resolved: the
// cell that covers it and whether that cell starts in this row.
type slot struct {
	cell   *grid.Cell // nil when nothing covers the position
	origin bool       // the cell starts at this row (not covered from above)
}

// text returns the text of the cell starting at the slot; "" for a slot
// covered from an earlier row or empty.
func (s slot) text() string {
	if s.cell == nil || !s.origin {
		return ""
	}
	return s.cell.Text
}

// maxCols bounds the width of a resolved row, so a hostile span cannot make
// the interpreter allocate without limit.
const maxCols = 1024

// expand resolves a table's row and column spans into slots: row r's slot
// c names the cell covering grid column c. A cell spanning columns fills
// every column it covers; a cell spanning rows (RowSpan, or the Continue
// cells of readers that cannot resolve merges) covers the rows below it.
func expand(t *grid.Table) [][]slot {
	out := make([][]slot, len(t.Rows))
	type open struct {
		cell *grid.Cell
		left int // rows still covered below the current one
	}
	var above []open // per column: the vertical span reaching into the next row
	for r := range t.Rows {
		row := &t.Rows[r]
		width := len(above)
		for i := range row.Cells {
			c := &row.Cells[i]
			if end := c.Col + max(c.ColSpan, 1); end > width && end <= maxCols && c.Col >= 0 {
				width = end
			}
		}
		slots := make([]slot, width)
		for c := range above {
			if above[c].left > 0 {
				slots[c] = slot{cell: above[c].cell}
			}
		}
		for i := range row.Cells {
			c := &row.Cells[i]
			if c.Col < 0 || c.Col >= width {
				continue
			}
			span := min(max(c.ColSpan, 1), width-c.Col)
			if c.Continue {
				// A continued merge: the cell above in this column covers it.
				if r > 0 && c.Col < len(out[r-1]) && out[r-1][c.Col].cell != nil {
					for k := 0; k < span; k++ {
						slots[c.Col+k] = slot{cell: out[r-1][c.Col].cell}
					}
					continue
				}
			}
			for k := 0; k < span; k++ {
				slots[c.Col+k] = slot{cell: c, origin: true}
			}
		}
		next := make([]open, width)
		for c := range slots {
			switch {
			case slots[c].cell == nil:
			case slots[c].origin && slots[c].cell.RowSpan > 1:
				next[c] = open{slots[c].cell, slots[c].cell.RowSpan - 1}
			case !slots[c].origin && c < len(above) && above[c].left > 0:
				next[c] = open{above[c].cell, above[c].left - 1}
			}
		}
		above = next
		out[r] = slots
	}
	return out
}

// values returns the texts of a resolved row's cells, each cell once (a
// cell spanning columns is not repeated), with "" for covered or empty
// positions kept only where a cell starts.
func values(slots []slot) []string {
	var out []string
	for c, s := range slots {
		if s.cell == nil {
			continue
		}
		if c > 0 && slots[c-1].cell == s.cell {
			continue
		}
		out = append(out, s.text())
	}
	return out
}
