package table

import (
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ocs-project/ocs/internal/testtool"
	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/render/pdf"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

// Pieces of hand-written text the long synthetic standards are made of.
// Duty titles are 11 characters and more, so that they take four lines and
// more in the narrow duty column.
var (
	longDutyTitles = []string{
		"規劃與管理跨部門客戶服務流程",
		"建立並維護企業內部資訊安全管理制度",
		"執行國際會議展覽活動之整體規劃",
		"分析市場趨勢並擬定中長期行銷策略方案",
		"督導門市營運與人員排班",
	}
	longTaskTitles = []string{
		"蒐集並分析顧客需求與回饋意見",
		"擬定年度工作計畫",
		"協調內外部相關單位資源與時程安排",
		"撰寫報告",
		"評估執行成效並提出改善建議方案",
	}
	longIndicator = "依據組織既定之作業程序與相關法規，蒐集、整理並分析所需之各項資料，確認其正確性與完整性後彙整成報告，提供主管作為決策參考【註1】。"
)

// longStandard builds a standard of duties×tasks tasks whose rows are tall
// enough that page breaks fall inside duty cells, inside task cells of
// several blocks, and inside single rows taller than a page share.
func longStandard(duties, tasks int) *standard.Standard {
	return doctest.Normal(longStandardRaw(duties, tasks))
}

// longSharedStandard is longStandard with shared rows: in every third
// duty (T2, T5, …) tasks 2–4 share the row of task 1, which has 14
// indicators, so that page breaks fall inside the merged row; in the
// duties after those (T3, T6, …) the first task's second block shares the
// output of its first.
func longSharedStandard(duties, tasks int) *standard.Standard {
	s := longStandardRaw(duties, tasks)
	for i := range s.Duties {
		d := &s.Duties[i]
		switch {
		case i%3 == 1 && len(d.Tasks) >= 4:
			owner := &d.Tasks[0]
			b := owner.Blocks[0]
			b.Level = 0
			b.Indicators = nil
			for range 14 {
				b.Indicators = append(b.Indicators, standard.Entry{Text: longIndicator})
			}
			owner.Blocks = []standard.Block{b}
			for j := 1; j < 4; j++ {
				d.Tasks[j].Shares = fmt.Sprintf("T%d.1", i+1)
				d.Tasks[j].Level = 0
				d.Tasks[j].Blocks = nil
			}
		case i%3 == 2:
			t := &d.Tasks[0]
			if len(t.Blocks) == 1 {
				b := t.Blocks[0]
				b.Indicators = slices.Clone(b.Indicators)
				b.Level = t.Level + 1
				t.Blocks = append(t.Blocks, b)
			}
			t.Blocks[1].Outputs = nil
			t.Blocks[1].SharesOutputs = true
		}
	}
	return doctest.Normal(s)
}

// longStandardRaw is longStandard before normalising.
func longStandardRaw(duties, tasks int) *standard.Standard {
	s := &standard.Standard{
		Code:        "BHR2422-006v4",
		Occupation:  "長表測試專員",
		Description: "測試長表格的分頁。",
		Level:       3,
		Category: standard.Categories{
			Job:        []standard.Class{{Name: "企業經營管理/行政支援", Code: "BAS3332-001"}},
			Occupation: []standard.Class{{Name: "人力資源專業人員", Code: "2423"}},
			Industry:   []standard.Class{{Name: "企業總管理機構及管理顧問業", Code: "M7010"}},
		},
		Knowledge: []standard.Item{{Code: "K01", Text: "組織政策與作業流程"}, {Code: "K02", Text: "相關法規"}},
		Skills:    []standard.Item{{Code: "S01", Text: "資料分析能力"}, {Code: "S02", Text: "溝通協調能力"}},
		Notes:     []standard.Note{{N: 1, Term: "資料", Text: "含書面與電子資料。"}},
		History: []standard.Version{
			{Version: "V4", Code: "BHR2422-006v4", Name: "長表測試專員", Status: "最新版本", Date: "2025/01/02"},
			{Version: "V3", Code: "BHR2422-006v3", Name: "長表測試專員", Status: "歷史版本", Note: "已被《BHR2422-006v4》取代", Date: "2022/01/02"},
		},
	}
	for i := range duties {
		d := standard.Duty{Title: longDutyTitles[i%len(longDutyTitles)]}
		for j := range tasks {
			t := standard.Task{Title: longTaskTitles[(i+j)%len(longTaskTitles)], Level: 2 + (i+j)%4}
			nb := 1 + (i+j)%2 // every other task has two blocks
			for k := range nb {
				var b standard.Block
				n := 2 + (i*3+j+k)%7 // 2 to 8 indicators
				for range n {
					b.Indicators = append(b.Indicators, standard.Entry{Text: longIndicator})
				}
				b.Outputs = []standard.Entry{{Text: "工作紀錄"}}
				b.Knowledge = []standard.Ref{{Code: "K01"}, {Code: "K02"}}
				b.Skills = []standard.Ref{{Code: "S01"}, {Code: "S02"}}
				if k == 1 {
					b.Level = t.Level + 1
				}
				t.Blocks = append(t.Blocks, b)
			}
			d.Tasks = append(d.Tasks, t)
		}
		s.Duties = append(s.Duties, d)
	}
	return s
}

// bboxWord is a word pdftotext -bbox found on a page, in points.
type bboxWord struct {
	x0, y0, x1, y1 float64
	text           string
}

var bboxRe = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// pagesWords returns the words of every page of file with their boxes.
func pagesWords(t *testing.T, tool, file string) [][]bboxWord {
	t.Helper()
	out, err := exec.Command(tool, "-bbox", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var pages [][]bboxWord
	for _, page := range strings.Split(string(out), "<page ")[1:] {
		var ws []bboxWord
		for _, m := range bboxRe.FindAllStringSubmatch(page, -1) {
			f := func(i int) float64 { v, _ := strconv.ParseFloat(m[i], 64); return v }
			ws = append(ws, bboxWord{f(1), f(2), f(3), f(4), html.UnescapeString(m[5])})
		}
		pages = append(pages, ws)
	}
	return pages
}

// columnText returns the text of the words whose centre lies between x0
// and x1 and whose top lies between y0 and y1, in reading order.
func columnText(ws []bboxWord, x0, x1, y0, y1 float64) string {
	var in []bboxWord
	for _, w := range ws {
		if c := (w.x0 + w.x1) / 2; c > x0 && c < x1 && w.y0 > y0 && w.y0 < y1 {
			in = append(in, w)
		}
	}
	slices.SortStableFunc(in, func(a, b bboxWord) int {
		if a.y0 < b.y0-2 {
			return -1
		}
		if b.y0 < a.y0-2 {
			return 1
		}
		return int(a.x0 - b.x0)
	})
	var sb strings.Builder
	for _, w := range in {
		sb.WriteString(w.text)
	}
	return sb.String()
}

// TestStandardTableEveryPageNamesItsRow renders long synthetic standards to
// PDF and reads every page back: the first body row of each page of the
// main table names its duty (code and whole title), its task (code and
// whole title) and its level, with 「（續）」 when the row continues from
// the page before; and no code is broken across lines anywhere.
func TestStandardTableEveryPageNamesItsRow(t *testing.T) {
	tool := testtool.Path(t, "pdftotext", "poppler-utils")
	for _, tc := range []struct {
		name           string
		s              *standard.Standard
		landscape      bool
		wantPagesAbove int
	}{
		{"portrait", longStandard(12, 5), false, 30},
		{"landscape", longStandard(10, 5), true, 20},
		{"long codes", longStandard(3, 12), false, 30}, // T3.12, O3.12.2, P3.12.8 in narrow columns
		{"shared rows", longSharedStandard(12, 5), false, 30},
		{"shared rows landscape", longSharedStandard(10, 5), true, 20},
		{"THM2431-001v1", loadBundled(t, "THM2431-001v1"), false, 4},
		{"BAS1219-002v4", loadBundled(t, "BAS1219-002v4"), false, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.s
			d := build(t, s, templates.Options{Landscape: tc.landscape})
			out, err := pdf.Render(d, pdf.Options{})
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(t.TempDir(), "long.pdf")
			if err := os.WriteFile(file, out, 0o644); err != nil {
				t.Fatal(err)
			}
			main := doctest.Tables(d)[1]
			cont := checkPagesNameRows(t, tool, file, s, d, main, tc.wantPagesAbove)
			if strings.HasPrefix(tc.name, "shared") && cont < 2 {
				t.Errorf("%d pages start inside a shared row, want at least 2 (the test would not test it)", cont)
			}
		})
	}
}

// checkPagesNameRows walks the pages of file (d rendered) that show the
// main table and checks the first body row of each.
// It returns how many of those first rows are shared rows continued from
// the page before.
func checkPagesNameRows(t *testing.T, tool, file string, s *standard.Standard, d *render.Document, main *render.Table, minPages int) (sharedCont int) {
	t.Helper()
	duty := map[string]string{}     // "T3" → title
	task := map[string]string{}     // "T3.2" → title
	shared := map[string][]string{} // "T3.1" → the tasks sharing its row
	level := map[string][]int{}     // "T3.2" → levels of its blocks
	var codes []string              // every code the document prints
	for i, du := range s.Duties {
		dc := fmt.Sprintf("T%d", i+1)
		duty[dc] = du.Title
		for j, tk := range du.Tasks {
			tc := fmt.Sprintf("%s.%d", dc, j+1)
			codes = append(codes, tc)
			if tk.Shares != "" { // printed in the row of the task it names
				task[tc] = tk.Title
				shared[tk.Shares] = append(shared[tk.Shares], tc)
				continue
			}
			task[tc] = tk.Title
			p, o := 0, 0
			for _, b := range tk.Blocks {
				level[tc] = append(level[tc], cmpOr(b.Level, tk.Level))
				for range b.Indicators {
					p++
					codes = append(codes, fmt.Sprintf("P%d.%d.%d", i+1, j+1, p))
				}
				if b.SharesOutputs {
					continue
				}
				for range b.Outputs {
					o++
					codes = append(codes, fmt.Sprintf("O%d.%d.%d", i+1, j+1, o))
				}
			}
		}
	}
	for _, cs := range [][]standard.Class{s.Category.Job, s.Category.Occupation, s.Category.Industry} {
		for _, c := range cs {
			codes = append(codes, c.Code)
		}
	}
	for _, h := range s.History {
		codes = append(codes, h.Code)
	}

	// Column edges in points, from the table's relative widths.
	width := 210.0 - d.Page.Left - d.Page.Right
	if d.Page.Landscape {
		width = 297.0 - d.Page.Left - d.Page.Right
	}
	total := 0.0
	for _, w := range main.Widths {
		total += w
	}
	edges := []float64{d.Page.Left}
	for _, w := range main.Widths {
		edges = append(edges, edges[len(edges)-1]+width*w/total)
	}
	pt := func(mm float64) float64 { return mm * 72 / 25.4 }

	words := pagesWords(t, tool, file)
	if len(words) < minPages {
		t.Fatalf("%d pages, want at least %d", len(words), minPages)
	}
	all, err := exec.Command(tool, "-raw", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range codes {
		if !strings.Contains(string(all), c) {
			t.Errorf("code %s is not printed whole (broken across lines?)", c)
		}
	}
	checked := 0
	for i, ws := range words {
		n := i + 1
		head := -1.0 // bottom of the main table's header row
		for _, w := range ws {
			if strings.Contains(w.text, "技能)") {
				head = w.y1
			}
		}
		if head < 0 {
			continue // not a page of the main table
		}
		// The first body row starts right below the header: its first
		// line sits within a line and a half of it.
		top, firstLine := head+pt(1), head+pt(8)
		col := func(k int) (string, float64) {
			txt := columnText(ws, pt(edges[k]), pt(edges[k+1]), top, 1e9)
			y := 1e9
			for _, w := range ws {
				if c := (w.x0 + w.x1) / 2; c > pt(edges[k]) && c < pt(edges[k+1]) && w.y0 > top {
					y = min(y, w.y0)
				}
			}
			return txt, y
		}
		dutyText, dy := col(0)
		taskText, ty := col(1)
		// The level is centred in a whole row, at the top of a part.
		levelText, _ := col(4)
		if dy > firstLine || ty > firstLine {
			t.Errorf("page %d: the first body row does not name duty and task at its top (tops %.0f %.0f, header ends %.0f)", n, dy, ty, head)
			continue
		}
		dc := regexp.MustCompile(`^T\d+`).FindString(dutyText)
		if title := duty[dc]; dc == "" || !strings.HasPrefix(dutyText, dc+title) {
			t.Errorf("page %d: duty cell starts %q, want a duty code and its whole title", n, cut(dutyText, 40))
			continue
		}
		tc := regexp.MustCompile(`^T\d+\.\d+`).FindString(taskText)
		if others := shared[tc]; len(others) > 0 { // a shared row names all its tasks
			if !strings.HasPrefix(tc, dc+".") || !namesTasks(taskText, append([]string{tc}, others...), task) {
				t.Errorf("page %d: task cell starts %q, want %s and %v, each with (the start of) its title", n, cut(taskText, 60), tc, others)
				continue
			}
			if before, _, ok := strings.Cut(levelText, "（續）"); ok && len(before) == 1 {
				sharedCont++ // the level says the row itself goes on from the page before
			}
		} else if tc == "" || !strings.HasPrefix(tc, dc+".") || !strings.HasPrefix(taskText, tc+task[tc]) {
			t.Errorf("page %d: task cell starts %q, want a task of %s with its whole title", n, cut(taskText, 40), dc)
			continue
		}
		lv, err := strconv.Atoi(regexp.MustCompile(`^\d`).FindString(levelText))
		if err != nil || !slices.Contains(level[tc], lv) {
			t.Errorf("page %d: level cell starts %q, want one of %v (%s)", n, cut(levelText, 10), level[tc], tc)
		}
		checked++
	}
	if checked < minPages-2 || checked == 0 {
		t.Errorf("checked %d pages of the main table, want at least %d", checked, max(minPages-2, 1))
	}
	return sharedCont
}

// namesTasks reports whether a shared row's task cell starts with the
// first of its tasks and names each of them in order: the code, then its
// whole title or, in a cell shortened on a continued page, at least the
// start of it. The text after the cell's end (the rows below) does not
// matter.
func namesTasks(text string, codes []string, titles map[string]string) bool {
	for k, code := range codes {
		i := strings.Index(text, code)
		if i < 0 || (k == 0 && i > 0) {
			return false
		}
		text = text[i+len(code):]
		title := titles[code]
		if !strings.HasPrefix(text, title) {
			first, _ := utf8.DecodeRuneInString(title)
			if !strings.HasPrefix(text, string(first)) || !strings.Contains(text, "（續）") {
				return false
			}
		}
	}
	return true
}

// cmpOr returns a, or b when a is zero.
func cmpOr(a, b int) int {
	if a != 0 {
		return a
	}
	return b
}

// cut returns s shortened to n runes for messages.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
