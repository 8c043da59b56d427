package table

import (
	"strings"
	"testing"
	"time"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

// want is the expected content of a main-table cell: its paragraphs
// joined by "\n" and its row span; span 0 means the cell is covered by a
// span from above.
type want struct {
	text string
	span int
}

// wantRows checks the body rows of the main table tb (grid g) against
// rows: each cell's text and row span, or covered from above (span 0).
func wantRows(t *testing.T, tb *render.Table, g [][]doctest.Placed, rows [][7]want) {
	t.Helper()
	if len(tb.Rows) != len(rows)+1 {
		t.Fatalf("main table has %d rows, want %d", len(tb.Rows), len(rows)+1)
	}
	for i, wr := range rows {
		r := i + 1
		for col, w := range wr {
			p := g[r][col]
			if w.span == 0 {
				if p.Row == r {
					t.Errorf("row %d col %d: starts cell %q, want covered from above", r, col, doctest.CellText(p.Cell))
				}
				continue
			}
			if p.Row != r {
				t.Errorf("row %d col %d: covered by row %d, want cell %q", r, col, p.Row, w.text)
				continue
			}
			if got := doctest.CellText(p.Cell); got != w.text || max(p.Cell.RowSpan, 1) != w.span {
				t.Errorf("row %d col %d = %q span %d, want %q span %d", r, col, got, p.Cell.RowSpan, w.text, w.span)
			}
		}
	}
}

func TestStandardMainTable(t *testing.T) {
	d := build(t, sampleStandard(), templates.Options{})
	tb := doctest.Tables(d)[1]
	if tb.HeaderRows != 1 || tb.Continued != "（續）" {
		t.Errorf("HeaderRows = %d, Continued = %q; want 1 and （續）", tb.HeaderRows, tb.Continued)
	}
	heads := []string{"工作職責", "工作任務", "工作產出", "行為指標", "職能\n級別", "職能內涵\n(K=knowledge\n知識)", "職能內涵\n(S=skills\n技能)"}
	for i, h := range heads {
		c := tb.Rows[0].Cells[i]
		if doctest.CellText(&c) != h || !c.Shade {
			t.Errorf("header cell %d = %q (shaded %v), want shaded %q", i, doctest.CellText(&c), c.Shade, h)
		}
	}
	g := doctest.Grid(t, tb)
	rows := [][7]want{
		{{"T1 規劃測試", 2}, {"T1.1 分析需求", 1}, {"O1.1.1 需求清單", 1}, {"P1.1.1 蒐集需求。\nP1.1.2 確認範圍【註1】。", 1}, {"3", 1}, {"K01 測試原理\nK02 需求分析方法", 2}, {"S01 訪談技巧", 1}},
		{{}, {"T1.2 撰寫計畫", 1}, {"", 1}, {"P1.2.1 撰寫測試計畫。", 1}, {"3", 1}, {}, {"S02 文件撰寫", 1}},
		// Same K list as T1.x, but a new duty: not merged.
		{{"T2 執行測試", 3}, {"T2.1 執行案例", 2}, {"O2.1.1 測試紀錄", 1}, {"P2.1.1 依計畫執行。\nP2.1.2 記錄結果。", 1}, {"4", 1}, {"K01 測試原理\nK02 需求分析方法", 1}, {"S02 文件撰寫", 2}},
		// Second block: own level, P and O numbering continued.
		{{}, {}, {"O2.1.2 缺陷報告", 1}, {"P2.1.3 分析失敗原因【註2】。", 1}, {"5", 1}, {"K03 缺陷分類", 1}, {}},
		// Inline K text differs from the catalogue: not merged; no level, no S.
		{{}, {"T2.2 回報結果", 1}, {"", 1}, {"P2.2.1 彙整報告。", 1}, {"", 1}, {"K03 本任務特有的說法", 1}, {"", 1}},
	}
	wantRows(t, tb, g, rows)
	for r := 1; r <= len(rows); r++ {
		if lv := g[r][4].Cell; lv.Align != render.Center {
			t.Errorf("row %d: level cell not centred", r)
		}
	}
	// The 【註N】 reference is a superscript run of its own.
	runs := g[1][3].Cell.Paras[1].Runs
	if len(runs) != 3 || !runs[1].Super || runs[1].Text != "【註1】" || runs[0].Super {
		t.Errorf("P1.1.2 runs = %+v, want 【註1】 alone as superscript", runs)
	}
	if c := g[2][2].Cell; len(c.Paras) != 0 {
		t.Errorf("empty output cell has paragraphs %+v", c.Paras)
	}
}

func TestStandardHeader(t *testing.T) {
	d := build(t, sampleStandard(), templates.Options{})
	if p, ok := d.Blocks[0].(*render.Paragraph); !ok || render.Texts(p.Runs) != "測試專員職能基準" || p.Style != render.TitleText || p.Align != render.Center {
		t.Fatalf("first block = %#v, want the centred title 測試專員職能基準", d.Blocks[0])
	}
	tb := doctest.Tables(d)[0]
	g := doctest.Grid(t, tb)
	tests := []struct {
		row, col     int
		text         string
		rowSp, colSp int
	}{
		{0, 0, "職能基準代碼", 1, 2},
		{0, 2, "TST1234-001v2", 1, 4},
		{1, 0, "職能基準名稱\n（擇一填寫）", 2, 2},
		{1, 2, "職類", 1, 1},
		{1, 3, "", 1, 3}, // the job category name: not chosen
		{2, 2, "職業", 1, 1},
		{2, 3, "測試專員", 1, 3},
		{3, 0, "所屬\n類別", 4, 1}, // 1 job + 2 occupations + 1 empty industry row
		{3, 1, "職類別", 1, 1},
		{3, 2, "測試類/子類", 1, 2},
		{3, 4, "職類別代碼", 1, 1},
		{3, 5, "TST", 1, 1},
		{4, 1, "職業別", 2, 1},
		{4, 2, "測試人員", 1, 2},
		{4, 4, "職業別代碼", 2, 1},
		{4, 5, "1234", 1, 1},
		{5, 2, "品管人員", 1, 2},
		{5, 5, "1235", 1, 1},
		{6, 1, "行業別", 1, 1},
		{6, 2, "", 1, 2},
		{6, 4, "行業別代碼", 1, 1},
		{6, 5, "", 1, 1},
		{7, 0, "工作描述", 1, 2},
		{7, 2, "規劃並執行測試【註1】，回報結果。", 1, 4},
		{8, 0, "基準級別", 1, 2},
		{8, 2, "3", 1, 4},
	}
	if len(tb.Rows) != 9 {
		t.Errorf("header has %d rows, want 9 (no 發展更新日期 row: the history has the dates)", len(tb.Rows))
	}
	for _, tt := range tests {
		p := g[tt.row][tt.col]
		if p.Row != tt.row || p.Col != tt.col {
			t.Errorf("(%d,%d) is covered by the cell at (%d,%d), want %q", tt.row, tt.col, p.Row, p.Col, tt.text)
			continue
		}
		if got := doctest.CellText(p.Cell); got != tt.text || max(p.Cell.RowSpan, 1) != tt.rowSp || max(p.Cell.ColSpan, 1) != tt.colSp {
			t.Errorf("(%d,%d) = %q %d×%d, want %q %d×%d", tt.row, tt.col, got, p.Cell.RowSpan, p.Cell.ColSpan, tt.text, tt.rowSp, tt.colSp)
		}
	}
}

func TestStandardHeaderVariants(t *testing.T) {
	s := englishStandard()
	s.History = nil
	tb := doctest.Tables(build(t, s, templates.Options{}))[0]
	doctest.Grid(t, tb) // well-formed
	last := len(tb.Rows) - 1
	for _, c := range []struct {
		row  int
		text []string
	}{
		{1, []string{"職能基準名稱\n（擇一填寫）", "職類", "Testing"}}, // the job category is the chosen one
		{2, []string{"職業", ""}},
		{last - 1, []string{"基準級別", "No levels were set."}},
		{last, []string{"發展更新日期", "2024/01/02"}}, // no history: the date gets a row
	} {
		var got []string
		for _, cell := range tb.Rows[c.row].Cells {
			got = append(got, doctest.CellText(&cell))
		}
		if strings.Join(got, "|") != strings.Join(c.text, "|") {
			t.Errorf("header row %d = %q, want %q", c.row, got, c.text)
		}
	}
}

func TestStandardRemarks(t *testing.T) {
	d := build(t, sampleStandard(), templates.Options{})
	var got []string
	start := 0
	for i, b := range d.Blocks {
		if h, ok := b.(*render.Heading); ok && render.Texts(h.Runs) == "說明與補充事項" {
			start = i
		}
	}
	if start == 0 {
		t.Fatal("no 說明與補充事項 heading")
	}
	for _, b := range d.Blocks[start+1:] {
		if p, ok := b.(*render.Paragraph); ok {
			got = append(got, render.Texts(p.Runs))
		}
	}
	want := []string{
		"●建議擔任此職類/職業之學歷/經歷/或能力條件：",
		"學歷背景：大專以上。",
		"經歷：測試工作二年以上。",
		"●其他補充說明：",
		"【註1】範圍：功能、效能、安全。",
		"【註2】含環境與資料因素。",
		"測試計畫：包含範圍與時程。",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("remarks =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	note := d.Blocks[start+5].(*render.Paragraph)
	if note.Hanging <= 0 || note.Runs[0].Super {
		t.Errorf("note paragraph %+v: want a hanging indent and a plain marker", note)
	}
	h := doctest.Tables(d)[3]
	g := doctest.Grid(t, h)
	var rows []string
	for i := range h.Rows {
		var cells []string
		for j := range g[i] {
			cells = append(cells, doctest.CellText(g[i][j].Cell))
		}
		rows = append(rows, strings.Join(cells, "|"))
	}
	wantRows := []string{
		"版本|職能基準代碼|職能基準名稱|狀態|更新說明|發展更新日期",
		"V2|TST1234-001v2|測試專員|最新版本||2024/01/02",
		"V1|TST1234-001|測試人員|歷史版本|已被《TST1234-001v2》取代|2020/01/02",
	}
	if strings.Join(rows, "\n") != strings.Join(wantRows, "\n") {
		t.Errorf("history =\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(wantRows, "\n"))
	}
	if h.HeaderRows != 1 {
		t.Error("history header row not flagged")
	}
}

func TestStandardDocument(t *testing.T) {
	date := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	d := build(t, sampleStandard(), templates.Options{Landscape: true, Date: date})
	if !d.Page.Landscape {
		t.Error("landscape option ignored")
	}
	m := d.Meta
	if m.Title != "測試專員職能基準" || m.Lang != "zh-TW" || !m.Date.Equal(date) ||
		strings.Join(m.Keywords, ",") != "TST1234-001v2,測試專員" || m.Subject != "規劃並執行測試【註1】，回報結果。" {
		t.Errorf("meta = %+v", m)
	}
	if d.Footer.Left != "TST1234-001v2" || d.Footer.Right != "第 {page} 頁／共 {pages} 頁" {
		t.Errorf("footer = %+v", d.Footer)
	}
	s := sampleStandard()
	s.Code = ""
	d = build(t, s, templates.Options{Lang: "en"})
	if d.Footer.Left != "測試專員" || d.Meta.Lang != "en" || len(d.Meta.Keywords) != 1 {
		t.Errorf("without a code: footer %+v, meta %+v; want the name and no empty keyword", d.Footer, d.Meta)
	}
}

func TestStandardErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		s    *standard.Standard
		opt  templates.Options
		want string
	}{
		{"nil", nil, templates.Options{}, "no standard"},
		{"language", sampleStandard(), templates.Options{Lang: "fr"}, `"fr"`},
		{"label", sampleStandard(), templates.Options{Labels: map[string]string{"col_dutty": "主要職責"}}, "col_dutty"},
	} {
		_, err := Standard(tt.s, tt.opt)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one mentioning %s", tt.name, err, tt.want)
		}
	}
}

func TestStandardLabelOverride(t *testing.T) {
	d := build(t, sampleStandard(), templates.Options{Labels: map[string]string{"col_duty": "主要職責"}})
	if c := doctest.Tables(d)[1].Rows[0].Cells[0]; doctest.CellText(&c) != "主要職責" {
		t.Errorf("first column header = %q, want the override 主要職責", doctest.CellText(&c))
	}
}

func TestStandardLegacyCodes(t *testing.T) {
	d := build(t, englishStandard(), templates.Options{Lang: "en"})
	g := doctest.Grid(t, doctest.Tables(d)[1])
	if got := doctest.CellText(g[1][3].Cell); got != "P1.1 Runs the planned tests." {
		t.Errorf("indicator = %q, want the code kept as written", got)
	}
	if got := doctest.CellText(g[1][4].Cell); got != "" {
		t.Errorf("level = %q, want empty for a standard without levels", got)
	}
}

func TestStandardSparse(t *testing.T) {
	// An empty standard still gives the whole form, with empty cells.
	d := build(t, &standard.Standard{}, templates.Options{})
	ts := doctest.Tables(d)
	doctest.Grid(t, ts[0])
	if len(ts[1].Rows) != 1 {
		t.Errorf("main table of a standard without duties has %d rows, want the header only", len(ts[1].Rows))
	}

	// A duty without tasks keeps a row so its title shows; a task without
	// blocks (hand-built, normalised to one empty block) keeps one row too.
	s := doctest.Normal(&standard.Standard{Duties: []standard.Duty{
		{Title: "沒有任務"},
		{Title: "有任務", Tasks: []standard.Task{{Title: "空任務"}}},
	}})
	tb := doctest.Tables(build(t, s, templates.Options{}))[1]
	g := doctest.Grid(t, tb)
	var got []string
	for r := 1; r < len(tb.Rows); r++ {
		got = append(got, doctest.CellText(g[r][0].Cell)+"|"+doctest.CellText(g[r][1].Cell))
	}
	if want := "T1 沒有任務||T2 有任務|T2.1 空任務"; strings.Join(got, "|") != want {
		t.Errorf("rows = %q, want %q", strings.Join(got, "|"), want)
	}
}
