package assessment

import (
	"fmt"

	"github.com/ocs-project/ocs/render"
)

// packLabelShare is the label share of a one-column KeyValue; two-column grids
// use twice as much of each half, so that their label columns line up.
const packLabelShare = 0.175

// cover is the cover and candidate sheet: the standard and scope, the
// candidate, the assessment's assessor, date, place, methods and result,
// and the declarations with signatures.
func (b *packBuilder) cover() {
	s := b.s
	b.add(&render.Heading{Level: 1, Runs: []render.Run{{Text: b.f("pack_title", "{name}", s.Name())}}, Align: render.Center})
	b.add(&render.Paragraph{Runs: []render.Run{{Text: b.l.Get(partTitle[PartCover])}}, Align: render.Center})

	b.add(&render.Heading{Level: 2, Runs: []render.Run{{Text: b.l.Get("cover_standard")}}})
	nameLabel := b.l.Get("standard_occupation")
	if s.Occupation == "" {
		nameLabel = b.l.Get("standard_job_category")
	}
	level := s.NoLevels
	if s.Level != 0 {
		level = fmt.Sprint(s.Level)
	}
	b.add(&render.KeyValue{Columns: 2, LabelWidth: 2 * packLabelShare, Pairs: []render.Pair{
		{Label: b.l.Get("standard_code"), Value: packFill(s.Code)},
		{Label: b.l.Get("standard_level"), Value: packFill(level)},
		{Label: nameLabel, Value: packFill(s.Name())},
		{Label: b.l.Get("scope"), Value: b.scopeParas()},
	}})

	b.add(&render.Heading{Level: 2, Runs: []render.Run{{Text: b.l.Get("cover_candidate")}}})
	b.addField(func(c *Candidate) render.Block {
		pairs := []render.Pair{
			{Label: b.l.Get("candidate_name"), Value: packFill(c.Name)},
			{Label: b.l.Get("candidate_id"), Value: packFill(c.ID)},
			{Label: b.l.Get("candidate_organization"), Value: packFill(c.Organization)},
		}
		for _, x := range c.Extra {
			pairs = append(pairs, render.Pair{Label: x.Label, Value: packFill(x.Value)})
		}
		if len(pairs)%2 == 1 {
			pairs = append(pairs, render.Pair{})
		}
		return &render.KeyValue{Columns: 2, LabelWidth: 2 * packLabelShare, Pairs: pairs}
	})

	b.add(&render.Heading{Level: 2, Runs: []render.Run{{Text: b.l.Get("cover_assessment")}}})
	b.addField(func(c *Candidate) render.Block {
		return &render.KeyValue{Columns: 2, LabelWidth: 2 * packLabelShare, Pairs: []render.Pair{
			{Label: b.l.Get("assessor"), Value: packFill(c.Assessor)},
			{Label: b.l.Get("assessment_date"), Value: packFill(c.Date)},
			{Label: b.l.Get("assessment_place"), Value: packFill(c.Place)},
			{Label: b.l.Get("cover_result"), Value: []render.Paragraph{{Runs: packBoxes([]string{
				b.l.Get("result_competent"), b.l.Get("result_not_competent")}, nil)}}},
		}}
	})
	b.add(&render.KeyValue{Columns: 1, LabelWidth: packLabelShare, Pairs: []render.Pair{
		{Label: b.l.Get("cover_methods"), Value: []render.Paragraph{{Runs: b.plannedMethods()}}},
		{Label: b.l.Get("cover_instruments"), Value: b.instrumentParas()},
	}})

	b.add(&render.Heading{Level: 2, Runs: []render.Run{{Text: b.l.Get("cover_declarations")}}})
	b.add(&render.Paragraph{Runs: []render.Run{{Text: b.l.Get("declare_candidate")}}, Style: render.Small, KeepWithNext: true})
	b.add(&render.Paragraph{Runs: []render.Run{{Text: b.l.Get("declare_assessor")}}, Style: render.Small, KeepWithNext: true})
	b.add(&render.Signature{Fields: []string{b.l.Get("sign_candidate"), b.l.Get("sign_assessor"), b.l.Get("sign_date")}})
}

// scopeParas describes the scope: 「全部主要職責與工作任務」, or one line per
// duty in scope (「T3 實施銷售活動」) or task (「T1.2 協助執行…」).
func (b *packBuilder) scopeParas() []render.Paragraph {
	if b.sc.all {
		return []render.Paragraph{render.Text(b.f("scope_all",
			"{duties}", fmt.Sprint(len(b.sc.duties)), "{tasks}", fmt.Sprint(countTasks(b.sc.tasks))))}
	}
	var out []render.Paragraph
	for _, d := range b.sc.duties {
		if d.whole {
			out = append(out, render.Text(d.code+" "+d.title+b.f("scope_whole_duty", "{tasks}", fmt.Sprint(countTasks(d.tasks)))))
			continue
		}
		for _, t := range d.tasks {
			out = append(out, render.Text(packTaskHeading(t)))
		}
	}
	return out
}

// plannedMethods prints every method as a check box, ticking those the
// pack plans for some task in scope.
func (b *packBuilder) plannedMethods() []render.Run {
	used := make(map[string]bool)
	for _, t := range b.sc.tasks {
		for _, m := range t.methods {
			used[m] = true
		}
	}
	return packBoxes(b.methodNames(AssessmentMethods()), func(i int) bool { return used[AssessmentMethods()[i]] })
}

// instrumentParas lists the forms of this pack after the cover.
func (b *packBuilder) instrumentParas() []render.Paragraph {
	var names []string
	for _, p := range AssessmentParts()[1:] {
		if b.parts[p] {
			names = append(names, b.l.Get(partTitle[p]))
		}
	}
	return []render.Paragraph{render.Text(b.joinCodes(names))}
}

// result is the result sheet: each task passed or not, the overall
// result, the level attained, feedback and re-assessment, and signatures.
func (b *packBuilder) result() {
	b.formHead(PartResult, true)
	b.intro("result_intro")
	t := &render.Table{
		Widths:     []float64{64, 20, 34, 52},
		HeaderRows: 1,
		Continued:  b.l.Get("continued"),
		Rows: []render.Row{{Cells: []render.Cell{
			packLabelCell(b.l.Get("col_task")), packLabelCell(b.l.Get("col_level")),
			packLabelCell(b.l.Get("col_result")), packLabelCell(b.l.Get("col_remarks")),
		}}},
	}
	for _, task := range b.sc.tasks {
		t.Rows = append(t.Rows, render.Row{KeepTogether: true, Cells: []render.Cell{
			packTextCell(packTaskHeading(task)),
			{Paras: []render.Paragraph{render.Text(b.level(task))}, Align: render.Center},
			{Paras: []render.Paragraph{{Runs: packBoxes([]string{b.l.Get("task_passed"), b.l.Get("task_not_passed")}, nil)}}},
			{},
		}})
	}
	b.add(t)

	overall := &render.Table{
		Widths: []float64{34, 136},
		Rows: []render.Row{
			{KeepTogether: true, Cells: []render.Cell{packLabelCell(b.l.Get("overall_result")), {Paras: []render.Paragraph{{Runs: packBoxes([]string{
				b.l.Get("result_competent"), b.l.Get("result_not_competent")}, nil)}}}}},
			{KeepTogether: true, Cells: []render.Cell{packLabelCell(b.l.Get("level_attained")), {}}},
			{KeepTogether: true, Cells: []render.Cell{packLabelCell(b.l.Get("feedback")), packWritingSpace(4)}},
			{KeepTogether: true, Cells: []render.Cell{packLabelCell(b.l.Get("reassessment")), {Paras: []render.Paragraph{
				{Runs: packBoxes([]string{b.l.Get("reassess_none"), b.l.Get("reassess_needed")}, nil)},
				render.Text(b.l.Get("reassess_items")),
				render.Text(b.l.Get("reassess_date")),
			}}}},
		},
	}
	b.add(overall)
	b.add(&render.Paragraph{Runs: []render.Run{{Text: b.l.Get("declare_result")}}, Style: render.Small, KeepWithNext: true})
	b.add(&render.Signature{Fields: []string{b.l.Get("sign_candidate"), b.l.Get("sign_date")}})
	b.assessorSignature()
}
