package assessment

import (
	"slices"
	"strconv"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/templates"
)

// checklist is the observation checklist: for each task in scope a
// heading row with its level, then one row per indicator (P) and one
// product-review row per output (O), with the methods to tick, room for
// the evidence seen, the rating and a comment.
func (b *packBuilder) checklist() {
	b.formHead(PartChecklist, true)
	b.intro("checklist_intro")
	t := &render.Table{
		Widths:     b.ratedWidths(15, 58, 25, 24, 22, 26),
		HeaderRows: 1,
		Continued:  b.l.Get("continued"),
		Rows: []render.Row{{Cells: []render.Cell{
			packLabelCell(b.l.Get("col_code")), packLabelCell(b.l.Get("col_indicator")),
			packLabelCell(b.l.Get("col_method")), packLabelCell(b.l.Get("col_evidence")),
			packLabelCell(b.l.Get("col_rating")), packLabelCell(b.l.Get("col_comment")),
		}}},
	}
	var texts []string
	for _, task := range b.sc.tasks {
		t.Rows = append(t.Rows, b.taskRow(task, 6))
		perBlock := len(task.levels()) > 1
		for _, blk := range task.blocks {
			if perBlock && blk.level != 0 {
				t.Rows = append(t.Rows, render.Row{Cells: []render.Cell{{
					ColSpan: 6,
					Paras:   []render.Paragraph{{Runs: []render.Run{{Text: b.f("block_level", "{level}", strconv.Itoa(blk.level))}}, Style: render.Small}},
				}}})
			}
			ms := b.methodNames(packMethodsExcept(task.methods, MethodProduct))
			for _, p := range blk.indicators {
				texts = append(texts, p.text)
				t.Rows = append(t.Rows, render.Row{KeepTogether: true, Cells: []render.Cell{
					packCodeCell(p.code), packTextCell(p.text), {Paras: packStacked(ms)}, {}, {Paras: b.rating()}, {},
				}})
			}
			for _, o := range blk.outputs {
				texts = append(texts, o.text)
				t.Rows = append(t.Rows, render.Row{KeepTogether: true, Cells: []render.Cell{
					packCodeCell(o.code),
					{Paras: []render.Paragraph{packPara(o.text), packSmall(b.l.Get("output_note"))}},
					{Paras: []render.Paragraph{render.Text(b.l.Get(methodLabel[MethodProduct]))}},
					{}, {Paras: b.rating()}, {},
				}})
			}
		}
	}
	b.add(t)
	b.legend(true)
	b.notes(texts)
	b.assessorSignature()
}

// taskRow is the shaded row that opens a task's group in a table of n
// columns: 「T1.1 和顧客有效溝通　職能級別 3」.
func (b *packBuilder) taskRow(task *scopedTask, n int) render.Row {
	runs := []render.Run{{Text: packTaskHeading(task), Bold: true}}
	if lv := b.level(task); lv != "" {
		runs = append(runs, render.Run{Text: b.f("task_level", "{level}", lv)})
	}
	return render.Row{Cells: []render.Cell{{ColSpan: n, Shade: true, Paras: []render.Paragraph{{Runs: runs}}}}}
}

// pointWidth is the width a check box with a one-digit point takes on a
// line, in table units (millimetres of a portrait page).
const pointWidth = 7.5

// maxRatingWidth caps a rating column; a longer scale wraps its points.
const maxRatingWidth = 45.0

// ratedWidths returns column widths for a table with a rating column at
// index len-2, widening it (at the expense of the text column, index 1)
// for a numeric scale whose points sit on one line.
func (b *packBuilder) ratedWidths(ws ...float64) []float64 {
	if b.opt.Scale.PassFail() {
		return ws
	}
	need := min(pointWidth*float64(b.opt.Scale.Points), maxRatingWidth)
	r := len(ws) - 2
	if extra := need - ws[r]; extra > 0 {
		ws[r] += extra
		ws[1] -= extra
	}
	return ws
}

// skills is the skills checklist: one row per S used by the tasks in
// scope, with those tasks, the methods to tick, the rating and a comment.
func (b *packBuilder) skills() {
	b.formHead(PartSkills, true)
	b.intro("skills_intro")
	if len(b.sc.skills) == 0 {
		b.intro("skills_none")
		return
	}
	t := &render.Table{
		Widths:     b.ratedWidths(13, 58, 26, 25, 22, 26),
		HeaderRows: 1,
		Continued:  b.l.Get("continued"),
		Rows: []render.Row{{Cells: []render.Cell{
			packLabelCell(b.l.Get("col_code")), packLabelCell(b.l.Get("col_skill")),
			packLabelCell(b.l.Get("col_tasks")), packLabelCell(b.l.Get("col_method")),
			packLabelCell(b.l.Get("col_rating")), packLabelCell(b.l.Get("col_comment")),
		}}},
	}
	var texts []string
	for _, it := range b.sc.skills {
		texts = append(texts, it.text)
		ms := b.methodNames(b.itemMethods(it, []string{MethodProduct, MethodWritten}, MethodObservation))
		t.Rows = append(t.Rows, render.Row{KeepTogether: true, Cells: []render.Cell{
			packCodeCell(it.code), packTextCell(it.text), packTextCell(b.taskList(it.tasks)),
			{Paras: packStacked(ms)}, {Paras: b.rating()}, {},
		}})
	}
	b.add(t)
	b.legend(true)
	b.notes(texts)
	b.assessorSignature()
}

// itemMethods returns the methods of the tasks using a K or S item, in
// print order, without those dropped; fallback when none is left.
func (b *packBuilder) itemMethods(it scopedItem, drop []string, fallback ...string) []string {
	set := make(map[string]bool)
	for _, t := range b.sc.tasks {
		for _, code := range it.tasks {
			if slices.Contains(t.codes(), code) {
				for _, m := range t.methods {
					set[m] = true
				}
			}
		}
	}
	for _, m := range drop {
		delete(set, m)
	}
	var out []string
	for _, m := range AssessmentMethods() {
		if set[m] {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return fallback
	}
	return out
}

// attitudes is the attitude observation record: rated by how often the
// behaviour was seen, never passed or failed.
func (b *packBuilder) attitudes() {
	b.formHead(PartAttitudes, true)
	b.intro("attitudes_intro")
	if len(b.sc.attitudes) == 0 {
		b.intro("attitudes_none")
		return
	}
	t := &render.Table{
		Widths:     b.ratedWidths(13, 78, 26, 25, 28),
		HeaderRows: 1,
		Continued:  b.l.Get("continued"),
		Rows: []render.Row{{Cells: []render.Cell{
			packLabelCell(b.l.Get("col_code")), packLabelCell(b.l.Get("col_attitude")),
			packLabelCell(b.l.Get("col_tasks")), packLabelCell(b.l.Get("col_observed")),
			packLabelCell(b.l.Get("col_comment")),
		}}},
	}
	var texts []string
	for _, a := range b.sc.attitudes {
		runs := []render.Run{{Text: a.Name, Bold: true}}
		if a.Definition != "" {
			texts = append(texts, a.Definition)
			runs = append(runs, render.Run{Text: b.l.Get("term_sep")})
			runs = append(runs, templates.Runs(a.Definition)...)
		}
		tasks := b.l.Get("all_tasks")
		if len(a.tasks) > 0 {
			tasks = b.taskList(a.tasks)
		}
		t.Rows = append(t.Rows, render.Row{KeepTogether: true, Cells: []render.Cell{
			packCodeCell(a.Code), {Paras: []render.Paragraph{{Runs: runs}}}, packTextCell(tasks),
			{Paras: b.observed()}, {},
		}})
	}
	b.add(t)
	b.legend(false)
	b.notes(texts)
	b.assessorSignature()
}

// observed is the rating of an attitude: how often it was seen on the
// pass/fail scale, or the points of a numeric scale (without a pass mark).
func (b *packBuilder) observed() []render.Paragraph {
	if b.opt.Scale.PassFail() {
		return packStacked([]string{b.l.Get("observed_often"), b.l.Get("observed_sometimes"), b.l.Get("observed_not")})
	}
	return []render.Paragraph{{Runs: packBoxes(b.points(), nil)}}
}
