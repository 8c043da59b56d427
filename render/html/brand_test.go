package html

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/png"
	"io"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
)

func TestBrand(t *testing.T) {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 4, 2)))
	logo, err := render.LoadImage(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	doc := &render.Document{
		Meta:   render.Meta{Title: "職能基準"},
		Blocks: []render.Block{&render.Heading{Level: 1, Runs: []render.Run{{Text: "職能基準"}}}},
		Brand: &render.Brand{Name: `範例公司</span><script>alert(1)</script>`, Line: "文件編號 A&B", Footer: "臺北市中正區",
			Logo: logo, Color: render.Color{R: 0x1F, G: 0x4E, B: 0x79, Set: true}},
	}
	out, err := Render(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := string(out)
	for _, want := range []string{
		`<header class="brand"><img src="data:image/png;base64,`,
		`<span class="brand-name">範例公司&lt;/span&gt;&lt;script&gt;alert(1)&lt;/script&gt;</span>`,
		`<span class="brand-line">文件編號 A&amp;B</span>`,
		`<footer class="brand-footer">臺北市中正區</footer>`,
		`h1, h2, .s-title { color: #1F4E79; }`,
		`.shade, table.kv th { background: #D2DCE4; }`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(page, "<script>alert") {
		t.Error("the brand name became markup")
	}
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = true
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("branded page is not well-formed: %v", err)
		}
	}
	doc.Brand = nil
	out, _ = Render(doc, Options{})
	if strings.Contains(string(out), "brand") {
		t.Error("an unbranded page mentions the brand")
	}
}
