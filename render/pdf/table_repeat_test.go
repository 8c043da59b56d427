package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
)

// repeatTable is a table whose one body row is several pages tall: a
// narrow first cell marked Repeat with a title of six lines, a second
// narrow cell not marked, and a wide cell of many paragraphs.
func repeatTable(title, other string, paras int) *render.Table {
	var body []render.Paragraph
	for i := range paras {
		body = append(body, render.Text(strings.Repeat("依據組織程序蒐集並分析資料，", 3)+"第"+string(rune('０'+i%10))+"段。"))
	}
	return &render.Table{
		Widths:     []float64{1.2, 1.2, 6},
		HeaderRows: 1,
		Continued:  "（續）",
		Rows: []render.Row{
			{Cells: []render.Cell{{Paras: text("職責"), Shade: true}, {Paras: text("其他"), Shade: true}, {Paras: text("內容"), Shade: true}}},
			{Cells: []render.Cell{{Paras: text(title), Repeat: true}, {Paras: text(other)}, {Paras: body}}},
		},
	}
}

// TestCellRepeat checks that a cell marked Repeat names itself in full,
// marked continued, at the top of every page its row continues on, while
// a cell not marked shows nothing there once its text is printed.
func TestCellRepeat(t *testing.T) {
	const title = "T12 規劃與管理跨部門客戶服務流程與品質"
	out := mustRender(t, &render.Document{Blocks: []render.Block{repeatTable(title, "T12.3 不重複", 150)}})
	qpdfCheck(t, out)
	pages := pageTexts(t, out)
	if len(pages) < 3 {
		t.Fatalf("%d pages, want at least 3", len(pages))
	}
	for i, p := range pages {
		sq := squeeze(p)
		if !strings.Contains(sq, "T12規劃與管理跨部門客戶服務流程與品質") {
			t.Errorf("page %d does not name the whole title: %q", i+1, cut(sq, 80))
		}
		cont := strings.Contains(sq, "品質（續）")
		if cont != (i > 0) {
			t.Errorf("page %d: marked continued = %v, want %v", i+1, cont, i > 0)
		}
		if other := strings.Contains(sq, "T12.3"); other != (i == 0) {
			t.Errorf("page %d: the cell not marked Repeat shows = %v, want %v", i+1, other, i == 0)
		}
	}
}

// TestCellRepeatShortened checks that a Repeat cell taller than half a
// page repeats only its first line, which keeps the code.
func TestCellRepeatShortened(t *testing.T) {
	title := "T7 " + strings.Repeat("很長的職責名稱", 60)
	out := mustRender(t, &render.Document{Blocks: []render.Block{repeatTable(title, "", 200)}})
	pages := pageTexts(t, out)
	if len(pages) < 3 {
		t.Fatalf("%d pages, want at least 3", len(pages))
	}
	for i, p := range pages[2:] {
		sq := squeeze(p)
		if !strings.HasPrefix(sq, "職責其他內容T7很長") || !strings.Contains(sq, "（續）") {
			t.Errorf("page %d starts %q, want the code, the first line and （續）", i+3, cut(sq, 40))
		}
		if strings.Count(sq, "很長的職責名稱") > 5 {
			t.Errorf("page %d repeats the whole title of a cell taller than half a page", i+3)
		}
	}
}

// TestCodeNeverBreaks checks that a code wider than its column is printed
// on one line, in smaller type, and that a word wider still is broken
// rather than lost.
func TestCodeNeverBreaks(t *testing.T) {
	long := strings.Repeat("ABCDEFGHIJ", 4)
	tb := &render.Table{
		Widths: []float64{1.5, 10}, // the codes are wider than the first column at 10 pt
		Rows: []render.Row{
			{Cells: []render.Cell{{Paras: text("BAS3332-001")}, {Paras: text("職類別代碼")}}},
			{Cells: []render.Cell{{Paras: text("BHR2422-006v4")}, {Paras: text("版本代碼")}}},
			{Cells: []render.Cell{{Paras: text(long)}, {Paras: text("過長的字")}}},
		},
	}
	out := mustRender(t, &render.Document{Blocks: []render.Block{tb}})
	raw := pageTexts(t, out)[0]
	for _, code := range []string{"BAS3332-001", "BHR2422-006v4"} {
		if !strings.Contains(raw, code) {
			t.Errorf("%s is broken: %q", code, raw)
		}
	}
	if strings.Contains(raw, long) || !strings.Contains(squeeze(raw), long) {
		t.Errorf("a word wider than the column at the least size should be broken, not lost: %q", raw)
	}
}

// cut returns s shortened to n runes for messages.
func cut(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// TestItemsKeptWhole checks that a cell's paragraphs (K or S items) are
// not split across pages when they fit on the next one: each item's first
// and last words are on the same page.
func TestItemsKeptWhole(t *testing.T) {
	var items []render.Paragraph
	for i := range 60 {
		more := strings.Repeat("並維持良好的關係", i%3) // items of 3 to 5 lines
		items = append(items, render.Text(fmt.Sprintf("K%02d 有效的溝通策略和技巧，能化解溝通阻礙%s終%02d", i+1, more, i+1)))
	}
	tb := &render.Table{
		Widths:     []float64{3, 1},
		HeaderRows: 1,
		Continued:  "（續）",
		Rows: []render.Row{
			{Cells: []render.Cell{{Paras: text("任務"), Shade: true}, {Paras: text("知識"), Shade: true}}},
			{Cells: []render.Cell{{Paras: text("T1.1 和顧客有效溝通"), Repeat: true}, {Paras: items}}},
		},
	}
	pages := pageTexts(t, mustRender(t, &render.Document{Blocks: []render.Block{tb}}))
	if len(pages) < 2 {
		t.Fatalf("%d pages, want the cell to continue", len(pages))
	}
	for i := range items {
		head, tail := fmt.Sprintf("K%02d", i+1), fmt.Sprintf("終%02d", i+1)
		for n, p := range pages {
			sq := squeeze(p)
			if strings.Contains(sq, head) != strings.Contains(sq, tail) {
				t.Errorf("%s is split: page %d has only one end of it", head, n+1)
			}
		}
	}
}

// repeatParagraphsTable is repeatTable with a second body row whose first
// cell, marked Repeat, names twelve tasks, one a paragraph: taller than
// half a page, and starting low on the first page.
func repeatParagraphsTable() *render.Table {
	var tasks []render.Paragraph
	for i := range 12 {
		tasks = append(tasks, render.Text(fmt.Sprintf("T3.%d 規劃跨部門第%02d項作業流程", i+1, i+1)))
	}
	tb := repeatTable("填充", "", 12) // a first row filling most of the first page
	var body []render.Paragraph
	for range 150 {
		body = append(body, render.Text(strings.Repeat("依據組織程序蒐集並分析資料，", 3)))
	}
	tb.Rows = append(tb.Rows, render.Row{Cells: []render.Cell{{Paras: tasks, Repeat: true}, {}, {Paras: body}}})
	return tb
}

// TestCellRepeatParagraphs checks a Repeat cell of many paragraphs (a
// shared row's task cell naming twelve tasks) taller than half a page, in
// a row that starts low on the first page, so that the cell is cut before
// its end: no paragraph is lost (each is printed whole somewhere), and
// every later page names every task by its code and the start of its
// title, marked continued.
func TestCellRepeatParagraphs(t *testing.T) {
	tb := repeatParagraphsTable()
	tasks := tb.Rows[2].Cells[0].Paras
	out := mustRender(t, &render.Document{Blocks: []render.Block{tb}})
	pages := pageTexts(t, out)
	all := squeeze(strings.Join(pages, ""))
	for _, p := range tasks {
		if title := squeeze(render.Texts(p.Runs)); !strings.Contains(all, title) {
			t.Errorf("%s is never printed whole", title)
		}
	}
	start := -1
	for i, p := range pages {
		if strings.Contains(squeeze(p), "T3.1規劃") {
			start = i
			break
		}
	}
	if start < 0 || len(pages)-start < 3 {
		t.Fatalf("the row starts on page %d of %d, want it to run over at least 3 pages", start+1, len(pages))
	}
	if strings.Contains(squeeze(pages[start]), "T3.12規劃") {
		t.Fatalf("page %d holds the whole task cell: the test wants it cut", start+1)
	}
	for i := start + 1; i < len(pages); i++ {
		sq := squeeze(pages[i])
		if !strings.HasPrefix(sq, "職責其他內容T3.1規劃") || !strings.Contains(sq, "（續）") {
			t.Errorf("page %d starts %q, want the first task and （續）", i+1, cut(sq, 40))
		}
		for k := range 12 {
			if !strings.Contains(sq, fmt.Sprintf("T3.%d規劃", k+1)) {
				t.Errorf("page %d does not name T3.%d", i+1, k+1)
			}
		}
	}
}
