package pdfw

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/fonts"
)

func TestStructTree(t *testing.T) {
	set, err := fonts.DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	f := trueType(t, set.Regular, "標題甲乙丙丁表頭續")
	d := New(Info{Title: "結構", Lang: "zh-TW"})
	d.Tree = NewTree("Document")
	h := d.Tree.Root.Add("H1")
	tbl := d.Tree.Root.Add("Table")
	tr := tbl.Add("THead").Add("TR")
	th := tr.Add("TH")
	th.Scope, th.ColSpan = "Column", 2
	body := tbl.Add("TBody").Add("TR")
	td1 := body.Add("TD")
	td1.RowSpan = 2
	td2 := body.Add("TD")
	name := d.AddFont(f)
	// Page 1: the heading, the header and the first cells; page 2 the
	// repeated header (an artifact) and the rest of the first cell.
	show := func(c *Content, e *Elem, page int, y float64, s string) {
		c.Tag(e.Type, d.Tree.Mark(e, page))
		c.Text(name, 12, 72, y, 0, f.Encode(nil, s))
		c.End()
	}
	c := NewContent()
	show(c, h, 0, 800, "標題")
	show(c, th, 0, 780, "表頭")
	show(c, td2, 0, 760, "乙")
	show(c, td1, 0, 760, "甲")
	c.Artifact("Layout")
	c.Frame(70, 700, 100, 100, 0.5)
	c.End()
	d.AddPage(595.28, 841.89, c)
	c = NewContent()
	c.Artifact("Layout")
	c.Text(name, 12, 72, 800, 0, f.Encode(nil, "表頭"))
	c.End()
	show(c, td1, 1, 780, "丙丁")
	d.AddPage(595.28, 841.89, c)
	pdf := d.Bytes()

	got := run(t, pdf, "pdfinfo", "-struct-text")
	want := `Document
  H1 (block)
    "標題"
  Table (block)
    THead
      TR
        TH:
           /ColSpan 2
           /Scope /Column
          "表頭"
    TBody
      TR
        TD:
           /RowSpan 2
          "甲"
          "丙丁"
        TD
          "乙"
`
	if got != want {
		t.Errorf("pdfinfo -struct-text gives\n%s\nwant\n%s", got, want)
	}
	if info := run(t, pdf, "pdfinfo"); !strings.Contains(info, "Tagged:          yes") {
		t.Errorf("pdfinfo does not see a tagged PDF:\n%s", info)
	}
	if out := run(t, pdf, "qpdf", "--check"); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	plain := run(t, pdf, "qpdf", "--qdf", "--object-streams=disable", "{}", "-")
	for _, want := range []string{"/Marked true", "/DisplayDocTitle true", "/Lang (zh-TW)", "/StructParents 1", "<pdfuaid:part>1</pdfuaid:part>"} {
		if !strings.Contains(plain, want) {
			t.Errorf("the PDF lacks %s", want)
		}
	}
}

func TestOutline(t *testing.T) {
	d := New(Info{})
	for range 3 {
		d.AddPage(595.28, 841.89, NewContent())
	}
	d.Outline = []*Bookmark{
		{Title: "王小明", Page: 0, Y: 800, Kids: []*Bookmark{{Title: "封面", Page: 0, Y: 800}, {Title: "檢核表", Page: 1, Y: 700}}},
		{Title: "李美華 (B)", Page: 2, Y: 800, Closed: true, Kids: []*Bookmark{{Title: "封面", Page: 2, Y: 790}}},
	}
	var got struct {
		Outlines []struct {
			Title string `json:"title"`
			Page  int    `json:"destpageposfrom1"`
			Kids  []struct {
				Title string `json:"title"`
				Page  int    `json:"destpageposfrom1"`
			} `json:"kids"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(run(t, d.Bytes(), "qpdf", "--json", "--json-key=outlines")), &got); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, o := range got.Outlines {
		b.WriteString(o.Title + " " + string(rune('0'+o.Page)) + "\n")
		for _, k := range o.Kids {
			b.WriteString("  " + k.Title + " " + string(rune('0'+k.Page)) + "\n")
		}
	}
	want := "王小明 1\n  封面 1\n  檢核表 2\n李美華 (B) 3\n  封面 3\n"
	if b.String() != want {
		t.Errorf("outline:\n%s\nwant\n%s", b.String(), want)
	}
}

func TestImagesAndLinks(t *testing.T) {
	m := image.NewNRGBA(image.Rect(0, 0, 4, 3))
	for i := range m.Pix {
		m.Pix[i] = byte(i * 7)
	}
	m.SetNRGBA(0, 0, color.NRGBA{255, 0, 0, 0}) // transparent: a soft mask
	var pngData, jpgData bytes.Buffer
	if err := png.Encode(&pngData, m); err != nil {
		t.Fatal(err)
	}
	if err := jpeg.Encode(&jpgData, m, nil); err != nil {
		t.Fatal(err)
	}
	p, err := NewPNG(pngData.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	j, err := NewJPEG(jpgData.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewPNG([]byte("not a png")); err == nil {
		t.Error("junk was read as a PNG")
	}
	d := New(Info{})
	c := NewContent()
	c.Image(d.AddImage(p), 72, 700, 40, 30)
	c.Image(d.AddImage(j), 172, 700, 40, 30)
	d.AddPage(595.28, 841.89, c, Link{X: 72, Y: 700, W: 40, H: 30, URI: "https://icap.wda.gov.tw/", Alt: "iCAP"})
	pdf := d.Bytes()
	list := run(t, pdf, "pdfimages", "-list")
	for _, want := range []string{"image       4     3  rgb     3   8  image", "smask       4     3  gray    1   8  image", "image       4     3  rgb     3   8  jpeg"} {
		if !strings.Contains(list, want) {
			t.Errorf("pdfimages -list lacks %q:\n%s", want, list)
		}
	}
	if plain := run(t, pdf, "qpdf", "--qdf", "--object-streams=disable", "{}", "-"); !strings.Contains(plain, "/URI (https://icap.wda.gov.tw/)") {
		t.Error("the link annotation is missing")
	}
	if out := run(t, pdf, "qpdf", "--check"); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

func TestDeterministic(t *testing.T) {
	set, err := fonts.DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	make := func() []byte {
		f := trueType(t, set.Regular, "同樣的輸入")
		d := lines(t, true, line{f, "同樣的輸入"})
		d.Outline = []*Bookmark{{Title: "同樣", Y: 800}}
		return d.Bytes()
	}
	if a, b := make(), make(); !bytes.Equal(a, b) {
		t.Error("the same document gave different bytes")
	}
}
