package table

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/internal/testtool"
	"github.com/ocs-project/ocs/render/docx"
	"github.com/ocs-project/ocs/render/html"
	"github.com/ocs-project/ocs/render/pdf"
	"github.com/ocs-project/ocs/render/text"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

// sharedTasks are the task codes and titles of the fixture, as written.
var sharedTasks = [][2]string{
	{"T1.1", "收發與登記公文"}, {"T1.2", "管理紙本與電子檔案"}, {"T1.3", "請購與盤點辦公用品"},
	{"T1.4", "安排會議場地與設備"}, {"T1.5", "分送會議紀錄"}, {"T1.6", "接待訪客與轉接電話"},
	{"T1.7", "維護辦公環境整潔"}, {"T2.1", "辦理經費核銷"}, {"T2.2", "追蹤預算執行進度"},
}

// loadShared is the shared-rows fixture: T1.1–T1.7 in one merged row,
// O2.1.1 spanning T2.1's two blocks.
func loadShared(t *testing.T) *standard.Standard { return doctest.SharedRows(t) }

// The merged row: one task cell naming T1.1–T1.7, each on its own line,
// the outputs, indicators, level, K and S once; O2.1.1 in one cell over
// T2.1's two blocks; the matrix has a column for every task.
func TestStandardSharedRows(t *testing.T) {
	d := build(t, loadShared(t), templates.Options{})
	tb := doctest.Tables(d)[1]
	g := doctest.Grid(t, tb)
	var taskLines []string
	for _, tk := range sharedTasks[:7] {
		taskLines = append(taskLines, tk[0]+" "+tk[1])
	}
	rows := [][7]want{
		{{"T1 辦理日常行政庶務", 1}, {strings.Join(taskLines, "\n"), 1}, {"O1.1.1 公文收發登記簿\nO1.1.2 行政事務處理紀錄", 1},
			{"P1.1.1 依據機關公文處理規定【註1】，正確收發、登記並分送各類公文與郵件。\n" +
				"P1.1.2 依據檔案管理規範，分類、編號並保存紙本與電子檔案，確保調閱正確。\n" +
				"P1.1.3 依據採購程序與預算額度，辦理辦公用品之請購、驗收與盤點。\n" +
				"P1.1.4 依據會議需求，安排場地、設備與議程資料，並於會後完成紀錄之分送。\n" +
				"P1.1.5 依據來訪與來電性質，適當接待並轉介相關人員處理。", 1},
			{"3", 1}, {"K01 公文處理規定\nK02 檔案管理法規與實務\nK03 政府採購基本程序", 1}, {"S01 文書處理能力\nS02 溝通協調能力", 1}},
		{{"T2 協助預算執行", 3}, {"T2.1 辦理經費核銷", 2}, {"O2.1.1 經費核銷清冊", 2},
			{"P2.1.1 依據會計法規與機關核銷規定，檢核單據之完整性與正確性。\nP2.1.2 依據核銷流程，彙整單據並送會計單位審核。", 1},
			{"3", 1}, {"K04 會計法規與核銷實務", 1}, {"S03 數字計算與核對能力", 1}},
		{{}, {}, {}, {"P2.1.3 分析核銷常見錯誤，提出流程改善建議並說明於業務會議。", 1},
			{"4", 1}, {"K04 會計法規與核銷實務\nK05 預算編列與執行概念", 1}, {"S03 數字計算與核對能力\nS04 問題分析能力", 1}},
		{{}, {"T2.2 追蹤預算執行進度", 1}, {"O2.2.1 預算執行進度表", 1}, {"P2.2.1 依據年度預算分配，按月統計執行數並提醒落後單位。", 1},
			{"3", 1}, {"K05 預算編列與執行概念", 1}, {"S04 問題分析能力", 1}},
	}
	wantRows(t, tb, g, rows)
	if c := g[1][1].Cell; !c.Repeat || len(c.Paras) != 7 {
		t.Errorf("the shared task cell: Repeat %v, %d paragraphs; want Repeat and one paragraph per task", c.Repeat, len(c.Paras))
	}
	matrix := doctest.Tables(d)[2]
	var cols []string
	for _, c := range matrix.Rows[0].Cells[1:] {
		cols = append(cols, doctest.CellText(&c))
	}
	if got := strings.Join(cols, " "); got != "T1.1 T1.2 T1.3 T1.4 T1.5 T1.6 T1.7 T2.1 T2.2" {
		t.Errorf("matrix columns %q, want every task", got)
	}
	// Marks of tasks sharing a row are their own: T1.3 marks A02 only.
	if a01 := doctest.CellText(&matrix.Rows[1].Cells[3]); a01 != "" {
		t.Errorf("A01 × T1.3 = %q, want no mark", a01)
	}
}

// once fails unless each text occurs exactly once in got (white space
// removed), and checks that the texts of the sharing tasks' copies do not
// occur at all.
func once(t *testing.T, format, got string) {
	t.Helper()
	sq := strings.Join(strings.Fields(got), "")
	for _, tk := range sharedTasks {
		if n := strings.Count(sq, tk[0]+tk[1]); n != 1 {
			t.Errorf("%s: %s %s printed %d times, want once", format, tk[0], tk[1], n)
		}
	}
	for _, s := range []string{"O1.1.1公文收發登記簿", "P1.1.5依據來訪與來電性質", "O2.1.1經費核銷清冊", "K01公文處理規定"} {
		if n := strings.Count(sq, s); n != 1 {
			t.Errorf("%s: %q printed %d times, want once", format, s, n)
		}
	}
	if m := regexp.MustCompile(`[OP]1\.[2-7]\.\d|O2\.1\.2`).FindString(sq); m != "" {
		t.Errorf("%s: prints %s, a code no row has", format, m)
	}
}

// The fixture in PDF, text and HTML: every task code and title once, the
// shared outputs once, no copy's code.
func TestStandardSharedRowsOutputs(t *testing.T) {
	d := build(t, loadShared(t), templates.Options{})
	tool := testtool.Path(t, "pdftotext", "poppler-utils")
	out, err := pdf.Render(d, pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "shared.pdf")
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	raw, err := exec.Command(tool, "-raw", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// The matrix prints the codes again in its header: leave it out.
	main, _, _ := strings.Cut(string(raw), "職能內涵（A=attitude")
	once(t, "PDF", main)

	txt, err := text.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	main, _, _ = strings.Cut(string(txt), "職能內涵（A=attitude")
	once(t, "text", main)
	if !strings.Contains(string(txt), "工作任務：T1.1 收發與登記公文\n          T1.2 管理紙本與電子檔案\n") {
		t.Error("text: the shared task cell does not list T1.1 and T1.2 on lines of their own")
	}

	h, err := html.Render(d, html.Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(string(h), " ")
	main, _, _ = strings.Cut(page, "職能內涵（A=attitude")
	main = main[strings.Index(main, "工作職責"):] // after the page's head
	once(t, "HTML", main)
	if !regexp.MustCompile(`<td rowspan="2"[^>]*>\s*<p[^>]*>O2\.1\.1 經費核銷清冊`).Match(h) {
		t.Error("HTML: O2.1.1 is not one cell spanning two rows")
	}
}

// docxGridScript prints, for each table of a DOCX, its grid of cell
// identities as python-docx reads it (cells merged by w:vMerge resolve to
// the same w:tc) and the text of each cell.
const docxGridScript = `
import json, sys, docx
d = docx.Document(sys.argv[1])
out = []
for t in d.tables:
    seen, grid, texts = [], [], []
    for r in range(len(t.rows)):
        line = []
        for c in range(len(t.columns)):
            tc = t.cell(r, c)._tc
            for i, x in enumerate(seen):
                if x is tc:
                    line.append(i)
                    break
            else:
                seen.append(tc)
                texts.append(t.cell(r, c).text)
                line.append(len(seen) - 1)
        grid.append(line)
    out.append({"grid": grid, "texts": texts})
print(json.dumps(out, ensure_ascii=False))
`

// The fixture in DOCX, read back with python-docx: the shared task cell
// is one cell listing the seven tasks, O2.1.1 one cell over T2.1's two
// rows, and the main table prints each task and the outputs once.
func TestStandardSharedRowsDOCX(t *testing.T) {
	python := testtool.PythonDocx(t)
	d := build(t, loadShared(t), templates.Options{})
	out, err := docx.Render(d, docx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "shared.docx")
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := exec.Command(python, "-c", docxGridScript, file).Output()
	if err != nil {
		t.Fatalf("python-docx: %v", err)
	}
	var tables []struct {
		Grid  [][]int  `json:"grid"`
		Texts []string `json:"texts"`
	}
	if err := json.Unmarshal(res, &tables); err != nil {
		t.Fatal(err)
	}
	main := tables[1]
	// Rows: header, T1 (shared row), T2.1 block 1, T2.1 block 2, T2.2.
	// Columns: duty, task, output, indicators, level, K, S.
	wantGrid := [][]int{
		{0, 1, 2, 3, 4, 5, 6},
		{7, 8, 9, 10, 11, 12, 13},
		{14, 15, 16, 17, 18, 19, 20},
		{14, 15, 16, 21, 22, 23, 24},
		{14, 25, 26, 27, 28, 29, 30},
	}
	if fmt.Sprint(main.Grid) != fmt.Sprint(wantGrid) {
		t.Errorf("main table reads back as\n%v\nwant\n%v", main.Grid, wantGrid)
	}
	var lines []string
	for _, tk := range sharedTasks[:7] {
		lines = append(lines, tk[0]+" "+tk[1])
	}
	if len(main.Texts) > 16 {
		if got := main.Texts[8]; got != strings.Join(lines, "\n") {
			t.Errorf("shared task cell = %q, want the seven tasks one a line", got)
		}
		if got := main.Texts[16]; got != "O2.1.1 經費核銷清冊" {
			t.Errorf("merged output cell = %q", got)
		}
	}
	once(t, "DOCX", strings.Join(main.Texts, "\n"))
}
