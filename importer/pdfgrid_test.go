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

func line(page int, x0, y0, x1 float64, text string) grid.Block {
	return grid.Block{Line: &grid.Line{Text: text, Page: page, Box: &grid.Box{X0: x0, Y0: y0, X1: x1, Y1: y0 + 11}}}
}

// A grid shaped like a PDF reader's on a LibreOffice or Word PDF: cell
// lines wrapped by the page, a K/S cell merged over a duty's tasks and cut
// by a page break with no 「（續）」 mark, page footers, and paragraphs
// outside the tables as one Line per printed line (wrapped, with hanging
// indents, across a page break).
func TestPDFWrappedLines(t *testing.T) {
	doc := &grid.Document{Format: "pdf", Pages: 2, Blocks: []grid.Block{
		{Table: &grid.Table{Page: 1, Rows: []grid.Row{
			{Cells: []grid.Cell{span(0, 2, "職能基準代碼"), span(2, 4, "")}},
			{Cells: []grid.Cell{cell(2, 1, "職業"), span(3, 3, "測試員")}},
			{Cells: []grid.Cell{span(0, 2, "工作描述"), span(2, 4, "依組織需求，規劃\n及執行 Word\nprocessing 工作。")}},
		}}},
		{Table: &grid.Table{Page: 1, Rows: []grid.Row{
			mainHeaderRow,
			{Page: 1, Cells: []grid.Cell{cell(0, 1, "T1 溝\n通協調"), cell(1, 1, "T1.1 溝通\n任務"), cell(2, 1, ""),
				cell(3, 1, "P1.1.1 甲乙\n丙丁。\nP1.1.2 戊己【註\n1】。"), cell(4, 1, "3"), cell(5, 1, "K01 知識\n一\nK02 知識二"), cell(6, 1, "S01 技能一")}},
		}}},
		line(1, 42, 800, 300, "TST0001-001v1 第 1 頁／共 2 頁"),
		{Table: &grid.Table{Page: 2, Rows: []grid.Row{
			mainHeaderRow,
			{Page: 2, Cells: []grid.Cell{cell(0, 2, ""), cell(1, 1, "T1.2 第二任務"), cell(2, 1, ""),
				cell(3, 1, "P1.2.1 丙。"), cell(4, 1, "3"), cell(5, 2, "K03 知識三"), cell(6, 2, "S02 技能二")}},
			{Page: 2, Cells: []grid.Cell{cell(1, 1, "T1.3 第三任務"), cell(2, 1, ""), cell(3, 1, "P1.3.1 丁。"), cell(4, 1, "3")}},
		}}},
		line(2, 42, 100, 120, "說明與補充事項"),
		line(2, 42, 120, 200, "●其他補充說明："),
		line(2, 53, 140, 548, "【註1】戊己：第一行寫到了右邊的邊界為止，然後換行到"),
		line(2, 97, 156, 200, "下一行。"),
		line(2, 53, 177, 547, "名詞甲：一段寫滿整行的補充說明，剛好在行末以句號結束。"),
		line(2, 53, 193, 300, "名詞乙：另一段補充說明。"), // no paragraph spacing
		line(2, 53, 219, 540, "名詞丙：這一段寫到了右邊的邊界，並且跨過頁面"),
		line(2, 42, 800, 300, "TST0001-001v1 第 2 頁／共 2 頁"),
	}}
	res, err := importer.FromGrid(doc, importer.Options{Source: "wrapped.pdf"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Report {
		if f.Severity == importer.Error {
			t.Errorf("%s", f)
		}
	}
	s, err := standard.Parse("wrapped.toml", res.TOML)
	if err != nil {
		t.Fatal(err)
	}
	if s.Description != "依組織需求，規劃及執行 Word processing 工作。" {
		t.Errorf("description %q", s.Description)
	}
	d := s.Duties[0]
	if d.Title != "溝通協調" || d.Tasks[0].Title != "溝通任務" {
		t.Errorf("titles %q, %q", d.Title, d.Tasks[0].Title)
	}
	if got := entryCodes(d.Tasks[0].Blocks[0].Indicators); strings.Join(got, "|") != "P1.1.1 甲乙丙丁。|P1.1.2 戊己【註1】。" {
		t.Errorf("indicators %q", got)
	}
	for i, tk := range d.Tasks {
		b := tk.Blocks[0]
		if k, sk := strings.Join(refCodes(b.Knowledge), ","), strings.Join(refCodes(b.Skills), ","); k != "K01,K02,K03" || sk != "S01,S02" {
			t.Errorf("task %d: K %s S %s, want the merged cells cut by the page break: K01,K02,K03 and S01,S02", i, k, sk)
		}
	}
	if k, _ := s.FindKnowledge("K01"); k.Text != "知識一" {
		t.Errorf("K01 %q", k.Text)
	}
	if len(s.Notes) != 1 || s.Notes[0].Text != "第一行寫到了右邊的邊界為止，然後換行到下一行。" {
		t.Errorf("notes %+v", s.Notes)
	}
	want := []string{"名詞甲：一段寫滿整行的補充說明，剛好在行末以句號結束。", "名詞乙：另一段補充說明。", "名詞丙：這一段寫到了右邊的邊界，並且跨過頁面"}
	if strings.Join(s.Supplements, "|") != strings.Join(want, "|") {
		t.Errorf("supplements %q\nwant %q", s.Supplements, want)
	}
	footers := 0
	for _, f := range res.Report {
		if strings.Contains(f.Message, "header or footer") {
			footers++
		}
	}
	if footers != 2 {
		t.Errorf("%d footers reported, want 2", footers)
	}
	if !strings.Contains(unwrap(string(res.TOML)), "# import: K01–K03 read as one cell merged over T1.1–T1.3 and cut by a page break") {
		t.Errorf("no comment on the merged K cell:\n%s", res.TOML)
	}
}
