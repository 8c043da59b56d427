package render

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

// cells makes a row of cells named by their text; "name:RxC" gives the
// row and column spans.
func cells(specs ...string) Row {
	var row Row
	for _, s := range specs {
		name, span, _ := strings.Cut(s, ":")
		c := Cell{Paras: []Paragraph{Text(name)}}
		if span != "" {
			if _, err := fmt.Sscanf(span, "%dx%d", &c.RowSpan, &c.ColSpan); err != nil {
				panic("bad span " + s)
			}
		}
		row.Cells = append(row.Cells, c)
	}
	return row
}

// table makes a table of cols columns of width 1.
func table(cols int, rows ...Row) *Table {
	t := &Table{Rows: rows}
	for range cols {
		t.Widths = append(t.Widths, 1)
	}
	return t
}

// draw shows which cell covers each slot of g: the cell's name where it
// starts, "<" right of its start, "^" below it, "." where no cell is;
// rows end in "|".
func draw(g *Grid) string {
	var b strings.Builder
	for r := range g.Rows {
		for c := range g.Cols {
			switch p := g.At(r, c); {
			case p == nil:
				b.WriteString(".")
			case p.Row < r:
				b.WriteString("^")
			case p.Col < c:
				b.WriteString("<")
			default:
				b.WriteString(Texts(p.Cell.Paras[0].Runs))
			}
		}
		b.WriteString("|")
	}
	return b.String()
}

// placements lists the cells row by row as Row returns them:
// name@row,col RowSpanxColSpan.
func placements(g *Grid) string {
	var out []string
	for r := range g.Rows {
		for _, p := range g.Row(r) {
			out = append(out, fmt.Sprintf("%s@%d,%d %dx%d", Texts(p.Cell.Paras[0].Runs), p.Row, p.Col, p.RowSpan, p.ColSpan))
		}
	}
	return strings.Join(out, " ")
}

func TestLayout(t *testing.T) {
	for _, c := range []struct {
		name   string
		table  *Table
		draw   string
		placed string
	}{
		{"plain", table(2, cells("a", "b"), cells("c", "d")), "ab|cd|", "a@0,0 1x1 b@0,1 1x1 c@1,0 1x1 d@1,1 1x1"},
		{"zero spans count as one", table(2, Row{Cells: []Cell{{Paras: []Paragraph{Text("a")}}, {Paras: []Paragraph{Text("b")}}}}), "ab|", "a@0,0 1x1 b@0,1 1x1"},
		{"row span", table(3, cells("a:3x1", "b", "c"), cells("d", "e"), cells("f", "g")), "abc|^de|^fg|",
			"a@0,0 3x1 b@0,1 1x1 c@0,2 1x1 d@1,1 1x1 e@1,2 1x1 f@2,1 1x1 g@2,2 1x1"},
		{"row span in the middle", table(3, cells("a", "b:2x1", "c"), cells("d", "e")), "abc|d^e|", "a@0,0 1x1 b@0,1 2x1 c@0,2 1x1 d@1,0 1x1 e@1,2 1x1"},
		{"row and column span", table(3, cells("a:2x2", "b"), cells("c"), cells("d", "e", "f")), "a<b|^^c|def|",
			"a@0,0 2x2 b@0,2 1x1 c@1,2 1x1 d@2,0 1x1 e@2,1 1x1 f@2,2 1x1"},
		{"column span", table(3, cells("a:1x3"), cells("b:1x2", "c")), "a<<|b<c|", "a@0,0 1x3 b@1,0 1x2 c@1,2 1x1"},
		{"holes at the end of short rows", table(3, cells("a"), cells()), "a..|...|", "a@0,0 1x1"},
		{"hole beside a row span", table(2, cells("a:2x1", "b"), cells()), "ab|^.|", "a@0,0 2x1 b@0,1 1x1"},
		{"header rows", &Table{Widths: []float64{1, 2}, HeaderRows: 1, Rows: []Row{cells("h:1x2"), cells("a", "b")}}, "h<|ab|", "h@0,0 1x2 a@1,0 1x1 b@1,1 1x1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := c.table.Layout()
			if err != nil {
				t.Fatal(err)
			}
			if got := draw(g); got != c.draw {
				t.Errorf("grid %s, want %s", got, c.draw)
			}
			if got := placements(g); got != c.placed {
				t.Errorf("cells %s, want %s", got, c.placed)
			}
			for r := range g.Rows {
				for j, p := range g.Row(r) {
					if p.Cell != &c.table.Rows[r].Cells[j] {
						t.Errorf("Row(%d)[%d] is not the table's rows[%d].cells[%d]", r, j, r, j)
					}
				}
			}
		})
	}
}

func TestLayoutErrors(t *testing.T) {
	huge := Cell{RowSpan: math.MaxInt, ColSpan: math.MaxInt}
	for _, c := range []struct {
		name  string
		table *Table
		path  string // the PathError's Path
		want  string // in its message
	}{
		{"no widths", &Table{Rows: []Row{cells("a")}}, "", "table has no column widths"},
		{"zero width", &Table{Widths: []float64{1, 0}, Rows: []Row{cells("a")}}, "", "widths[1] is 0: column widths are relative and must be above zero"},
		{"negative width", &Table{Widths: []float64{-1}, Rows: []Row{cells("a")}}, "", "widths[0] is -1"},
		{"NaN width", &Table{Widths: []float64{math.NaN()}, Rows: []Row{cells("a")}}, "", "widths[0] is NaN"},
		{"infinite width", &Table{Widths: []float64{1, math.Inf(1)}, Rows: []Row{cells("a")}}, "", "widths[1] is +Inf"},
		{"negative header rows", &Table{Widths: []float64{1}, HeaderRows: -1, Rows: []Row{cells("a")}}, "", "HeaderRows is -1 but the table has 1 rows"},
		{"more header rows than rows", &Table{Widths: []float64{1}, HeaderRows: 2, Rows: []Row{cells("a")}}, "", "HeaderRows is 2 but the table has 1 rows"},
		{"no rows", table(1), "", "the table has no rows"},
		{"negative span", table(2, cells("a", "b"), cells("c:1x-1")), "rows[1].cells[0]", "RowSpan 1, ColSpan -1: spans must be 1 or more"},
		{"too many cells", table(2, cells("a", "b", "c")), "rows[0].cells[2]", "no free column is left in the row for this cell: the table has 2 columns;"},
		{"too many cells beside a row span", table(2, cells("a:2x1", "b"), cells("c", "d")), "rows[1].cells[1]",
			"the table has 2 columns, 1 of them covered by cells spanning down from rows above"},
		{"span past the right edge", table(2, cells("a", "b:1x2")), "rows[0].cells[1]", "the cell starts in column 2 and spans 2 columns, but the table has only 2"},
		{"span past the last row", table(2, cells("a", "b"), cells("c:3x1", "d")), "rows[1].cells[0]", "the cell spans 3 rows from row 2, but the table has only 2 rows"},
		{"huge spans", table(2, Row{Cells: []Cell{huge}}), "rows[0].cells[0]", "spans 9223372036854775807 columns, but the table has only 2"},
		{"header cell spanning into the body", &Table{Widths: []float64{1, 1}, HeaderRows: 1, Rows: []Row{cells("h:2x1", "i"), cells("a")}},
			"rows[0].cells[0]", "a header cell spans into the body rows (HeaderRows is 1)"},
		{"overlap", table(3, cells("a", "b:2x1", "c"), cells("d:1x2", "e")), "rows[1].cells[0]",
			"spanning 2 columns from column 1, it overlaps a cell spanning down from an earlier row"},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := c.table.Layout()
			var pe *PathError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, %v; want a *PathError", g, err)
			}
			if pe.Path != c.path || !strings.Contains(pe.Err.Error(), c.want) {
				t.Errorf("error at %q: %v; want at %q one containing %q", pe.Path, pe.Err, c.path, c.want)
			}
		})
	}
}
