package table

import (
	"slices"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
)

// attitudes returns the 職能內涵（A=attitude 態度）section: a heading, one
// paragraph per attitude ("A01 主動積極：definition", or the bare name), and
// the task × attitude matrix when any task marks attitudes. A standard
// without attitudes gets nothing.
func (b *standardBuilder) attitudes() []render.Block {
	rows := b.matrixRows()
	if len(rows) == 0 {
		return nil
	}
	blocks := []render.Block{&render.Heading{Level: 2, Runs: []render.Run{{Text: b.l.Get("attitudes")}}}}
	for _, a := range rows {
		p := stdPara(stdJoin(a.Code, a.Name))
		if a.Definition != "" {
			p.Runs = append(p.Runs, render.Run{Text: b.l.Get("term_separator")})
			p.Runs = append(p.Runs, templates.Runs(a.Definition)...)
		}
		blocks = append(blocks, &p)
	}
	return append(blocks, b.matrix(rows)...)
}

// matrixRows returns the attitudes to list: the catalogue in order, then
// any code a task marks that the catalogue lacks (printed bare, so no mark
// is silently dropped; validation reports the missing definition).
func (b *standardBuilder) matrixRows() []standard.Attitude {
	out := slices.Clone(b.s.Attitudes)
	for _, r := range b.rows {
		for _, t := range r.tasks {
			for _, code := range t.Attitudes {
				if !slices.ContainsFunc(out, func(a standard.Attitude) bool { return a.Code == code }) {
					out = append(out, standard.Attitude{Code: code})
				}
			}
		}
	}
	return out
}

// stdMatrixTask is one column of the matrix: a task code and its marks.
type stdMatrixTask struct {
	code      string
	attitudes []string
}

// matrix returns the task × attitude matrix: a row per attitude (code and
// name), a column per task, √ where the task marks the attitude. When no
// task marks any attitude there is no matrix. When the tasks do not fit
// the page width, the matrix is split into several tables of balanced
// width, each repeating the attitude column.
func (b *standardBuilder) matrix(atts []standard.Attitude) []render.Block {
	var tasks []stdMatrixTask
	marked := false
	for _, r := range b.rows {
		for _, t := range r.tasks { // every task, those sharing a row too
			if t.Code == "" {
				continue
			}
			tasks = append(tasks, stdMatrixTask{t.Code, t.Attitudes})
			marked = marked || len(t.Attitudes) > 0
		}
	}
	if !marked {
		return nil
	}
	nameWidth := 0.0
	for _, a := range atts {
		nameWidth = max(nameWidth, stdEstimateWidth(stdJoin(a.Code, a.Name)))
	}
	nameWidth = min(max(nameWidth+stdCellPadding, 25), 45)
	colWidth := 7.0
	for _, t := range tasks {
		colWidth = max(colWidth, stdEstimateWidth(t.code)+stdCellPadding)
	}
	per := max(1, int((b.textWidth()-nameWidth)/colWidth))
	parts := (len(tasks) + per - 1) / per
	per = (len(tasks) + parts - 1) / parts // balance the tables

	var blocks []render.Block
	for len(tasks) > 0 {
		n := min(per, len(tasks))
		blocks = append(blocks, b.matrixTable(atts, tasks[:n], nameWidth, colWidth))
		tasks = tasks[n:]
	}
	return blocks
}

// matrixTable returns one table of the matrix for some of the tasks.
func (b *standardBuilder) matrixTable(atts []standard.Attitude, tasks []stdMatrixTask, nameWidth, colWidth float64) *render.Table {
	t := &render.Table{Widths: []float64{nameWidth}, HeaderRows: 1, Continued: b.l.Get("continued")}
	head := render.Row{Cells: []render.Cell{{Shade: true}}, KeepTogether: true}
	for _, task := range tasks {
		t.Widths = append(t.Widths, colWidth)
		head.Cells = append(head.Cells, stdLabelCell(task.code))
	}
	t.Rows = append(t.Rows, head)
	for _, a := range atts {
		row := render.Row{Cells: []render.Cell{stdTextCell(stdJoin(a.Code, a.Name))}, KeepTogether: true}
		row.Cells[0].VAlign = render.Middle
		for _, task := range tasks {
			c := render.Cell{Align: render.Center, VAlign: render.Middle}
			if slices.Contains(task.attitudes, a.Code) {
				c.Paras = []render.Paragraph{{Runs: []render.Run{{Text: b.l.Get("mark")}}, Align: render.Center}}
			}
			row.Cells = append(row.Cells, c)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
