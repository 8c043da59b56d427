package pdf

import (
	"testing"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/templates/assessment"
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

// BenchmarkRosterPDF renders the THM2431 assessment pack (25 pages) of a
// new candidate each time with one Renderer, as a roster batch does (with
// the blank forms as the template): each name has characters of its own.
func BenchmarkRosterPDF(b *testing.B) {
	s := bundled(b, "THM2431-001v1")
	names := []rune("王李張陳林黃吳劉蔡楊許鄭謝郭洪曾邱廖賴周志明美華雅婷家豪冠宇怡君俊傑淑芬建宏佳穎宗翰欣怡承恩")
	blank, err := assessment.Assessment(s, assessment.AssessmentOptions{}, &assessment.Candidate{})
	if err != nil {
		b.Fatal(err)
	}
	r := NewRenderer(Options{Fonts: testSet(b), Template: blank})
	i, size := 0, 0
	for b.Loop() {
		c := &assessment.Candidate{Name: string([]rune{names[i%20], names[20+i%17], names[20+(i/17)%17]})}
		i++
		doc, err := assessment.Assessment(s, assessment.AssessmentOptions{}, c)
		if err != nil {
			b.Fatal(err)
		}
		out, err := r.Render(doc)
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes/doc")
}
