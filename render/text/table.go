package text

import (
	"fmt"
	"strings"

	"github.com/ocs-project/ocs/render"
)

// table writes a table. With header rows, each body row is a group of
// 「column：text」 lines, columns named by the header cells above them;
// a cell spanning rows is written once, with the row it starts in.
// Without a header, a row is one line of cells separated by ｜.
func (w *writer) table(t *render.Table, where string) error {
	g, err := t.Layout()
	if err != nil {
		return fmt.Errorf("text: %s: %w", where, err)
	}
	names := columnNames(t, g)
	for r := t.HeaderRows; r < g.Rows; r++ {
		row := g.Row(r)
		if r > t.HeaderRows && t.HeaderRows > 0 {
			w.line("")
		}
		if t.HeaderRows == 0 {
			cells := make([]string, 0, len(row))
			for _, p := range row {
				cells = append(cells, strings.ReplaceAll(parasText(p.Cell.Paras), "\n", " "))
			}
			w.line(strings.Join(cells, " ｜ "))
			continue
		}
		for _, p := range row {
			text := parasText(p.Cell.Paras)
			if text == "" {
				continue
			}
			head := ""
			if names[p.Col] != "" {
				head = names[p.Col] + w.sep
			}
			w.indented(head+text, "", strings.Repeat(" ", w.width(head)))
		}
	}
	return nil
}

// columnNames names each column by the texts of the header cells over
// it, joined by 「/」 when header rows stack.
func columnNames(t *render.Table, g *render.Grid) []string {
	names := make([][]string, g.Cols)
	for r := range t.HeaderRows {
		for _, p := range g.Row(r) {
			text := strings.ReplaceAll(parasText(p.Cell.Paras), "\n", " ")
			if text == "" {
				continue
			}
			for k := p.Col; k < p.Col+p.ColSpan; k++ {
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
