package html

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/ocs-project/ocs/render"
)

const hostile = `<script>alert(1)</script> & "q" 'a'`

// sampleDoc uses every block kind, hostile text in every place text can
// stand, and JSON-LD that tries to close its script element.
func sampleDoc() *render.Document {
	ld, _ := json.Marshal(map[string]string{"@type": "JobPosting", "title": "</script><script>alert(2)</script>"})
	cell := func(s string) render.Cell { return render.Cell{Paras: []render.Paragraph{render.Text(s)}} }
	return &render.Document{
		Meta: render.Meta{Title: "職務 " + hostile, Subject: "主旨", Keywords: []string{"甲", hostile}, Author: hostile,
			Lang: "zh-TW", Date: time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC), StructuredData: ld},
		Page:   render.Page{Landscape: true, Top: 15},
		Footer: render.Footer{Left: `左"\`, Center: "第 {page} 頁／共 {pages} 頁", Right: "</style>"},
		Blocks: []render.Block{
			&render.Paragraph{Runs: []render.Run{{Text: "標題", Bold: true}}, Style: render.TitleText, Align: render.Center},
			&render.Heading{Level: 2, Runs: []render.Run{{Text: "工作內容 " + hostile}}},
			&render.Paragraph{Runs: []render.Run{{Text: "使用策略"}, {Text: "【註1】", Super: true}, {Text: "。\n第二行", Underline: true}},
				Indent: 5, Hanging: 10, KeepWithNext: true, Style: render.Small},
			&render.KeyValue{Columns: 2, Pairs: []render.Pair{
				{Label: "公司 " + hostile, Value: []render.Paragraph{render.Text(hostile)}},
				{Label: "地點", Value: []render.Paragraph{render.Text("花蓮"), render.Text("市")}},
				{Label: "人數", Value: []render.Paragraph{render.Text("2")}},
			}},
			&render.Table{Widths: []float64{1, 2, 1}, HeaderRows: 1, Continued: "（續）", Rows: []render.Row{
				{Cells: []render.Cell{{Paras: []render.Paragraph{render.Text("職責")}, Shade: true, Align: render.Center},
					{Paras: []render.Paragraph{render.Text("任務")}, Shade: true, ColSpan: 2}}},
				{Cells: []render.Cell{{Paras: []render.Paragraph{render.Text("T1 " + hostile)}, RowSpan: 2, VAlign: render.Middle},
					cell("T1.1"), cell("3")}, KeepTogether: true},
				{Cells: []render.Cell{cell("T1.2"), {Paras: []render.Paragraph{{Runs: []render.Run{{Text: "達成", Box: true, Checked: true}, {Text: "未達成", Box: true}}}}}}},
			}},
			&render.List{Bullet: "●", Items: [][]render.Run{{{Text: "甲 " + hostile}}, {{Text: "乙"}}}},
			&render.List{Items: [][]render.Run{{{Text: "第一"}}, {{Text: "第二"}}}},
			&render.Signature{Fields: []string{"評量人員簽名", "日期 " + hostile}},
			&render.PageBreak{},
			&render.PageBreak{NewSection: true, Footer: &render.Footer{Center: "候選人 {page}"}},
			&render.Paragraph{Runs: []render.Run{{Text: "新的一節"}}},
		},
	}
}

func renderPage(t *testing.T, d *render.Document, opt Options) string {
	t.Helper()
	out, err := Render(d, opt)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return string(out)
}

// wellFormed parses the page as XML, strictly, and returns the elements
// met, in order, as "name" or "name.class".
func wellFormed(t *testing.T, page string) []string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(page))
	dec.Strict = true
	var stack, seen []string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			stack = append(stack, tok.Name.Local)
			seen = append(seen, tok.Name.Local)
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1] != tok.Name.Local {
				t.Fatalf("unbalanced </%s>", tok.Name.Local)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) != 0 {
		t.Fatalf("unclosed elements %v", stack)
	}
	return seen
}

func TestRenderWellFormed(t *testing.T) {
	page := renderPage(t, sampleDoc(), Options{})
	if !strings.HasPrefix(page, "<!DOCTYPE html>\n<html lang=\"zh-TW\"") {
		t.Errorf("page starts %q", page[:40])
	}
	elems := wellFormed(t, page)
	count := map[string]int{}
	for _, e := range elems {
		count[e]++
	}
	want := map[string]int{"html": 1, "head": 1, "body": 1, "title": 1, "style": 1, "script": 1, "h2": 1, "sup": 1,
		"thead": 1, "ul": 1, "ol": 1, "br": 1, "u": 1, "strong": 1}
	for e, n := range want {
		if count[e] != n {
			t.Errorf("%d <%s>, want %d", count[e], e, n)
		}
	}
	for _, w := range []string{
		`<meta charset="utf-8"/>`, `<th class="a-center shade">`, `<th class="shade" colspan="2">`, `rowspan="2"`, `class="v-middle"`,
		`<col style="width:25.000%"/><col style="width:50.000%"/>`, "<tr class=\"keep\">",
		`<span class="box">☑</span>達成`, `<span class="box">☐</span>未達成`, `<span class="bullet">●</span>`,
		`<span class="label">評量人員簽名</span><span class="line"></span>`, `<div class="page-break"></div>`,
		`class="section new-section s1"`, `@page s1`, `"候選人 " counter(page)`,
		`margin-left:15mm;text-indent:-10mm`, `class="s-small keep-next"`, `<p class="s-title a-center"><strong>標題</strong></p>`,
		`size: A4 landscape; margin: 15mm 20mm 20mm 20mm;`, `"第 " counter(page) " 頁／共 " counter(pages) " 頁"`,
		`"左\22 \5c "`, `"\3c /style\3e "`, `font-family: "標楷體", "DFKai-SB", "TW-Kai", "BiauKai", "Kaiti TC", serif;`,
		`<meta name="dcterms.modified" content="2025-03-03"/>`,
	} {
		if !strings.Contains(page, w) {
			t.Errorf("page lacks %s", w)
		}
	}
}

func TestRenderEscapesHostileText(t *testing.T) {
	page := renderPage(t, sampleDoc(), Options{})
	if strings.Count(page, "<script") != 1 {
		t.Errorf("%d <script elements, want only the JSON-LD one", strings.Count(page, "<script"))
	}
	if strings.Contains(page, "alert(1)</script>") || strings.Contains(page, "</script><script>alert(2)") {
		t.Error("hostile text became markup")
	}
	esc := "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;q&#34; &#39;a&#39;"
	if n := strings.Count(page, esc); n < 8 {
		t.Errorf("escaped hostile text found %d times, want it in title, meta, heading, pairs, table, list, signature", n)
	}
	// The JSON-LD stays valid and means the same after escaping.
	start := strings.Index(page, `<script type="application/ld+json">`) + len(`<script type="application/ld+json">`)
	end := strings.Index(page, "</script>")
	var m map[string]string
	if err := json.Unmarshal([]byte(page[start:end]), &m); err != nil {
		t.Fatalf("embedded JSON-LD: %v", err)
	}
	if m["title"] != "</script><script>alert(2)</script>" {
		t.Errorf("JSON-LD title = %q", m["title"])
	}
	if strings.Contains(page[start:end], "</") || strings.Contains(page[start:end], "<") {
		t.Error("JSON-LD holds a raw '<'")
	}
}

func TestRenderRawStructuredData(t *testing.T) {
	// Data written without HTML escaping is escaped by the backend.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(map[string]string{"name": "</script>&<!--"}); err != nil {
		t.Fatal(err)
	}
	d := &render.Document{Meta: render.Meta{StructuredData: buf.Bytes()}}
	page := renderPage(t, d, Options{})
	wellFormed(t, page)
	if !strings.Contains(page, `"name": "\u003c/script\u003e\u0026\u003c!--"`) {
		t.Errorf("raw JSON not escaped:\n%s", page)
	}
	if strings.Contains(page, "<title></title>") || !strings.Contains(page, "<title>ocs</title>") {
		t.Error("an untitled page needs a non-empty title")
	}
}

func TestRenderErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  *render.Document
		opt  Options
		want string
	}{
		{"nil", nil, Options{}, "no document"},
		{"bad JSON", &render.Document{Meta: render.Meta{StructuredData: []byte(`{"a":`)}}, Options{}, "not valid JSON"},
		{"style escape", &render.Document{}, Options{Stylesheet: "p{} </style><script>"}, "contains '<'"},
		{"no widths", &render.Document{Blocks: []render.Block{&render.Table{}}}, Options{}, "blocks[0]: table has no column widths"},
		{"zero width", &render.Document{Blocks: []render.Block{&render.Table{Widths: []float64{1, 0}}}}, Options{}, "widths[1] is 0"},
		{"header rows", &render.Document{Blocks: []render.Block{&render.Table{Widths: []float64{1}, HeaderRows: 2}}}, Options{}, "HeaderRows is 2"},
		{"nil block", &render.Document{Blocks: []render.Block{nil}}, Options{}, "blocks[0]: block is nil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Render(tt.doc, tt.opt)
			if err == nil || out != nil {
				t.Fatalf("no error; %d bytes", len(out))
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q lacks %q", err, tt.want)
			}
		})
	}
}

func TestRenderOptions(t *testing.T) {
	page := renderPage(t, sampleDoc(), Options{Fonts: []string{"Noto Serif TC", "sans-serif"}, Stylesheet: "h2 { color: navy; }"})
	if !strings.Contains(page, `font-family: "Noto Serif TC", sans-serif;`) || !strings.Contains(page, "h2 { color: navy; }\n</style>") {
		t.Error("options not applied")
	}
}

func TestRenderDeterministic(t *testing.T) {
	a := renderPage(t, sampleDoc(), Options{})
	b := renderPage(t, sampleDoc(), Options{})
	if a != b {
		t.Error("two renders differ")
	}
}

func TestRenderControlCharacters(t *testing.T) {
	d := &render.Document{Blocks: []render.Block{&render.Paragraph{Runs: []render.Run{{Text: "a\x00b\x0cc\td"}}}}}
	page := renderPage(t, d, Options{})
	wellFormed(t, page)
	if !strings.Contains(page, "a\uFFFDb\uFFFDc\td") {
		t.Error("control characters not replaced")
	}
}
