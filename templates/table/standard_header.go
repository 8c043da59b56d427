package table

import (
	"strconv"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
)

// The header block is a six-column grid, as on the official form:
//
//	| 職能基準代碼          | code                                   |
//	| 職能基準名稱（擇一填寫）| 職類 | name (or empty)                  |
//	|                     | 職業 | name (or empty)                  |
//	| 所屬 | 職類別         | name        | 職類別代碼 | code          |
//	| 類別 | 職業別         | name        | 職業別代碼 | code          |
//	|      | 行業別         | name        | 行業別代碼 | code          |
//	| 工作描述             | description                            |
//	| 基準級別             | level                                  |
//
// Labels span the first two columns; the 職類/職業 labels sit in the third,
// which the category names share with the fourth (see headerWidths).

// header returns the header block.
func (b *standardBuilder) header() *render.Table {
	s, l := b.s, b.l
	wide := func(label string, value render.Cell) render.Row {
		value.ColSpan = 4
		lc := stdLabelCell(label)
		lc.ColSpan = 2
		return render.Row{Cells: []render.Cell{lc, value}, KeepTogether: true}
	}
	t := &render.Table{Widths: b.headerWidths()}
	t.Rows = append(t.Rows, wide(l.Get("code"), stdTextCell(s.Code)))

	nameLabel := stdLabelCell(l.Get("name"))
	nameLabel.ColSpan, nameLabel.RowSpan = 2, 2
	jobName, occName := stdTextCell(s.JobCategory), stdTextCell(s.Occupation)
	jobName.ColSpan, occName.ColSpan = 3, 3
	t.Rows = append(t.Rows,
		render.Row{Cells: []render.Cell{nameLabel, stdLabelCell(l.Get("name_job_category")), jobName}, KeepTogether: true},
		render.Row{Cells: []render.Cell{stdLabelCell(l.Get("name_occupation")), occName}, KeepTogether: true},
	)

	t.Rows = append(t.Rows, b.categoryRows()...)
	t.Rows = append(t.Rows, wide(l.Get("description"), stdTextCell(s.Description)))
	level := s.NoLevels
	if s.Level > 0 {
		level = strconv.Itoa(s.Level)
	}
	t.Rows = append(t.Rows, wide(l.Get("level"), stdTextCell(level)))
	if s.Updated != "" && len(s.History) == 0 {
		// Without a version history the date has no other place.
		t.Rows = append(t.Rows, wide(l.Get("updated"), stdTextCell(s.Updated)))
	}
	return t
}

// categoryRows returns the 所屬類別 rows: for each kind (職類別, 職業別,
// 行業別) one row per entry, or one empty row when there is none, so the
// form keeps its shape.
func (b *standardBuilder) categoryRows() []render.Row {
	kinds := []struct {
		name, code string
		classes    []standard.Class
	}{
		{"class_job", "class_job_code", b.s.Category.Job},
		{"class_occupation", "class_occupation_code", b.s.Category.Occupation},
		{"class_industry", "class_industry_code", b.s.Category.Industry},
	}
	total := 0
	for _, k := range kinds {
		total += max(1, len(k.classes))
	}
	var rows []render.Row
	for _, k := range kinds {
		classes := k.classes
		if len(classes) == 0 {
			classes = []standard.Class{{}}
		}
		for i, c := range classes {
			var cells []render.Cell
			if len(rows) == 0 {
				group := stdLabelCell(b.l.Get("category"))
				group.RowSpan = total
				cells = append(cells, group)
			}
			name, code := stdTextCell(c.Name), stdTextCell(c.Code)
			name.ColSpan = 2
			if i == 0 {
				nl, cl := stdLabelCell(b.l.Get(k.name)), stdLabelCell(b.l.Get(k.code))
				nl.RowSpan, cl.RowSpan = len(classes), len(classes)
				cells = append(cells, nl, name, cl, code)
			} else {
				cells = append(cells, name, code)
			}
			rows = append(rows, render.Row{Cells: cells, KeepTogether: true})
		}
	}
	return rows
}
