package fill

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/internal/testtool"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/standards"
	"github.com/ocs-project/ocs/templates/assessment"
	"github.com/ocs-project/ocs/templates/jobdesc"
)

func bundled(t testing.TB, code string) *standard.Standard {
	t.Helper()
	data, name, err := standards.Open(code)
	if err != nil {
		t.Fatal(err)
	}
	s, err := standard.Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// makeTemplate writes a template with python-docx: tags split over runs
// with different formatting, in the body, a table and the header.
const makeTemplate = `
import sys
from docx import Document
from docx.shared import Pt
d = Document()
d.sections[0].header.paragraphs[0].text = '{{overlay.company}}'
p = d.add_paragraph(style='Heading 1')
p.add_run('{{occu')
r = p.add_run('pation}}')
r.italic = True
p = d.add_paragraph()
b = p.add_run('代碼：{{co')
b.bold = True
p.add_run('de}}')
t = d.add_table(rows=2, cols=2)
t.style = 'Table Grid'
t.cell(0, 0).text = '任務'
t.cell(0, 1).text = '級別'
t.cell(1, 0).text = '{{#tasks}}{{code}} {{title}}'
t.cell(1, 1).text = '{{level}}{{/tasks}}'
d.add_paragraph('{{%brand.logo}}')
d.save(sys.argv[1])
`

func TestFillPythonDocxTemplate(t *testing.T) {
	py := testtool.PythonDocx(t)
	dir := t.TempDir()
	tplPath := filepath.Join(dir, "tpl.docx")
	if out, err := exec.Command(py, "-c", makeTemplate, tplPath).CombinedOutput(); err != nil {
		t.Fatalf("python-docx: %v\n%s", err, out)
	}
	logo := filepath.Join(dir, "logo.png")
	png := "89504e470d0a1a0a0000000d4948445200000002000000010802000000" + "7b40e8dd0000000f49444154789c6390f38c6790f38c070004d601d7b3552ef20000000049454e44ae426082"
	raw := make([]byte, len(png)/2)
	for i := range raw {
		fmt.Sscanf(png[2*i:2*i+2], "%02x", &raw[i])
	}
	os.WriteFile(logo, raw, 0o644)
	data, _ := os.ReadFile(tplPath)
	tpl, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	s := bundled(t, "BAS1219-002v4")
	ov := &jobdesc.Overlay{Company: "範例股份有限公司", Include: []string{"T2"}}
	d := Data(s, ov, nil)
	SetBrand(d, "範例", "", "", logo)
	out, err := tpl.Fill(d)
	if err != nil {
		t.Fatal(err)
	}
	outPath := filepath.Join(dir, "out.docx")
	os.WriteFile(outPath, out, 0o644)
	read := `
import sys, json
from docx import Document
d = Document(sys.argv[1])
paras = [(p.style.name, p.text, [(r.text, bool(r.bold), bool(r.italic)) for r in p.runs]) for p in d.paragraphs]
rows = [[c.text for c in r.cells] for r in d.tables[0].rows]
print(json.dumps({"paras": paras, "rows": rows, "header": d.sections[0].header.paragraphs[0].text,
  "pics": len(d.inline_shapes)}, ensure_ascii=False))
`
	res, err := exec.Command(py, "-c", read, outPath).Output()
	if err != nil {
		t.Fatalf("python-docx could not read the filled document: %v", err)
	}
	var got struct {
		Paras  [][]any
		Rows   [][]string
		Header string
		Pics   int
	}
	if err := json.Unmarshal(res, &got); err != nil {
		t.Fatal(err)
	}
	if got.Header != "範例股份有限公司" {
		t.Errorf("header %q", got.Header)
	}
	if got.Paras[0][0] != "Heading 1" || got.Paras[0][1] != "企劃人員" {
		t.Errorf("first paragraph %v: want the Heading 1 style kept and the occupation", got.Paras[0])
	}
	// The occupation takes the formatting of the run its tag started in
	// (plain), not the italic of the run that held its end.
	for _, r := range got.Paras[0][2].([]any) {
		run := r.([]any)
		if run[0] == "企劃人員" && run[2] == true {
			t.Error("the value took the formatting of the tag's second run")
		}
	}
	if got.Paras[1][1] != "代碼：BAS1219-002v4" {
		t.Errorf("second paragraph %q", got.Paras[1][1])
	}
	// Only the duty the overlay includes (T2: its three tasks, level 3).
	want := [][]string{{"任務", "級別"}, {"T2.1 統籌及協調資源", "3"}, {"T2.2 管控企劃案執行", "3"}, {"T2.3 完成結案報告", "3"}}
	if g, w := jsonOf(got.Rows), jsonOf(want); g != w {
		t.Errorf("table rows %s, want %s", g, w)
	}
	if got.Pics != 1 {
		t.Errorf("%d pictures, want the logo", got.Pics)
	}

	// LibreOffice opens the filled document and prints what it says.
	soffice := testtool.Path(t, "soffice", "libreoffice-writer-nogui")
	pdftotext := testtool.Path(t, "pdftotext", "poppler-utils")
	c := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")), "--headless", "--convert-to", "pdf", "--outdir", dir, outPath)
	c.Env = append(os.Environ(), "HOME="+dir)
	if b, err := c.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	text, err := exec.Command(pdftotext, filepath.Join(dir, "out.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"企劃人員", "BAS1219-002v4", "T2.2 管控企劃案執行", "範例股份有限公司"} {
		if !strings.Contains(string(text), w) {
			t.Errorf("LibreOffice's PDF lacks %s", w)
		}
	}
	if strings.Contains(string(text), "T1.1") {
		t.Error("a task the overlay does not cover was printed")
	}
}

func jsonOf(v any) string { b, _ := json.Marshal(v); return string(b) }

// The example templates fill for a bundled standard with what its source
// says (expectations from the standard's TOML text, not from this code).
func TestExampleTemplates(t *testing.T) {
	s := bundled(t, "THM2431-001v1")
	for _, c := range []struct {
		file string
		want []string
	}{
		{"job-description.docx", []string{"職務說明書", "行銷業務專員", "T1.1 和顧客有效溝通", "T1 人際溝通與協調", "K01　有效的溝通策略和技巧"}},
		{"assessment-record.docx", []string{"行銷業務專員 職能評量紀錄", "T1.1 和顧客有效溝通（職能級別 3）", "P1.1.1 辨識使用合宜的溝通策略【註1】。", "王小明"}},
	} {
		data, err := os.ReadFile(filepath.Join("..", "examples", "templates", c.file))
		if err != nil {
			t.Fatal(err)
		}
		tpl, err := Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		out, err := tpl.Fill(Data(s, nil, &assessment.Candidate{Name: "王小明", ID: "A001"}))
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		body := strings.Join(texts(t, part(t, out, "word/document.xml")), "\n")
		for _, w := range c.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: filled document lacks %q", c.file, w)
			}
		}
		if strings.Contains(body, "{{") {
			t.Errorf("%s: a tag was left in the output", c.file)
		}
	}
}
