package importer_test

import (
	"strings"
	"testing"

	"github.com/ocs-project/ocs/importer"
	"github.com/ocs-project/ocs/importer/grid"
	"github.com/ocs-project/ocs/standard"
)

func cell(col, rowSpan int, text string) grid.Cell {
	return grid.Cell{Text: text, Col: col, ColSpan: 1, RowSpan: rowSpan}
}

func span(col, colSpan int, text string) grid.Cell {
	return grid.Cell{Text: text, Col: col, ColSpan: colSpan, RowSpan: 1}
}

var mainHeaderRow = grid.Row{Cells: []grid.Cell{
	cell(0, 1, "主要職責"), cell(1, 1, "工作任務"), cell(2, 1, "工作產出"), cell(3, 1, "行為指標"),
	cell(4, 1, "職能\n級別"), cell(5, 1, "職能內涵\n(K=knowledge\n知識)"), cell(6, 1, "職能內涵\n(S=skills\n技能)"),
}}

// A grid shaped like a PDF reader's on ocs's own PDF: one table per page,
// spans within a page, the header row repeated, and on the next page the
// cells a page break cut from their merged cells marked 「（續）」, the title
// of a cut duty or task repeated before the mark.
func TestPDFLikeGrid(t *testing.T) {
	doc := &grid.Document{Format: "pdf", Pages: 2, Blocks: []grid.Block{
		{Line: &grid.Line{Text: "測試職能基準", Page: 1}},
		{Table: &grid.Table{Page: 1, Rows: []grid.Row{
			{Cells: []grid.Cell{span(0, 2, "職能基準代碼"), span(2, 4, "")}},
			{Cells: []grid.Cell{{Text: "職能基準名稱\n（擇一填寫）", Col: 0, ColSpan: 2, RowSpan: 2}, cell(2, 1, "職類"), span(3, 3, "")}},
			{Cells: []grid.Cell{cell(2, 1, "職業"), span(3, 3, "測試員")}},
			{Cells: []grid.Cell{span(0, 2, "工作描述"), span(2, 4, "測試。")}},
			{Cells: []grid.Cell{span(0, 2, "基準級別"), span(2, 4, "3")}},
		}}},
		{Table: &grid.Table{Page: 1, Rows: []grid.Row{
			mainHeaderRow,
			{Page: 1, Cells: []grid.Cell{cell(0, 1, "T1 溝通"), cell(1, 1, "T1.1 溝通任務"), cell(2, 1, "O1.1.1 紀錄"),
				cell(3, 1, "P1.1.1 甲。\nP1.1.2 乙的前"), cell(4, 1, "3"), cell(5, 1, "K01 知識一\nK02 知識二"), cell(6, 1, "S01 技能一")}},
		}}},
		{Table: &grid.Table{Page: 2, Rows: []grid.Row{
			mainHeaderRow,
			{Page: 2, Cells: []grid.Cell{cell(0, 2, "T1 溝通（續）"), cell(1, 1, "T1.1 溝通任務（續）"), cell(2, 1, ""),
				cell(3, 1, "半。"), cell(4, 1, ""), cell(5, 2, "（續）"), cell(6, 2, "（續）")}},
			{Page: 2, Cells: []grid.Cell{cell(1, 1, "T1.2 第二任務"), cell(2, 1, ""), cell(3, 1, "P1.2.1 丙。"), cell(4, 1, "4")}},
			{Page: 2, Cells: []grid.Cell{cell(0, 1, "T2 檢討"), cell(1, 1, "T2.1 檢討任務"), cell(2, 1, "O2.1.1 報告"),
				cell(3, 1, "P2.1.1 丁。"), cell(4, 1, "3"), cell(5, 1, "K03 知識三"), cell(6, 1, "S02 技能二")}},
		}}},
		{Line: &grid.Line{Text: "說明與補充事項", Page: 2}},
		{Line: &grid.Line{Text: "●建議擔任此職類/職業之學歷/經歷/或能力條件：", Page: 2}},
		{Line: &grid.Line{Text: "高中以上。", Page: 2}},
	}}
	res, err := importer.FromGrid(doc, importer.Options{Source: "test.pdf"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Report {
		if f.Severity == importer.Error {
			t.Errorf("%s", f)
		}
	}
	s, err := standard.Parse("test.toml", res.TOML)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range s.Duties {
		for _, tk := range d.Tasks {
			for _, b := range tk.Blocks {
				got = append(got, strings.Join([]string{d.Code + " " + d.Title, tk.Code + " " + tk.Title,
					strings.Join(entryCodes(b.Indicators), "|"), strings.Join(refCodes(b.Knowledge), ","),
					strings.Join(refCodes(b.Skills), ","), string(rune('0' + max(b.Level, tk.Level)))}, " / "))
			}
		}
	}
	want := []string{
		"T1 溝通 / T1.1 溝通任務 / P1.1.1 甲。|P1.1.2 乙的前半。 / K01,K02 / S01 / 3",
		"T1 溝通 / T1.2 第二任務 / P1.2.1 丙。 / K01,K02 / S01 / 4",
		"T2 檢討 / T2.1 檢討任務 / P2.1.1 丁。 / K03 / S02 / 3",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if s.Occupation != "測試員" || s.Level != 3 || len(s.Prerequisites) != 1 {
		t.Errorf("header: %q level %d prerequisites %q", s.Occupation, s.Level, s.Prerequisites)
	}
	marks := 0
	for _, f := range res.Report {
		if strings.Contains(f.Message, "continuation of the cell above") {
			marks++
			if f.Page != 2 {
				t.Errorf("%s: page %d, want 2", f, f.Page)
			}
		}
	}
	if marks != 4 {
		t.Errorf("%d 「（續）」 cells reported, want 4", marks)
	}
}
