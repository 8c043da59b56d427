package docx

import (
	"fmt"
	"strings"
	"time"

	"github.com/ocs-project/ocs/render"
)

// Sentences from the seed standard (行銷業務專員 THM2431-001v1), reused to
// fill synthetic documents with realistic text.
var (
	sampleIndicators = []string{
		"辨識使用合宜的溝通策略【註1】。",
		"根據既有程序【註2】進行訪談。",
		"能夠提出適合於實務的回饋與建議。",
		"與顧客及同事溝通時，能尊重不同文化及社會背景的差異，並顧及其需求與權利。",
		"溝通失敗，適切的反應並協調相關工作人員或部門處理。",
		"以個人的能力、技巧和組織定位，在權責範圍內，依解決問題的規範流程進行溝通。",
	}
	sampleKnowledge = []string{
		"有效的溝通策略和技巧，能化解溝通阻礙，並維持關係",
		"辨識每個人不同的溝通風格",
		"跨文化溝通能力",
		"非語言的溝通策略",
	}
	sampleSkills = []string{
		"和顧客、同事溝通時，能因應對方需求與當下情境，並有助達成組織目標",
		"使用策略以因應特定溝通需求/問題",
		"保有個人的正直性，適時的處理個人的問題",
	}
)

// sampleDocument builds a document with every kind of block: a title, a
// key-value header, the standard's main table with duties spanning task
// rows (duties × tasks rows), notes, a list, an attitude matrix with check
// marks, and, after a section break, an assessment form with check boxes
// and a signature line.
func sampleDocument(duties, tasks int) *render.Document {
	d := &render.Document{
		Meta: render.Meta{
			Title: "行銷業務專員職能基準", Subject: "職能基準", Keywords: []string{"THM2431-001v1"},
			Author: "ocs", Lang: "zh-TW", Date: time.Date(2024, 12, 15, 0, 0, 0, 0, time.UTC),
		},
		Footer: render.Footer{Center: "第 {page} 頁／共 {pages} 頁", Right: "THM2431-001v1"},
	}
	add := func(b ...render.Block) { d.Blocks = append(d.Blocks, b...) }
	add(&render.Paragraph{Runs: []render.Run{{Text: "行銷業務專員職能基準", Bold: true}}, Style: render.TitleText, Align: render.Center})
	add(&render.KeyValue{Columns: 2, Pairs: []render.Pair{
		{Label: "職能基準代碼", Value: []render.Paragraph{render.Text("THM2431-001v1")}},
		{Label: "職能基準名稱", Value: []render.Paragraph{render.Text("行銷業務專員")}},
		{Label: "職類別", Value: []render.Paragraph{render.Text("休閒與觀光旅遊／旅館管理")}},
		{Label: "職業別", Value: []render.Paragraph{render.Text("廣告及行銷專業人員")}},
		{Label: "工作描述", Value: []render.Paragraph{render.Text("依照不同客戶型態安排客戶服務活動及銷售服務，提供客戶所需之協助以滿足客戶需求，並維護及建立客戶關係。")}},
	}})
	add(&render.Heading{Level: 1, Runs: []render.Run{{Text: "職能基準內容"}}})
	add(mainTable(duties, tasks))
	add(&render.Heading{Level: 2, Runs: []render.Run{{Text: "說明與補充事項"}}})
	add(&render.List{Bullet: "●", Items: [][]render.Run{
		{{Text: "建議擔任此職類／職業之學歷／經歷／或能力條件："}},
		{{Text: "學歷背景：觀光休閒餐旅／商管／傳播系所大專以上畢業，具備旅宿業相關（含實習）工作經歷 2 年以上。"}},
	}})
	add(&render.List{Items: [][]render.Run{{{Text: "第一項"}}, {{Text: "第二項"}}}})
	add(&render.Paragraph{Runs: []render.Run{{Text: "【註1】", Bold: true}, {Text: "策略：建立密切關係、交換資訊、提出問題解決方案、化解困難情境、外語能力。"}},
		Style: render.Small, Hanging: 12})
	add(attitudeMatrix())
	add(&render.PageBreak{NewSection: true, Footer: &render.Footer{Left: "評量表 王小明", Right: "第 {page} 頁／共 {pages} 頁"}})
	add(&render.Heading{Level: 1, Runs: []render.Run{{Text: "職能評量表"}}, Align: render.Center})
	add(&render.KeyValue{Columns: 1, LabelWidth: 0.25, Pairs: []render.Pair{
		{Label: "受評者", Value: []render.Paragraph{render.Text("王小明")}},
		{Label: "評量結果", Value: []render.Paragraph{{Runs: []render.Run{{Box: true, Checked: true, Text: "通過　"}, {Box: true, Text: "未通過"}}}}},
	}})
	add(&render.Paragraph{Runs: []render.Run{{Text: "備註：第一行\n第二行\t（定位）"}}})
	add(&render.Signature{Fields: []string{"評量人員簽名", "日期"}})
	return d
}

// mainTable is the standard's table: a shaded header row, then per duty
// `tasks` task rows, the duty cell spanning them all, and the level, K and
// S cells of the second and third tasks of a duty merged down.
func mainTable(duties, tasks int) *render.Table {
	shaded := func(s string) render.Cell {
		return render.Cell{Paras: []render.Paragraph{render.Text(s)}, Shade: true, Align: render.Center, VAlign: render.Middle}
	}
	t := &render.Table{
		Widths:     []float64{1.2, 1.4, 1.2, 3.4, 0.6, 2.4, 2.4},
		HeaderRows: 1,
		Continued:  "（續）",
		Rows: []render.Row{{Cells: []render.Cell{
			shaded("工作職責"), shaded("工作任務"), shaded("工作產出"), shaded("行為指標"),
			shaded("職能級別"), shaded("職能內涵（K=knowledge 知識）"), shaded("職能內涵（S=skills 技能）"),
		}}},
	}
	for i := 1; i <= duties; i++ {
		for j := 1; j <= tasks; j++ {
			var cells []render.Cell
			if j == 1 {
				cells = append(cells, render.Cell{RowSpan: tasks, VAlign: render.Middle,
					Paras: []render.Paragraph{render.Text(fmt.Sprintf("T%d 工作職責%d", i, i))}})
			}
			var ind []render.Paragraph
			for k, s := range sampleIndicators[:2+(i+j)%4] {
				ind = append(ind, render.Paragraph{Runs: superNotes(fmt.Sprintf("P%d.%d.%d %s", i, j, k+1, s))})
			}
			cells = append(cells,
				render.Cell{Paras: []render.Paragraph{render.Text(fmt.Sprintf("T%d.%d 工作任務%d之%d", i, j, i, j))}},
				render.Cell{Paras: []render.Paragraph{render.Text(fmt.Sprintf("O%d.%d.1 紀錄", i, j))}},
				render.Cell{Paras: ind},
			)
			if j%tasks != 2 || tasks < 3 {
				span := 1
				if j%tasks == 1 && tasks >= 3 {
					span = 2
				}
				cells = append(cells,
					render.Cell{Paras: []render.Paragraph{render.Text(fmt.Sprint(3 + (i+j)%2))}, Align: render.Center, VAlign: render.Middle, RowSpan: span},
					render.Cell{Paras: codes("K", i*10+j, sampleKnowledge), RowSpan: span},
					render.Cell{Paras: codes("S", i*10+j, sampleSkills), RowSpan: span},
				)
			}
			t.Rows = append(t.Rows, render.Row{Cells: cells})
		}
	}
	return t
}

// superNotes splits "…【註1】…" into runs with the note marks superscript.
func superNotes(s string) []render.Run {
	var runs []render.Run
	for {
		i := strings.Index(s, "【註")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "】") + i + len("】")
		runs = append(runs, render.Run{Text: s[:i]}, render.Run{Text: s[i:j], Super: true})
		s = s[j:]
	}
	return append(runs, render.Run{Text: s})
}

func codes(prefix string, n int, texts []string) []render.Paragraph {
	ps := make([]render.Paragraph, len(texts))
	for k, s := range texts {
		ps[k] = render.Text(fmt.Sprintf("%s%02d %s", prefix, n+k, s))
	}
	return ps
}

// attitudeMatrix is the task × attitude table with √ marks.
func attitudeMatrix() *render.Table {
	t := &render.Table{Widths: []float64{3, 1, 1, 1, 1}, HeaderRows: 1}
	head := render.Row{Cells: []render.Cell{{Shade: true}}}
	for j := 1; j <= 4; j++ {
		head.Cells = append(head.Cells, render.Cell{Paras: []render.Paragraph{render.Text(fmt.Sprintf("T1.%d", j))}, Shade: true, Align: render.Center})
	}
	t.Rows = append(t.Rows, head)
	for i, a := range []string{"A01 主動積極", "A02 親和力", "A03 自信心"} {
		row := render.Row{Cells: []render.Cell{{Paras: []render.Paragraph{render.Text(a)}}}, KeepTogether: true}
		for j := 1; j <= 4; j++ {
			mark := ""
			if (i+j)%2 == 0 {
				mark = "√"
			}
			row.Cells = append(row.Cells, render.Cell{Paras: []render.Paragraph{render.Text(mark)}, Align: render.Center})
		}
		t.Rows = append(t.Rows, row)
	}
	// A wide note row spanning all columns.
	t.Rows = append(t.Rows, render.Row{Cells: []render.Cell{{ColSpan: 5, Paras: []render.Paragraph{render.Text("註：√ 表示該任務需要此態度。")}}}})
	return t
}

// expectedTexts lists the texts of d that a reader must find in reading
// order: every text render.Walk yields except metadata, footers and the
// table's continuation mark, which DOCX does not print.
func expectedTexts(d *render.Document) []string {
	var out []string
	render.Walk(d, func(where, text string) {
		if text == "" || strings.HasPrefix(where, "meta.") || strings.HasPrefix(where, "footer.") || strings.HasSuffix(where, ".continued") {
			return
		}
		out = append(out, text)
	})
	return out
}
