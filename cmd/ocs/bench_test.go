package main

import (
	"testing"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/render/docx"
	"github.com/ocs-project/ocs/render/pdf"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/standards"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/table"
)

// benchStandard builds the official standard table of the bundled
// THM2431-001v1, the document the benchmarks encode.
func benchStandard(b *testing.B) *render.Document {
	b.Helper()
	data, name, err := standards.Open("THM2431-001v1")
	if err != nil {
		b.Fatal(err)
	}
	s, err := standard.Parse(name, data)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := table.Standard(s, templates.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// benchEncode times one backend on the standard table and reports the
// size of what it writes.
func benchEncode(b *testing.B, encode func(*render.Document) ([]byte, error)) {
	doc := benchStandard(b)
	size := 0
	for b.Loop() {
		out, err := encode(doc)
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes/doc")
}

// BenchmarkStandardPDF encodes the THM2431 standard table as PDF: layout,
// font subsetting and compression.
func BenchmarkStandardPDF(b *testing.B) {
	benchEncode(b, func(d *render.Document) ([]byte, error) { return pdf.Render(d, pdf.Options{}) })
}

// BenchmarkStandardDOCX encodes the THM2431 standard table as DOCX.
func BenchmarkStandardDOCX(b *testing.B) {
	benchEncode(b, func(d *render.Document) ([]byte, error) { return docx.Render(d, docx.Options{}) })
}
