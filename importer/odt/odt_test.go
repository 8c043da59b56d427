package odt

import (
	"strings"
	"testing"

	"github.com/ocs-project/ocs/importer/grid"
	"github.com/ocs-project/ocs/importer/internal/zipfile"
)

func pack(t testing.TB, body string) []byte {
	t.Helper()
	return packRaw(t, map[string]string{
		"mimetype": "application/vnd.oasis.opendocument.text",
		"content.xml": `<?xml version="1.0" encoding="UTF-8"?><office:document-content ` +
			`xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
			`xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ` +
			`xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">` +
			`<office:automatic-styles><text:p>not body</text:p></office:automatic-styles>` +
			`<office:body><office:text>` + body + `</office:text></office:body></office:document-content>`,
	})
}

func packRaw(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var members [][2]string
	for _, name := range []string{"mimetype", "content.xml"} {
		if content, ok := files[name]; ok {
			members = append(members, [2]string{name, content})
		}
	}
	data, err := zipfile.Pack(members...)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// The shapes LibreOffice writes: a cell spanning two columns followed by
// its covered cell, a cell spanning two rows with a covered cell below it,
// repeated cells, spaces (text:s), line breaks, spans, a table header row
// group, a footnote (not document text) and a paragraph outside tables.
func TestRead(t *testing.T) {
	body := `<text:p>標題<text:note><text:note-body><text:p>腳註</text:p></text:note-body></text:note></text:p>` +
		`<table:table><table:table-header-rows><table:table-row>` +
		`<table:table-cell table:number-columns-spanned="2"><text:p>代碼</text:p></table:table-cell><table:covered-table-cell/>` +
		`<table:table-cell table:number-rows-spanned="2"><text:p>K01 a<text:line-break/>K02 b</text:p><text:p><text:span>K03</text:span><text:s text:c="2"/>c</text:p></table:table-cell>` +
		`</table:table-row></table:table-header-rows>` +
		`<table:table-row><table:table-cell table:number-columns-repeated="2"><text:p>x</text:p></table:table-cell><table:covered-table-cell/></table:table-row>` +
		`<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="3"/></table:table-row>` +
		`</table:table><text:h>說明與補充事項</text:h>`
	doc, err := Read(pack(t, body))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != "odt" || len(doc.Blocks) != 3 {
		t.Fatalf("format %q, %d blocks: %+v", doc.Format, len(doc.Blocks), doc.Blocks)
	}
	if l := doc.Blocks[0].Line; l == nil || l.Text != "標題" {
		t.Errorf("first line %+v, want 標題", l)
	}
	if l := doc.Blocks[2].Line; l == nil || l.Text != "說明與補充事項" {
		t.Errorf("last line %+v", l)
	}
	rows := doc.Blocks[1].Table.Rows
	want := [][]grid.Cell{
		{{Text: "代碼", Col: 0, ColSpan: 2, RowSpan: 1}, {Text: "K01 a\nK02 b\nK03  c", Col: 2, ColSpan: 1, RowSpan: 2}},
		{{Text: "x", Col: 0, ColSpan: 1, RowSpan: 1}, {Text: "x", Col: 1, ColSpan: 1, RowSpan: 1}},
		{{Col: 0, ColSpan: 1, RowSpan: 1}, {Col: 1, ColSpan: 1, RowSpan: 1}, {Col: 2, ColSpan: 1, RowSpan: 1}},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d (an empty repeated row is kept once): %+v", len(rows), len(want), rows)
	}
	for r := range want {
		if len(rows[r].Cells) != len(want[r]) {
			t.Fatalf("row %d: %+v", r, rows[r].Cells)
		}
		for c := range want[r] {
			if g := rows[r].Cells[c]; g.Text != want[r][c].Text || g.Col != want[r][c].Col ||
				g.ColSpan != want[r][c].ColSpan || g.RowSpan != want[r][c].RowSpan {
				t.Errorf("row %d cell %d: %+v, want %+v", r, c, g, want[r][c])
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
		{"no content.xml", packRaw(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text"}), "no content.xml"},
		{"malformed XML", packRaw(t, map[string]string{"content.xml": "<office:document-content>"}), "damaged"},
		{"no text", pack(t, ""), "no text"},
	}
	for _, tt := range tests {
		_, err := Read(tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.msg)
		}
	}
}

// Repeat counts are bounded: a hostile file cannot make a huge grid, and
// what is over the bound is an error, not silently dropped.
func TestRepeatsBounded(t *testing.T) {
	row := `<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="1000000"><text:p>x</text:p></table:table-cell></table:table-row>`
	_, err := Read(pack(t, `<table:table>`+strings.Repeat(row, 20)+`</table:table>`))
	if err == nil || !strings.Contains(err.Error(), "table cells") {
		t.Errorf("error %v, want one about too many cells", err)
	}
	doc, err := Read(pack(t, `<table:table>`+row+`</table:table>`))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(doc.Blocks[0].Table.Rows); n != 100 {
		t.Errorf("%d rows, want the repeat capped at 100", n)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(pack(f, `<table:table><table:table-row><table:table-cell table:number-rows-spanned="2"><text:p>a</text:p></table:table-cell></table:table-row></table:table>`))
	f.Add(pack(f, `<text:p>x<text:s text:c="3"/>y</text:p>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(data)
		if err != nil {
			return
		}
		for _, b := range doc.Blocks {
			if (b.Line == nil) == (b.Table == nil) {
				t.Fatal("a block must be a line or a table")
			}
		}
	})
}
