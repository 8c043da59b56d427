package table

import (
	"fmt"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/templates"
)

// stdNormalEm is about one CJK character of body text in millimetres, the
// unit of the remarks' indents.
const stdNormalEm = 3.9

// stdHistoryWidths are the relative widths of the version history columns:
// version, code, name, status, note, date.
var stdHistoryWidths = []float64{7, 17, 16, 10, 30, 14}

// remarks returns the 說明與補充事項 section: the suggested prerequisites,
// the other remarks (the 【註N】 notes, then the supplements) and the
// version history when there is one. A heading with nothing under it is
// not printed: a bullet line without its lines, the section without
// either.
func (b *standardBuilder) remarks() []render.Block {
	l, s := b.l, b.s
	var blocks []render.Block
	if len(s.Prerequisites)+len(s.Notes)+len(s.Supplements) > 0 {
		blocks = append(blocks, &render.Heading{Level: 2, Runs: []render.Run{{Text: l.Get("remarks")}}})
	}
	if len(s.Prerequisites) > 0 {
		blocks = append(blocks, &render.Paragraph{Runs: []render.Run{{Text: l.Get("prerequisites")}}, KeepWithNext: true})
	}
	for _, p := range s.Prerequisites {
		blocks = append(blocks, &render.Paragraph{Runs: templates.Runs(p), Indent: stdNormalEm})
	}
	if len(s.Notes)+len(s.Supplements) > 0 {
		blocks = append(blocks, &render.Paragraph{Runs: []render.Run{{Text: l.Get("supplements")}}, KeepWithNext: true})
	}
	hanging := 0.0
	for _, n := range s.Notes {
		hanging = max(hanging, stdMarkerWidth(stdNoteMarker(n.N)))
	}
	for _, n := range s.Notes {
		p := &render.Paragraph{Runs: []render.Run{{Text: stdNoteMarker(n.N)}}, Indent: stdNormalEm, Hanging: hanging}
		if n.Term != "" {
			p.Runs = append(p.Runs, render.Run{Text: n.Term + l.Get("term_separator")})
		}
		p.Runs = append(p.Runs, templates.Runs(n.Text)...)
		blocks = append(blocks, p)
	}
	for _, sup := range s.Supplements {
		blocks = append(blocks, &render.Paragraph{Runs: templates.Runs(sup), Indent: stdNormalEm})
	}
	if len(s.History) > 0 {
		blocks = append(blocks,
			&render.Heading{Level: 2, Runs: []render.Run{{Text: l.Get("history")}}},
			b.history(),
		)
	}
	return blocks
}

// stdNoteMarker is the note's number as the standard's text writes its
// references, 【註N】. It is notation of the data, not a label: the list
// must match the references in the text whatever the language.
func stdNoteMarker(n int) string {
	return fmt.Sprintf("【註%d】", n)
}

// stdMarkerWidth estimates the printed width of a note marker in body text,
// the hanging indent that lines the note's text up after it.
func stdMarkerWidth(m string) float64 {
	return stdEstimateWidth(m) / stdTableEm * stdNormalEm
}

// history returns the 基準更新紀錄 table, one row per version as written.
func (b *standardBuilder) history() *render.Table {
	l := b.l
	head := render.Row{KeepTogether: true}
	for _, key := range []string{"history_version", "history_code", "history_name", "history_status", "history_note", "history_date"} {
		head.Cells = append(head.Cells, stdLabelCell(l.Get(key)))
	}
	t := &render.Table{Widths: b.historyWidths(), HeaderRows: 1, Rows: []render.Row{head}, Continued: l.Get("continued")}
	for _, v := range b.s.History {
		row := render.Row{KeepTogether: true}
		for _, text := range []string{v.Version, v.Code, v.Name, v.Status, v.Note, v.Date} {
			row.Cells = append(row.Cells, stdTextCell(text))
		}
		for _, i := range []int{0, 3, 5} { // short values read best centred
			row.Cells[i].Align = render.Center
			for j := range row.Cells[i].Paras {
				row.Cells[i].Paras[j].Align = render.Center
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
