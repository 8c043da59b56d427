package assessment

import (
	"github.com/ocs-project/ocs/render"
)

// knowledge is the knowledge questions form: for each K used by the tasks
// in scope, the item with its tasks and methods, a line for the question
// the assessor asks, room for the candidate's answer, a placeholder for
// the reference answer and the rating.
func (b *packBuilder) knowledge() {
	b.formHead(PartKnowledge, true)
	b.intro("knowledge_intro")
	if len(b.sc.knowledge) == 0 {
		b.intro("knowledge_none")
		return
	}
	ratingWidth := 26.0
	if !b.opt.Scale.PassFail() {
		ratingWidth = max(ratingWidth, min(pointWidth*float64(b.opt.Scale.Points), maxRatingWidth))
	}
	t := &render.Table{
		Widths:     []float64{13, 170 - 13 - ratingWidth, ratingWidth},
		HeaderRows: 1,
		Continued:  b.l.Get("continued"),
		Rows: []render.Row{{Cells: []render.Cell{
			packLabelCell(b.l.Get("col_code")), packLabelCell(b.l.Get("col_knowledge")), packLabelCell(b.l.Get("col_rating")),
		}}},
	}
	// Each item is a group of rows: the item, then a labelled line for the
	// question, two for the answer and two for the reference answer.
	lines := []string{"knowledge_question", "knowledge_answer", "", "knowledge_key", ""}
	var texts []string
	for _, it := range b.sc.knowledge {
		texts = append(texts, it.text)
		var ms []string
		for _, m := range b.itemMethods(it, nil) {
			if m == MethodOral || m == MethodWritten {
				ms = append(ms, m)
			}
		}
		if len(ms) == 0 {
			ms = []string{MethodOral, MethodWritten}
		}
		span := 1 + len(lines)
		head := []render.Paragraph{
			packPara(it.text),
			{Runs: append([]render.Run{{Text: b.l.Get("tasks_prefix") + b.taskList(it.tasks) + "    "}}, packBoxes(b.methodNames(ms), nil)...), Style: render.Small},
		}
		t.Rows = append(t.Rows, render.Row{KeepTogether: true, Cells: []render.Cell{
			{Paras: []render.Paragraph{render.Text(it.code)}, RowSpan: span},
			{Paras: head},
			{Paras: b.rating(), RowSpan: span, VAlign: render.Middle},
		}})
		for _, key := range lines {
			cell := render.Cell{Paras: []render.Paragraph{packSmall(" ")}}
			if key != "" {
				cell.Paras = []render.Paragraph{packSmall(b.l.Get(key))}
			}
			t.Rows = append(t.Rows, render.Row{KeepTogether: true, Cells: []render.Cell{cell}})
		}
	}
	b.add(t)
	b.legend(true)
	b.notes(texts)
	b.assessorSignature()
}

// thirdParty is the third-party report: a supervisor or colleague who saw
// the candidate at work says, task by task, whether the candidate meets
// the indicators consistently, with examples, and signs.
func (b *packBuilder) thirdParty() {
	b.formHead(PartThirdParty, false)
	b.intro("thirdparty_intro")
	b.addField(func(c *Candidate) render.Block {
		return &render.KeyValue{Columns: 2, LabelWidth: 2 * packLabelShare, Pairs: []render.Pair{
			{Label: b.l.Get("candidate_name"), Value: packFill(c.Name)},
			{Label: b.l.Get("candidate_id"), Value: packFill(c.ID)},
			{Label: b.l.Get("candidate_organization"), Value: packFill(c.Organization)},
			{Label: b.l.Get("referee_period"), Value: nil},
			{Label: b.l.Get("referee_name"), Value: nil},
			{Label: b.l.Get("referee_title"), Value: nil},
			{Label: b.l.Get("referee_organization"), Value: nil},
			{Label: b.l.Get("referee_relation"), Value: nil},
			{Label: b.l.Get("referee_phone"), Value: nil},
			{Label: b.l.Get("referee_email"), Value: nil},
		}}
	})
	t := &render.Table{
		Widths:     []float64{30, 78, 26, 36},
		HeaderRows: 1,
		Continued:  b.l.Get("continued"),
		Rows: []render.Row{{Cells: []render.Cell{
			packLabelCell(b.l.Get("col_task")), packLabelCell(b.l.Get("col_indicator")),
			packLabelCell(b.l.Get("col_consistent")), packLabelCell(b.l.Get("col_examples")),
		}}},
	}
	var texts []string
	for _, task := range b.sc.tasks {
		var ps []render.Paragraph
		for _, p := range task.indicators() {
			texts = append(texts, p.text)
			ps = append(ps, packCoded(p.code, p.text))
		}
		t.Rows = append(t.Rows, render.Row{KeepTogether: true, Cells: []render.Cell{
			packTextCell(packTaskHeading(task)),
			{Paras: ps},
			{Paras: packStacked([]string{b.l.Get("consistent_yes"), b.l.Get("consistent_no"), b.l.Get("consistent_unseen")})},
			{},
		}})
	}
	b.add(t)
	b.notes(texts)
	b.add(&render.Paragraph{Runs: []render.Run{{Text: b.l.Get("declare_referee")}}, Style: render.Small, KeepWithNext: true})
	b.add(&render.Signature{Fields: []string{b.l.Get("sign_referee"), b.l.Get("sign_date")}})
}
