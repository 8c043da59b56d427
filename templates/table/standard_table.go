package table

import (
	"strconv"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
)

// stdRow is one row of the main table: one block of a task (or of tasks
// sharing one row block), with the codes and texts it prints and the
// spans of the cells it starts.
type stdRow struct {
	duty       int              // index of the duty in Standard.Duties
	dutyText   string           // "T1 人際溝通與協調"
	dutySpan   int              // rows the duty cell spans; 0 = covered by the cell above
	tasks      []*standard.Task // the tasks the row's task cell names (first row of a task only)
	taskLines  []string         // "T1.1 和顧客有效溝通", one per task of the cell
	taskSpan   int              // rows the task cell spans; 0 = covered
	level      int
	outputs    []string // "O1.1.1 溝通紀錄"
	oSpan      int      // rows the output cell spans; 0 = covered
	indicators []string // "P1.1.1 辨識…"
	knowledge  []standard.Ref
	skills     []standard.Ref
	kSpan      int // rows the K cell spans; 0 = covered
	sSpan      int // rows the S cell spans; 0 = covered
}

// stdTableRows flattens the duties of s into the rows of the main table,
// one per block, printing the codes and reference texts the model carries
// (standard.Normalize set them). Tasks that share a row block are printed
// as the form prints them: one merged row, whose task cell names every
// task of the group, each on its own line (standard.Duty.RowGroups); an
// output cell shared by blocks of a task spans them.
func stdTableRows(s *standard.Standard) []stdRow {
	var rows []stdRow
	for i := range s.Duties {
		d := &s.Duties[i]
		first := len(rows)
		for _, g := range d.RowGroups() {
			t := &d.Tasks[g[0]]
			start := len(rows)
			outOwners := t.OutputsOwners()
			for k, bl := range t.Blocks {
				r := stdRow{duty: i}
				if k == 0 {
					for _, j := range g {
						r.tasks = append(r.tasks, &d.Tasks[j])
						r.taskLines = append(r.taskLines, stdJoin(d.Tasks[j].Code, d.Tasks[j].Title))
					}
					r.taskSpan = len(t.Blocks)
				}
				r.level = bl.Level
				if r.level == 0 {
					r.level = t.Level
				}
				if o := outOwners[k]; o != k {
					rows[start+o].oSpan++
				} else {
					r.oSpan = 1
					for _, e := range bl.Outputs {
						r.outputs = append(r.outputs, stdJoin(e.Code, e.Text))
					}
				}
				for _, e := range bl.Indicators {
					r.indicators = append(r.indicators, stdJoin(e.Code, e.Text))
				}
				r.knowledge = bl.Knowledge
				r.skills = bl.Skills
				rows = append(rows, r)
			}
		}
		if first < len(rows) {
			rows[first].dutyText = stdJoin(d.Code, d.Title)
			rows[first].dutySpan = len(rows) - first
		} else {
			// A duty without tasks still gets its row, so its title shows.
			rows = append(rows, stdRow{duty: i, dutyText: stdJoin(d.Code, d.Title), dutySpan: 1, taskSpan: 1, oSpan: 1})
		}
	}
	stdMergeRefs(rows, func(r *stdRow) ([]standard.Ref, *int) { return r.knowledge, &r.kSpan })
	stdMergeRefs(rows, func(r *stdRow) ([]standard.Ref, *int) { return r.skills, &r.sSpan })
	return rows
}

// stdMergeRefs sets the spans of a K or S column. As on the official form, a
// cell is merged downward over the following rows of the same duty that
// list exactly the same references (same codes and texts, same order):
// THM2431 shares K01–K07 between T1.1 and T1.2, K26–K29 among T5.1–T5.4.
// Merging stops at a duty boundary, where the duty cell's border runs
// across the whole table; empty lists are never merged, so each row
// without references keeps its own empty cell.
func stdMergeRefs(rows []stdRow, col func(*stdRow) ([]standard.Ref, *int)) {
	start := -1
	for i := range rows {
		refs, span := col(&rows[i])
		if start >= 0 && rows[start].duty == rows[i].duty && len(refs) > 0 {
			prev, startSpan := col(&rows[start])
			if stdEqualRefs(prev, refs) {
				*startSpan++
				*span = 0
				continue
			}
		}
		start = i
		*span = 1
	}
}

// stdEqualRefs reports whether two reference lists are the same.
func stdEqualRefs(a, b []standard.Ref) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// mainTable returns the table of duties, tasks, outputs, indicators,
// levels, knowledge and skills, with one shaded header row repeated on
// every page. The duty, task and level cells are marked Repeat, so that
// the first body row of every page names its duty, task and level.
func (b *standardBuilder) mainTable() *render.Table {
	l := b.l
	head := render.Row{KeepTogether: true}
	for _, key := range []string{"col_duty", "col_task", "col_output", "col_indicator", "col_level", "col_knowledge", "col_skill"} {
		head.Cells = append(head.Cells, stdLabelCell(l.Get(key)))
	}
	widths := b.mainWidths()
	t := &render.Table{
		Widths:     widths,
		HeaderRows: 1,
		Rows:       []render.Row{head},
		Continued:  l.Get("continued"),
	}
	for _, r := range b.rows {
		var cells []render.Cell
		if r.dutySpan > 0 {
			c := stdTextCell(r.dutyText)
			c.RowSpan, c.Repeat = r.dutySpan, true
			cells = append(cells, c)
		}
		if r.taskSpan > 0 {
			c := stdListCell(r.taskLines)
			c.RowSpan, c.Repeat = r.taskSpan, true
			cells = append(cells, c)
		}
		if r.oSpan > 0 {
			c := stdListCell(r.outputs)
			c.RowSpan = r.oSpan
			cells = append(cells, c)
		}
		cells = append(cells, stdListCell(r.indicators))
		level := render.Cell{Align: render.Center, VAlign: render.Middle, Repeat: true}
		if r.level > 0 {
			level.Paras = []render.Paragraph{{Runs: []render.Run{{Text: strconv.Itoa(r.level)}}, Align: render.Center}}
		}
		cells = append(cells, level)
		if r.kSpan > 0 {
			c := stdRefCell(r.knowledge)
			c.RowSpan = r.kSpan
			cells = append(cells, c)
		}
		if r.sSpan > 0 {
			c := stdRefCell(r.skills)
			c.RowSpan = r.sSpan
			cells = append(cells, c)
		}
		t.Rows = append(t.Rows, render.Row{Cells: cells, KeepTogether: b.short(r, widths)})
	}
	return t
}

// stdListCell is a cell with one paragraph per item; no items, an empty cell.
func stdListCell(items []string) render.Cell {
	var c render.Cell
	for _, it := range items {
		c.Paras = append(c.Paras, stdPara(it))
	}
	return c
}

// stdRefCell is a cell listing K or S references, "K01 text" each.
func stdRefCell(refs []standard.Ref) render.Cell {
	var c render.Cell
	for _, r := range refs {
		c.Paras = append(c.Paras, stdCoded(r.Code, r.Text))
	}
	return c
}

// stdJoin returns "code text", or whichever of the two is not empty.
func stdJoin(code, text string) string {
	switch {
	case code == "":
		return text
	case text == "":
		return code
	}
	return code + " " + text
}
