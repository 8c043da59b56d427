package docx

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
)

// cells makes a row of cells named by their text; "text:RxC" gives spans.
func cells(specs ...string) render.Row {
	var row render.Row
	for _, s := range specs {
		c := render.Cell{}
		text, span, _ := strings.Cut(s, ":")
		if span != "" {
			fmt.Sscanf(span, "%dx%d", &c.RowSpan, &c.ColSpan)
		}
		c.Paras = []render.Paragraph{render.Text(text)}
		row.Cells = append(row.Cells, c)
	}
	return row
}

// layout draws the grid as text: a cell's name where it starts, "^" below
// a cell that spans down, "<" right of one that spans across, "." for a
// filler cell.
func layout(grid [][]slot) string {
	var b strings.Builder
	for _, row := range grid {
		for _, s := range row {
			switch {
			case s.cont:
				b.WriteString("^")
			case s.cell == &emptyCell:
				b.WriteString(".")
			default:
				b.WriteString(s.cell.Paras[0].Runs[0].Text)
			}
			b.WriteString(strings.Repeat("<", s.span-1))
		}
		b.WriteString("|")
	}
	return b.String()
}

func TestPlaceCells(t *testing.T) {
	for _, c := range []struct {
		name    string
		cols    int
		rows    []render.Row
		want    string
		wantErr string
	}{
		{"plain", 2, []render.Row{cells("a", "b"), cells("c", "d")}, "ab|cd|", ""},
		{"row span", 3, []render.Row{cells("a:3x1", "b", "c"), cells("d", "e"), cells("f", "g")}, "abc|^de|^fg|", ""},
		{"row span in the middle", 3, []render.Row{cells("a", "b:2x1", "c"), cells("d", "e")}, "abc|d^e|", ""},
		{"row and column span", 3, []render.Row{cells("a:2x2", "b"), cells("c"), cells("d", "e", "f")}, "a<b|^<c|def|", ""},
		{"column span", 3, []render.Row{cells("a:1x3"), cells("b:1x2", "c")}, "a<<|b<c|", ""},
		{"short row filled", 3, []render.Row{cells("a"), cells()}, "a..|...|", ""},
		{"too many cells", 2, []render.Row{cells("a", "b", "c")}, "", "rows[0].cells[2]: no free column is left in the row"},
		{"span past the right edge", 2, []render.Row{cells("a", "b:1x2")}, "", "rows[0].cells[1]: the cell starts in column 2 and spans 2 columns, but the table has only 2"},
		{"span past the last row", 2, []render.Row{cells("a", "b"), cells("c:3x1", "d")}, "", "rows[1].cells[0]: the cell spans 3 rows from row 2, but the table has only 2 rows"},
		{"column span over a row span", 3, []render.Row{cells("a", "b:2x1", "c"), cells("d:1x2", "e")}, "", "rows[1].cells[0]: spanning 2 columns from column 1, it overlaps a cell spanning down from an earlier row"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tbl := &render.Table{Rows: c.rows}
			for range c.cols {
				tbl.Widths = append(tbl.Widths, 1)
			}
			grid, err := placeCells(tbl)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("error %v, want %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := layout(grid); got != c.want {
				t.Errorf("layout %s, want %s", got, c.want)
			}
		})
	}
}

func TestGridColumns(t *testing.T) {
	for _, c := range []struct {
		widths  []float64
		total   int
		want    string
		wantErr string
	}{
		{[]float64{1, 1, 1}, 9638, "[3213 3213 3212]", ""},
		{[]float64{1, 3}, 1000, "[250 750]", ""},
		{[]float64{0.2, 0.3, 0.5}, 9638, "[1928 2891 4819]", ""},
		{[]float64{100, 1}, 9638, "", "column 2 is only 1.7 mm wide"},
	} {
		got, err := gridColumns(c.widths, c.total)
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("gridColumns(%v): error %v, want %q", c.widths, err, c.wantErr)
			}
			continue
		}
		if err != nil || fmt.Sprint(got) != c.want {
			t.Errorf("gridColumns(%v) = %v, %v; want %s", c.widths, got, err, c.want)
		}
	}
}

func TestTableErrorsNameTheBlock(t *testing.T) {
	for _, c := range []struct {
		table *render.Table
		want  string
	}{
		{&render.Table{Widths: []float64{1}}, "docx: blocks[1]: the table has no rows"},
		{&render.Table{Widths: []float64{1}, HeaderRows: 2, Rows: []render.Row{cells("a")}}, "docx: blocks[1]: HeaderRows is 2 but the table has 1 rows"},
		{&render.Table{Widths: []float64{1, 1}, Rows: []render.Row{cells("a", "b", "c")}}, "docx: blocks[1].rows[0].cells[2]"},
		{&render.Table{Rows: []render.Row{cells("a")}}, "docx: blocks[1]: table has no column widths"},
		{&render.Table{Widths: []float64{1, 0}, Rows: []render.Row{cells("a")}}, "docx: blocks[1]: widths[1] is 0"},
		{&render.Table{Widths: []float64{1, -2}, Rows: []render.Row{cells("a")}}, "docx: blocks[1]: widths[1] is -2"},
	} {
		d := &render.Document{Blocks: []render.Block{&render.Paragraph{}, c.table}}
		if _, err := Render(d, Options{}); err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("error %v, want it to start with %q", err, c.want)
		}
	}
}

func TestRowsKeptWhole(t *testing.T) {
	long := strings.Repeat("長", 2000) // far more than a third of a page in one cell
	medium := strings.Repeat("中", 900)
	tbl := &render.Table{Widths: []float64{1, 1}, HeaderRows: 1, Rows: []render.Row{
		cells("head", "head"),
		cells("short", "short"),
		cells("tall", long),
		cells("medium", medium),
		{Cells: cells("medium", medium).Cells, KeepTogether: true},
		{Cells: cells("tall", long+long+long).Cells, KeepTogether: true},
		cells(long+":2x1", "short"), // a tall cell over two short rows
		cells("short"),
	}}
	_, parts := unzipParts(t, mustRender(t, &render.Document{Blocks: []render.Block{tbl}}))
	rows := regexp.MustCompile(`<w:tr>(<w:trPr>.*?</w:trPr>)?`).FindAllStringSubmatch(parts["word/document.xml"], -1)
	want := []string{
		"<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
		"<w:trPr><w:cantSplit/></w:trPr>",
		"",                                // tall: may split
		"",                                // medium (over a third of a page): may split
		"<w:trPr><w:cantSplit/></w:trPr>", // medium, asked to keep together
		"",                                // taller than a page: may split though asked not to
		"<w:trPr><w:cantSplit/></w:trPr>", // first row of the span: short
		"",                                // last row of the span takes the rest of the tall cell
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(rows), len(want))
	}
	for i, w := range want {
		if rows[i][1] != w {
			t.Errorf("row %d: %q, want %q", i, rows[i][1], w)
		}
	}
}

func TestKeyValueTable(t *testing.T) {
	v := func(s string) []render.Paragraph { return []render.Paragraph{render.Text(s)} }
	kv := &render.KeyValue{Columns: 2, LabelWidth: 0.25, Pairs: []render.Pair{
		{Label: "L1", Value: v("V1")}, {Label: "L2", Value: v("V2")}, {Label: "L3", Value: v("V3")},
	}}
	tbl := keyValueTable(kv)
	if got := fmt.Sprint(tbl.Widths); got != "[0.25 0.75 0.25 0.75]" {
		t.Errorf("widths %s", got)
	}
	grid, err := placeCells(tbl)
	if err != nil {
		t.Fatal(err)
	}
	if got := layout(grid); got != "L1V1L2V2|L3V3<<|" {
		t.Errorf("layout %s", got)
	}
	for _, row := range grid {
		if !row[0].cell.Shade || row[1].cell.Shade {
			t.Errorf("labels must be shaded, values not")
		}
	}
	one := keyValueTable(&render.KeyValue{Pairs: kv.Pairs[:1]})
	if got := fmt.Sprint(one.Widths); got != "[0.3 0.7]" {
		t.Errorf("default one-column widths %s", got)
	}
}

func TestCountLines(t *testing.T) {
	for _, c := range []struct {
		text    string
		perLine float64
		want    int
	}{
		{"", 10, 1},
		{"一二三四五", 5, 1},
		{"一二三四五六", 5, 2},
		{"abcdefghij", 5, 1},
		{"a\nb\n", 5, 3},
	} {
		if got := countLines([]render.Run{{Text: c.text}}, c.perLine); got != c.want {
			t.Errorf("countLines(%q, %g) = %d, want %d", c.text, c.perLine, got, c.want)
		}
	}
}
