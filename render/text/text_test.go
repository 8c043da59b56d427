package text

import (
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
)

func cell(s string) render.Cell { return render.Cell{Paras: []render.Paragraph{render.Text(s)}} }

// sampleDoc uses every block kind.
func sampleDoc() *render.Document {
	return &render.Document{
		Meta:   render.Meta{Title: "文件", Lang: "zh-TW", StructuredData: []byte(`{"@type":"JobPosting"}`)},
		Footer: render.Footer{Center: "第 {page} 頁／共 {pages} 頁"},
		Blocks: []render.Block{
			&render.Paragraph{Runs: []render.Run{{Text: "行銷業務專員", Bold: true}}, Style: render.TitleText, Align: render.Center},
			&render.Paragraph{Runs: []render.Run{{Text: "山嵐飯店"}}, Align: render.Center},
			&render.Heading{Level: 2, Runs: []render.Run{{Text: "工作內容"}}},
			&render.Paragraph{Runs: []render.Run{{Text: "人際溝通與協調", Bold: true}}, KeepWithNext: true},
			&render.List{Bullet: "●", Items: [][]render.Run{{{Text: "和顧客有效溝通"}}, {{Text: "使用策略"}, {Text: "【註1】", Super: true}, {Text: "。\n續行"}}}},
			&render.Heading{Level: 3, Runs: []render.Run{{Text: "工作技能"}}},
			&render.List{Items: [][]render.Run{{{Text: "第一"}}, {{Text: "第二"}}}},
			&render.KeyValue{Columns: 2, Pairs: []render.Pair{
				{Label: "工作待遇", Value: []render.Paragraph{render.Text("月薪 36,000～45,000 元")}},
				{Label: "福利制度", Value: []render.Paragraph{render.Text("勞保"), render.Text("年終獎金")}},
			}},
			&render.Paragraph{Runs: []render.Run{{Text: "【註1】策略：建立密切關係。\n第二行"}}, Indent: 5, Hanging: 10, Style: render.Small},
			&render.Table{Widths: []float64{1, 2, 1, 1}, HeaderRows: 2, Rows: []render.Row{
				{Cells: []render.Cell{{Paras: []render.Paragraph{render.Text("主要職責")}, RowSpan: 2}, {Paras: []render.Paragraph{render.Text("工作任務")}, RowSpan: 2},
					{Paras: []render.Paragraph{render.Text("評量")}, ColSpan: 2}}},
				{Cells: []render.Cell{cell("達成"), cell("未達成")}},
				{Cells: []render.Cell{{Paras: []render.Paragraph{render.Text("T1 人際溝通")}, RowSpan: 2}, cell("T1.1 溝通"),
					{Paras: []render.Paragraph{{Runs: []render.Run{{Text: "", Box: true, Checked: true}}}}}, {Paras: []render.Paragraph{{Runs: []render.Run{{Text: "", Box: true}}}}}}},
				{Cells: []render.Cell{cell("T1.2 策略"), cell(""), cell("")}},
			}},
			&render.Table{Widths: []float64{1, 1}, Rows: []render.Row{{Cells: []render.Cell{cell("甲"), cell("乙")}}}},
			&render.Signature{Fields: []string{"評量人員簽名", "日期"}},
			&render.PageBreak{NewSection: true},
			&render.Heading{Level: 1, Runs: []render.Run{{Text: "Part B"}}},
		},
	}
}

const sampleText = `行銷業務專員
══════
山嵐飯店

工作內容
────
人際溝通與協調
● 和顧客有效溝通
● 使用策略【註1】。
   續行

【工作技能】
1. 第一
2. 第二

工作待遇：月薪 36,000～45,000 元
福利制度：勞保
          年終獎金

  【註1】策略：建立密切關係。
      第二行

主要職責：T1 人際溝通
工作任務：T1.1 溝通
評量/達成：☑
評量/未達成：☐

工作任務：T1.2 策略

甲 ｜ 乙

評量人員簽名：________________    日期：________________

────────────────────

Part B
═══
`

func TestRender(t *testing.T) {
	out, err := Render(sampleDoc())
	if err != nil {
		t.Fatal(err)
	}
	if got := string(out); got != sampleText {
		t.Errorf("got:\n%s\nwant:\n%s", got, sampleText)
	}
}

func TestRenderEnglishSeparator(t *testing.T) {
	d := &render.Document{Meta: render.Meta{Lang: "en"}, Blocks: []render.Block{
		&render.Heading{Level: 1, Runs: []render.Run{{Text: "Job ●"}}},
		&render.KeyValue{Pairs: []render.Pair{{Label: "Salary", Value: []render.Paragraph{render.Text("NT$36,000")}}}},
	}}
	out, err := Render(d)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Job ●\n═════\nSalary: NT$36,000\n"; string(out) != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

// Every text of the document comes out: nothing is dropped.
func TestRenderComplete(t *testing.T) {
	d := sampleDoc()
	out, err := Render(d)
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.ReplaceAll(string(out), "\n", "")
	flat = strings.ReplaceAll(flat, " ", "")
	render.Walk(d, func(where, text string) {
		if strings.HasPrefix(where, "meta") || strings.HasPrefix(where, "footer") || text == "" {
			return
		}
		for _, line := range strings.Split(text, "\n") {
			if !strings.Contains(flat, strings.ReplaceAll(line, " ", "")) {
				t.Errorf("%s: %q missing", where, line)
			}
		}
	})
}

func TestRenderErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  *render.Document
		want string
	}{
		{"nil", nil, "no document"},
		{"no widths", &render.Document{Blocks: []render.Block{&render.Table{}}}, "blocks[0]: table has no column widths"},
		{"overflow", &render.Document{Blocks: []render.Block{&render.Table{Widths: []float64{1, 1}, Rows: []render.Row{
			{Cells: []render.Cell{{RowSpan: 2}, cell("a")}}, {Cells: []render.Cell{cell("b"), cell("c")}}}}}},
			"blocks[0].rows[1].cells[1]: no free column is left"},
		{"header rows", &render.Document{Blocks: []render.Block{&render.Table{Widths: []float64{1}, HeaderRows: 1}}}, "HeaderRows is 1"},
		{"nil block", &render.Document{Blocks: []render.Block{nil}}, "blocks[0]: block is nil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Render(tt.doc)
			if err == nil || out != nil {
				t.Fatalf("no error; %q", out)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q lacks %q", err, tt.want)
			}
		})
	}
}
