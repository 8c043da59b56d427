package assessment

import (
	"strconv"

	"github.com/ocs-project/ocs/render"
)

// packInstrument is a part of the pack that assesses P, K or S items.
type packInstrument struct {
	part, label      string // the part and the label key of its column
	indicators, k, s bool   // what it covers
}

// packInstruments are the parts that can cover an item, in print order.
var packInstruments = []packInstrument{
	{part: PartChecklist, label: "instrument_checklist", indicators: true},
	{part: PartKnowledge, label: "instrument_knowledge", k: true},
	{part: PartSkills, label: "instrument_skills", s: true},
	{part: PartThirdParty, label: "instrument_thirdparty", indicators: true},
}

// packMappingRow is one P, K or S item of the matrix.
type packMappingRow struct {
	code, text string
	tasks      []string
	kind       byte // 'P', 'K' or 'S'
}

// covers reports whether an instrument covers a row's kind of item.
func (in packInstrument) covers(kind byte) bool {
	return kind == 'P' && in.indicators || kind == 'K' && in.k || kind == 'S' && in.s
}

// mapping is the mapping matrix: one row per P, K and S in scope, one
// column per instrument of this pack, √ where the instrument assesses the
// item, and a closing line saying whether everything is covered.
func (b *packBuilder) mapping() {
	b.formHead(PartMapping, false)
	b.intro("mapping_intro")
	var cols []packInstrument
	for _, in := range packInstruments {
		if b.parts[in.part] {
			cols = append(cols, in)
		}
	}
	widths := []float64{14, 170 - 14 - 26 - 13*float64(len(cols)), 26}
	header := []render.Cell{packLabelCell(b.l.Get("col_code")), packLabelCell(b.l.Get("col_item")), packLabelCell(b.l.Get("col_tasks"))}
	for _, in := range cols {
		widths = append(widths, 13)
		header = append(header, packLabelCell(b.l.Get(in.label)))
	}
	t := &render.Table{Widths: widths, HeaderRows: 1, Continued: b.l.Get("continued"),
		Rows: []render.Row{{Cells: header}}}

	groups := []struct {
		label string
		rows  []packMappingRow
	}{
		{"mapping_indicators", b.indicatorRows()},
		{"mapping_knowledge", packItemRows('K', b.sc.knowledge)},
		{"mapping_skills", packItemRows('S', b.sc.skills)},
	}
	var uncovered []string
	total := 0
	for _, g := range groups {
		if len(g.rows) == 0 {
			continue
		}
		t.Rows = append(t.Rows, render.Row{Cells: []render.Cell{{
			ColSpan: len(widths), Shade: true,
			Paras: []render.Paragraph{{Runs: []render.Run{{Text: b.l.Get(g.label), Bold: true}}}},
		}}})
		for _, r := range g.rows {
			total++
			cells := []render.Cell{packCodeCell(r.code), packTextCell(r.text), packTextCell(b.taskList(r.tasks))}
			covered := false
			for _, in := range cols {
				c := render.Cell{Align: render.Center, VAlign: render.Middle}
				if in.covers(r.kind) {
					c.Paras = []render.Paragraph{render.Text("√")}
					covered = true
				}
				cells = append(cells, c)
			}
			if !covered {
				uncovered = append(uncovered, r.code)
			}
			t.Rows = append(t.Rows, render.Row{KeepTogether: true, Cells: cells})
		}
	}
	b.add(t)
	summary := b.f("mapping_complete", "{n}", strconv.Itoa(total))
	if len(uncovered) > 0 {
		summary = b.f("mapping_gaps", "{n}", strconv.Itoa(len(uncovered)), "{codes}", b.joinCodes(uncovered))
	}
	b.add(&render.Paragraph{Runs: []render.Run{{Text: summary, Bold: len(uncovered) > 0}}})
}

// indicatorRows lists the indicators in scope, each with its task.
func (b *packBuilder) indicatorRows() []packMappingRow {
	var rows []packMappingRow
	for _, t := range b.sc.tasks {
		for _, p := range t.indicators() {
			rows = append(rows, packMappingRow{code: p.code, text: p.text, tasks: t.codes(), kind: 'P'})
		}
	}
	return rows
}

// packItemRows lists K or S items in scope.
func packItemRows(kind byte, items []scopedItem) []packMappingRow {
	rows := make([]packMappingRow, len(items))
	for i, it := range items {
		rows[i] = packMappingRow{code: it.code, text: it.text, tasks: it.tasks, kind: kind}
	}
	return rows
}
