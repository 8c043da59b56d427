package fill

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

const nsDecl = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// docxOf makes a minimal DOCX whose body is body and whose header, when
// given, is header.
func docxOf(t testing.TB, body, header string) []byte {
	t.Helper()
	files := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + nsDecl + `><w:body>` + body + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`},
	}
	if header != "" {
		files = append(files, [2]string{"word/header1.xml", `<?xml version="1.0" encoding="UTF-8"?><w:hdr ` + nsDecl + `>` + header + `</w:hdr>`})
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, _ := zw.Create(f[0])
		w.Write([]byte(f[1]))
	}
	zw.Close()
	return buf.Bytes()
}

// part reads one part of a DOCX.
func part(t testing.TB, docx []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatalf("no part %s", name)
	return ""
}

// texts returns the text of each paragraph of a part, tabs and breaks as
// \t and \n.
func texts(t testing.TB, xml string) []string {
	t.Helper()
	root, err := parseXML(xml)
	if err != nil {
		t.Fatalf("output is not well-formed: %v", err)
	}
	var out []string
	root.walk(func(n *node) bool {
		if n.name != "w:p" {
			return true
		}
		var b strings.Builder
		n.walk(func(x *node) bool {
			switch x.name {
			case "w:t":
				b.WriteString(x.text())
			case "w:br":
				b.WriteString("\n")
			case "w:p":
				return false
			}
			return true
		})
		out = append(out, b.String())
		return true
	})
	return out
}

func p(runs ...string) string { return `<w:p>` + strings.Join(runs, "") + `</w:p>` }
func r(text string) string    { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
func rb(text string) string {
	return `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}
func cell(paras ...string) string { return `<w:tc>` + strings.Join(paras, "") + `</w:tc>` }
func row(cells ...string) string  { return `<w:tr>` + strings.Join(cells, "") + `</w:tr>` }

var sample = map[string]any{
	"code": "BAS1219-002v4", "occupation": "企劃人員", "description": "第一行\n第二行 & <標記>",
	"duties": []any{
		map[string]any{"code": "T1", "title": "企劃案規劃", "tasks": []any{
			map[string]any{"code": "T1.1", "title": "企劃需求分析"}, map[string]any{"code": "T1.2", "title": "企劃提案"}}},
		map[string]any{"code": "T2", "title": "企劃案執行", "tasks": []any{map[string]any{"code": "T2.1", "title": "統籌及協調資源"}}},
	},
	"attitudes": []any{},
	"knowledge": []any{map[string]any{"code": "K01", "text": "產業現況與發展"}, map[string]any{"code": "K02", "text": "組織政策與流程"}},
	"overlay":   map[string]any{"company": "範例股份有限公司"},
	"candidate": map[string]any{"name": "王小明"},
}

func fillString(t *testing.T, body, header string, data map[string]any) []byte {
	t.Helper()
	tpl, err := Parse(docxOf(t, body, header))
	if err != nil {
		t.Fatal(err)
	}
	out, err := tpl.Fill(data)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestFillSplitTags(t *testing.T) {
	// Word split {{occupation}} over three runs, the middle one bold, and
	// put {{code}} in one run with text around it.
	body := p(r("職業：{{occu"), rb("pat"), r("ion}}（{{code}}）")) + p(r("{{description}}"))
	out := fillString(t, body, "", sample)
	doc := part(t, out, "word/document.xml")
	got := texts(t, doc)
	want := []string{"職業：企劃人員（BAS1219-002v4）", "第一行\n第二行 & <標記>"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs %q, want %q", got, want)
	}
	// The value takes the formatting of the run the tag started in (plain),
	// and the text is escaped.
	if !strings.Contains(doc, `<w:r><w:t xml:space="preserve">企劃人員</w:t></w:r>`) {
		t.Errorf("the value did not keep the first run's formatting:\n%s", doc)
	}
	if !strings.Contains(doc, `第二行 &amp; &lt;標記&gt;`) || !strings.Contains(doc, `<w:br/>`) {
		t.Errorf("text not escaped or line break not a w:br:\n%s", doc)
	}
}

func TestFillSections(t *testing.T) {
	body := `<w:tbl>` +
		row(cell(p(r("職責"))), cell(p(r("任務")))) +
		row(cell(p(r("{{#duties}}{{code}} {{title}}"))), cell(p(r("{{#tasks}}{{code}}{{title}}；{{/tasks}}{{/duties}}")))) +
		`</w:tbl>` +
		p(r("{{#knowledge}}")) + p(r("{{@index}}. {{code}} {{text}}")) + p(r("{{/knowledge}}")) +
		p(r("{{^attitudes}}本基準未列態度{{/attitudes}}")) +
		p(r("{{#attitudes}}不應出現{{/attitudes}}"))
	out := fillString(t, body, p(r("{{overlay.company}}")), sample)
	got := texts(t, part(t, out, "word/document.xml"))
	want := []string{"職責", "任務",
		"T1 企劃案規劃", "T1.1企劃需求分析；T1.2企劃提案；",
		"T2 企劃案執行", "T2.1統籌及協調資源；",
		"1. K01 產業現況與發展", "2. K02 組織政策與流程",
		"本基準未列態度", ""}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs\n got %q\nwant %q", got, want)
	}
	if h := texts(t, part(t, out, "word/header1.xml")); len(h) != 1 || h[0] != "範例股份有限公司" {
		t.Errorf("header %q", h)
	}
}

func TestFillProblemsAtOnce(t *testing.T) {
	body := p(r("公司：{{overlay.compny}}")) +
		`<w:tbl>` + row(cell(p(r("{{#duties}}{{title}}"))), cell(p(r("{{nosuch}}")))) + `</w:tbl>` +
		p(r("{{/knowledge}}")) +
		p(r("{{#tasks}}未關閉"))
	_, err := Parse(docxOf(t, body+p(r("不完整 {{code")), ""))
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error %v is not Problems", err)
	}
	msg := err.Error()
	for _, want := range []string{
		`document.xml 「不完整 {{code」: a tag opens with {{ but does not close`,
		`document.xml 「{{/knowledge}}」: {{/knowledge}} closes a section that was not opened`,
		`{{#duties}} is never closed`,
		`table 1, row 1, cell 1 「{{#duties}}{{title}}」`,
		`{{#tasks}} is never closed`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("problems lack %q:\n%s", want, msg)
		}
	}
	// Unknown fields are found when filling, all at once, with their cell.
	tpl, err := Parse(docxOf(t, p(r("公司：{{overlay.compny}}"))+`<w:tbl>`+row(cell(p(r("{{nosuch}}"))))+`</w:tbl>`, ""))
	if err != nil {
		t.Fatal(err)
	}
	_, err = tpl.Fill(sample)
	msg = err.Error()
	for _, want := range []string{`「公司：{{overlay.compny}}」: {{overlay.compny}}: no such field`, `table 1, row 1, cell 1 「{{nosuch}}」: {{nosuch}}: no such field`, "2 problems"} {
		if !strings.Contains(msg, want) {
			t.Errorf("fill problems lack %q:\n%s", want, msg)
		}
	}
}

func TestFillCombined(t *testing.T) {
	tpl, err := Parse(docxOf(t, p(r("姓名：{{candidate.name}}")), p(r("{{code}}"))))
	if err != nil {
		t.Fatal(err)
	}
	a := map[string]any{"code": "X", "candidate": map[string]any{"name": "王小明"}}
	b := map[string]any{"code": "X", "candidate": map[string]any{"name": "李美華"}}
	out, err := tpl.FillCombined([]map[string]any{a, b}, map[string]any{"code": "X", "candidate": map[string]any{"name": ""}})
	if err != nil {
		t.Fatal(err)
	}
	doc := part(t, out, "word/document.xml")
	if got := texts(t, doc); strings.Join(got, "|") != "姓名：王小明|\n|姓名：李美華" {
		t.Errorf("combined paragraphs %q", got)
	}
	if strings.Count(doc, `<w:br w:type="page"/>`) != 1 || strings.Count(doc, "<w:sectPr>") != 1 {
		t.Errorf("want one page break between candidates and one sectPr:\n%s", doc)
	}
}

func TestHostileTemplates(t *testing.T) {
	// Not a zip; no document; a tag in a text box; many loop rows.
	if _, err := Parse([]byte("PK\x03\x04 broken")); err == nil {
		t.Error("a broken zip parsed")
	}
	textbox := p(`<w:r><w:pict><v:shape xmlns:v="urn:v"><v:textbox><w:txbxContent>` + p(r("{{occupation}}")) + `</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`)
	out := fillString(t, textbox, "", sample)
	if !strings.Contains(part(t, out, "word/document.xml"), "企劃人員") {
		t.Error("a tag in a text box was not filled")
	}
	var rows strings.Builder
	for i := 0; i < 10000; i++ {
		rows.WriteString(row(cell(p(r("{{#duties}}{{code}}"))), cell(p(r("{{title}}{{/duties}}")))))
	}
	out = fillString(t, `<w:tbl>`+rows.String()+`</w:tbl>`, "", sample)
	if n := strings.Count(part(t, out, "word/document.xml"), "<w:tr>"); n != 20000 {
		t.Errorf("10,000 looped rows of 2 duties gave %d rows", n)
	}
}

func TestNestedRowSections(t *testing.T) {
	// A task row, then one row per indicator; the tasks section spans both.
	data := map[string]any{"tasks": []any{
		map[string]any{"code": "T1.1", "indicators": []any{map[string]any{"code": "P1.1.1"}, map[string]any{"code": "P1.1.2"}}},
		map[string]any{"code": "T1.2", "indicators": []any{map[string]any{"code": "P1.2.1"}}},
	}}
	body := `<w:tbl>` + row(cell(p(r("指標"))), cell(p(r("達成")))) +
		row(cell(p(r("{{#tasks}}{{code}}"))), cell(p())) +
		row(cell(p(r("{{#indicators}}{{code}}"))), cell(p(r("☐{{/indicators}}{{/tasks}}")))) + `</w:tbl>` +
		p(r("{{#tasks}}")) + p(r("{{code}}:")) + p(r("{{#indicators}}")) + p(r("- {{code}}")) + p(r("{{/indicators}}")) + p(r("{{/tasks}}"))
	out := fillString(t, body, "", data)
	got := strings.Join(texts(t, part(t, out, "word/document.xml")), "|")
	want := "指標|達成|T1.1||P1.1.1|☐|P1.1.2|☐|T1.2||P1.2.1|☐|T1.1:|- P1.1.1|- P1.1.2|T1.2:|- P1.2.1"
	if got != want {
		t.Errorf("nested sections\n got %s\nwant %s", got, want)
	}
}

func TestTwoSectionsInOneRow(t *testing.T) {
	// Duties and their tasks both open in the row's first cell and close
	// in its last: one row per task, the duty outside.
	body := `<w:tbl>` + row(cell(p(r("{{#duties}}{{#tasks}}{{duty}}"))), cell(p(r("{{code}}{{/tasks}}{{/duties}}")))) + `</w:tbl>`
	data := map[string]any{"tasks": []any{}, "duties": []any{
		map[string]any{"duty": "T1", "tasks": []any{map[string]any{"code": "T1.1"}, map[string]any{"code": "T1.2"}}},
		map[string]any{"duty": "T2", "tasks": []any{map[string]any{"code": "T2.1"}}},
	}}
	out := fillString(t, body, "", data)
	if got := strings.Join(texts(t, part(t, out, "word/document.xml")), "|"); got != "T1|T1.1|T1|T1.2|T2|T2.1" {
		t.Errorf("rows %s, want T1|T1.1|T1|T1.2|T2|T2.1", got)
	}
}
