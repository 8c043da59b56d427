package pdf

import (
	"testing"

	"github.com/ocs-project/ocs/render"
)

// benchDoc is a 7-page CJK table like a standard's main table.
func benchDoc() *render.Document {
	return &render.Document{
		Meta:   render.Meta{Title: "職能基準", Lang: "zh-TW"},
		Footer: render.Footer{Right: "第 {page} 頁／共 {pages} 頁"},
		Blocks: []render.Block{longTable(7, 4, 4)},
	}
}

// BenchmarkTablePDF renders the whole PDF: font parsing, layout,
// subsetting and compression.
func BenchmarkTablePDF(b *testing.B) {
	doc, set := benchDoc(), testSet(b)
	var size int
	for b.Loop() {
		out, err := Render(doc, Options{Fonts: set})
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes/doc")
}

// BenchmarkTableLayout lays the same table out without writing the PDF.
func BenchmarkTableLayout(b *testing.B) {
	doc, set := benchDoc(), testSet(b)
	pages := 0
	for b.Loop() {
		f, err := layoutOnly(doc, Options{Fonts: set})
		if err != nil {
			b.Fatal(err)
		}
		pages = len(f.pages)
	}
	b.ReportMetric(float64(pages), "pages")
}
