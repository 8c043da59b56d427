package docx

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/internal/testtool"
	"github.com/ocs-project/ocs/render"
)

// zipOf packs name → content into a zip archive.
func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(data))
	}
	zw.Close()
	return buf.Bytes()
}

const refRels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`

// handReference is a reference document written by hand: US Letter,
// its own Normal and Title styles, a header with a picture and a footer;
// the header also points at parts it must not be able to replace.
func handReference(t *testing.T) []byte {
	return zipOf(t, map[string]string{
		"word/styles.xml": `<?xml version="1.0"?><w:styles xmlns:w="` + nsW + `">` +
			`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:rFonts w:eastAsia="微軟正黑體"/><w:sz w:val="21"/></w:rPr></w:style>` +
			`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:rPr><w:color w:val="1F4E79"/></w:rPr></w:style></w:styles>`,
		"word/document.xml": `<?xml version="1.0"?><w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body><w:p><w:r><w:t>範本內文</w:t></w:r></w:p>` +
			`<w:sectPr><w:headerReference w:type="default" r:id="rId7"/><w:footerReference w:type="default" r:id="rId8"/>` +
			`<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1701" w:right="1134" w:bottom="1418" w:left="1247" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`,
		"word/_rels/document.xml.rels": refRels +
			`<Relationship Id="rId7" Type="` + relBase + `header" Target="header1.xml"/>` +
			`<Relationship Id="rId8" Type="` + relBase + `footer" Target="footer1.xml"/></Relationships>`,
		"word/header1.xml": `<?xml version="1.0"?><w:hdr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:r><w:t>範例股份有限公司</w:t></w:r></w:p></w:hdr>`,
		"word/_rels/header1.xml.rels": refRels +
			`<Relationship Id="rId1" Type="` + relBase + `image" Target="media/logo.png"/>` +
			`<Relationship Id="rId2" Type="` + relBase + `styles" Target="styles.xml"/>` +
			`<Relationship Id="rId3" Type="` + relBase + `image" Target="../../evil.png"/>` +
			`<Relationship Id="rId4" Type="` + relBase + `hyperlink" Target="https://example.com/" TargetMode="External"/></Relationships>`,
		"word/footer1.xml":    `<?xml version="1.0"?><w:ftr xmlns:w="` + nsW + `"><w:p><w:r><w:t>本文件僅供內部使用</w:t></w:r></w:p></w:ftr>`,
		"word/media/logo.png": "\x89PNG fake",
		"evil.png":            "outside word/",
	})
}

func refDoc() *render.Document {
	d := embedDoc()
	d.Blocks = append(d.Blocks, &render.Table{
		Widths: []float64{1, 2},
		Rows:   []render.Row{{Cells: []render.Cell{{Paras: []render.Paragraph{{Runs: []render.Run{{Text: "T1"}}}}}, {Paras: []render.Paragraph{{Runs: []render.Run{{Text: "人際溝通與協調"}}}}}}}},
	})
	return d
}

func TestReference(t *testing.T) {
	ref, err := ParseReference(handReference(t))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Render(refDoc(), Options{Reference: ref})
	if err != nil {
		t.Fatal(err)
	}
	names, parts := unzipParts(t, out)
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			t.Errorf("part %s written twice", n)
		}
		seen[n] = true
	}
	for _, want := range []string{"word/refheader.xml", "word/_rels/refheader.xml.rels", "word/reffooter.xml", "word/media/logo.png"} {
		if !seen[want] {
			t.Errorf("no part %s in %v", want, names)
		}
	}
	if seen["evil.png"] || seen["word/footer1.xml"] {
		t.Errorf("parts outside word/media came along, or ocs's footer is still written: %v", names)
	}
	styles := parts["word/styles.xml"]
	for _, want := range []string{`<w:rFonts w:eastAsia="微軟正黑體"/>`, `<w:color w:val="1F4E79"/>`, `w:styleId="TableText"`, `w:styleId="TableGrid"`, `w:styleId="Heading1"`} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
	if n := strings.Count(styles, `w:styleId="Normal"`); n != 1 {
		t.Errorf("Normal defined %d times, want once (the reference's)", n)
	}
	doc := parts["word/document.xml"]
	for _, want := range []string{`<w:headerReference w:type="default" r:id="rIdRefHeader"/>`, `<w:footerReference w:type="default" r:id="rIdRefFooter"/>`,
		`<w:pgSz w:w="12240" w:h="15840"/>`, `w:top="1701" w:right="1134" w:bottom="1418" w:left="1247" w:header="567" w:footer="567"`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if strings.Contains(doc, "範本內文") {
		t.Error("the reference's own text came along")
	}
	if ct := parts["[Content_Types].xml"]; !strings.Contains(ct, `<Default Extension="png" ContentType="image/png"/>`) ||
		!strings.Contains(ct, `<Override PartName="/word/refheader.xml" ContentType="`+typeBase+`header+xml"/>`) {
		t.Errorf("content types: %s", ct)
	}
	// Landscape documents turn the reference's page.
	d := refDoc()
	d.Page.Landscape = true
	out, _ = Render(d, Options{Reference: ref})
	_, parts = unzipParts(t, out)
	if !strings.Contains(parts["word/document.xml"], `<w:pgSz w:w="15840" w:h="12240" w:orient="landscape"/>`) {
		t.Error("a landscape document did not turn the reference's page")
	}
}

func TestReferenceErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"not a zip", []byte("%PDF-1.7"), "not a Word file"},
		{"no styles", zipOf(t, map[string]string{"word/document.xml": "<w:document/>"}), "has no styles"},
		{"bad document", zipOf(t, map[string]string{"word/styles.xml": "<w:styles></w:styles>", "word/document.xml": "<w:document><w:body>"}), "document.xml"},
	} {
		if _, err := ParseReference(c.data); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.name, err, c.want)
		}
	}
}

// A reference made with python-docx, read back with python-docx: the
// output has its page, margins, header, footer and styles.
func TestReferenceReadBack(t *testing.T) {
	py := testtool.PythonDocx(t)
	dir := t.TempDir()
	refPath := filepath.Join(dir, "ref.docx")
	outPath := filepath.Join(dir, "out.docx")
	make := `
import sys
from docx import Document
from docx.shared import Pt, Mm, RGBColor
d = Document()
s = d.sections[0]
s.page_width, s.page_height = Mm(215.9), Mm(279.4)
s.top_margin, s.bottom_margin, s.left_margin, s.right_margin = Mm(30), Mm(25), Mm(22), Mm(18)
d.styles['Normal'].font.size = Pt(11)
d.styles['Heading 1'].font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
s.header.paragraphs[0].text = '範例股份有限公司 人力資源部'
s.footer.paragraphs[0].text = '本文件僅供內部使用'
d.add_paragraph('範本內文')
d.save(sys.argv[1])
`
	if out, err := exec.Command(py, "-c", make, refPath).CombinedOutput(); err != nil {
		t.Fatalf("python-docx could not make the reference: %v\n%s", err, out)
	}
	data, _ := os.ReadFile(refPath)
	ref, err := ParseReference(data)
	if err != nil {
		t.Fatal(err)
	}
	d := refDoc()
	d.Blocks = append([]render.Block{&render.Heading{Level: 1, Runs: []render.Run{{Text: "職能基準"}}}}, d.Blocks...)
	out, err := Render(d, Options{Reference: ref})
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(outPath, out, 0o644)
	read := `
import sys, json
from docx import Document
d = Document(sys.argv[1])
s = d.sections[-1]
print(json.dumps({
  "w": s.page_width.mm, "h": s.page_height.mm, "top": s.top_margin.mm, "left": s.left_margin.mm,
  "header": s.header.paragraphs[0].text, "footer": s.footer.paragraphs[0].text,
  "normal": d.styles['Normal'].font.size.pt,
  "h1color": str(d.styles['Heading 1'].font.color.rgb),
  "text": [p.text for p in d.paragraphs],
}))
`
	res, err := exec.Command(py, "-c", read, outPath).Output()
	if err != nil {
		t.Fatalf("python-docx could not read the output: %v", err)
	}
	var got struct {
		W, H, Top, Left float64
		Header, Footer  string
		Normal          float64
		H1color         string
		Text            []string
	}
	if err := json.Unmarshal(res, &got); err != nil {
		t.Fatalf("%v: %s", err, res)
	}
	near := func(a, b float64) bool { return a-b < 0.2 && b-a < 0.2 }
	if !near(got.W, 215.9) || !near(got.H, 279.4) || !near(got.Top, 30) || !near(got.Left, 22) {
		t.Errorf("page %.1f×%.1f mm, top %.1f, left %.1f; want the reference's Letter page, 30 and 22 mm", got.W, got.H, got.Top, got.Left)
	}
	if got.Header != "範例股份有限公司 人力資源部" || got.Footer != "本文件僅供內部使用" {
		t.Errorf("header %q, footer %q", got.Header, got.Footer)
	}
	if got.Normal != 11 || got.H1color != "1F4E79" {
		t.Errorf("Normal %v pt, Heading 1 colour %s; want the reference's 11 pt and 1F4E79", got.Normal, got.H1color)
	}
	if strings.Contains(strings.Join(got.Text, "|"), "範本內文") || !strings.Contains(strings.Join(got.Text, "|"), "職能基準") {
		t.Errorf("paragraphs: %q", got.Text)
	}
}
