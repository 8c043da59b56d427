package docx

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/importer/grid"
	"github.com/ocs-project/ocs/importer/internal/zipfile"
)

// pack returns a .docx holding document.xml with body inside <w:body>.
func pack(t testing.TB, body string) []byte {
	t.Helper()
	return packRaw(t, map[string]string{"word/document.xml": `<?xml version="1.0" encoding="UTF-8"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` + body + `</w:body></w:document>`})
}

func packRaw(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var members [][2]string
	for _, name := range slices.Sorted(maps.Keys(files)) {
		members = append(members, [2]string{name, files[name]})
	}
	data, err := zipfile.Pack(members...)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func p(runs ...string) string {
	return "<w:p><w:r>" + strings.Join(runs, "</w:r><w:r>") + "</w:r></w:p>"
}

func tt(s string) string { return "<w:t xml:space=\"preserve\">" + s + "</w:t>" }

// A table with a column span, a vertical merge, a cell of two paragraphs
// with a line break, a nested table and text outside the table.
func TestRead(t *testing.T) {
	body := p(tt("標題")) +
		`<w:tbl><w:tr>` +
		`<w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr>` + p(tt("A")) + `</w:tc>` +
		`<w:tc>` + p(tt("P1.1.1 x"), "<w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr>"+tt("【註1】")) + p(tt("P1.1.2 y"), "<w:br/>", tt("z")) + `</w:tc>` +
		`</w:tr><w:tr>` +
		`<w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge/></w:tcPr><w:p/></w:tc>` +
		`<w:tc><w:tbl><w:tr><w:tc>` + p(tt("inner")) + `</w:tc></w:tr></w:tbl>` + p(tt("after")) + `</w:tc>` +
		`</w:tr></w:tbl>` +
		p(tt("A01 主動積極"), tt("："), "<w:delText>deleted</w:delText>", tt("定義")) +
		p(`<mc:AlternateContent><mc:Choice>`+tt("選")+`</mc:Choice><mc:Fallback>`+tt("備")+`</mc:Fallback></mc:AlternateContent>`)
	doc, err := Read(pack(t, body))
	if err != nil {
		t.Fatal(err)
	}
	want := []grid.Block{
		{Line: &grid.Line{Text: "標題"}},
		{Table: &grid.Table{Rows: []grid.Row{
			{Cells: []grid.Cell{
				{Text: "A", Col: 0, ColSpan: 2, RowSpan: 1},
				{Text: "P1.1.1 x【註1】\nP1.1.2 y\nz", Col: 2, ColSpan: 1, RowSpan: 1},
			}},
			{Cells: []grid.Cell{
				{Text: "", Col: 0, ColSpan: 2, RowSpan: 1, Continue: true},
				{Text: "inner\nafter", Col: 2, ColSpan: 1, RowSpan: 1},
			}},
		}}},
		{Line: &grid.Line{Text: "A01 主動積極：定義"}},
		{Line: &grid.Line{Text: "選"}},
	}
	if doc.Format != "docx" || doc.Pages != 0 {
		t.Errorf("format %q pages %d", doc.Format, doc.Pages)
	}
	if len(doc.Blocks) != len(want) {
		t.Fatalf("%d blocks, want %d: %+v", len(doc.Blocks), len(want), doc.Blocks)
	}
	for i := range want {
		g, w := doc.Blocks[i], want[i]
		switch {
		case w.Line != nil:
			if g.Line == nil || g.Line.Text != w.Line.Text {
				t.Errorf("block %d: %+v, want line %q", i, g, w.Line.Text)
			}
		default:
			if g.Table == nil || len(g.Table.Rows) != len(w.Table.Rows) {
				t.Fatalf("block %d: %+v, want a table", i, g)
			}
			for r := range w.Table.Rows {
				gc, wc := g.Table.Rows[r].Cells, w.Table.Rows[r].Cells
				if len(gc) != len(wc) {
					t.Fatalf("row %d: %d cells, want %d: %+v", r, len(gc), len(wc), gc)
				}
				for c := range wc {
					if gc[c] != wc[c] {
						t.Errorf("row %d cell %d: %+v, want %+v", r, c, gc[c], wc[c])
					}
				}
			}
		}
	}
}

func TestReadRefuses(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		msg  string
	}{
		{"not a zip", []byte("PK\x03\x04 broken"), "damaged"},
		{"no document.xml", packRaw(t, map[string]string{"x.xml": "<a/>"}), "no word/document.xml"},
		{"malformed XML", packRaw(t, map[string]string{"word/document.xml": "<w:document><w:body>"}), "damaged"},
		{"no text", pack(t, ""), "no text"},
	}
	for _, tt := range tests {
		_, err := Read(tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.msg)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(pack(f, `<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr>`+p(tt("a"))+`</w:tc></w:tr></w:tbl>`))
	f.Add(pack(f, p(tt("x"))))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(data)
		if err != nil {
			return
		}
		for _, b := range doc.Blocks {
			if b.Table == nil {
				continue
			}
			for _, r := range b.Table.Rows {
				for _, c := range r.Cells {
					if c.ColSpan < 1 || c.ColSpan > 1000 || c.Col < 0 {
						t.Fatalf("cell %+v", c)
					}
				}
			}
		}
	})
}
