package pdf

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
)

// BenchmarkReadPDF reads THM2431-001v1 as made by each engine.
func BenchmarkReadPDF(b *testing.B) {
	for _, engine := range engines {
		b.Run(engine, func(b *testing.B) {
			data := corpusPDF(b, engine, "THM2431-001v1")
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				if _, err := Read(context.Background(), data, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}

// manyPages is a PDF of n pages, each showing the hand-made table.
func manyPages(n int) []byte {
	kids := ""
	for i := range n {
		kids += fmt.Sprintf("%d 0 R ", 8+i)
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [" + kids + "] /Count " + fmt.Sprint(n) + " >>",
		"<< /Font << /F1 5 0 R >> >>",
		"<< /Length LEN >>\nstream\n" + strings.Repeat(gridTable, 10),
	}
	objs = append(objs, cidObjs...)
	for range n {
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 3 0 R /Contents 4 0 R >>")
	}
	return mkpdf(objs...)
}

// BenchmarkReadPages shows the time per page staying flat as pages grow.
func BenchmarkReadPages(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		data := manyPages(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				doc, err := Read(context.Background(), data, Options{})
				if err != nil || doc.Pages != n {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/float64(b.N*n), "cpu-µs/page")
		})
	}
}

// FuzzRead feeds Read the hand-made PDFs, the corpus made by ocs and
// broken variants of them. Read must return a document or an error,
// never panic, and a document must be well formed.
func FuzzRead(f *testing.F) {
	good := onePage(cidFont, gridTable, cidObjs...)
	seeds := [][]byte{good, mkpdf(), mkpdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] >>")}
	for _, code := range codes {
		seeds = append(seeds, corpusPDF(f, "ocs", code))
	}
	for _, s := range seeds[:1] {
		for _, cut := range []int{len(s) / 3, len(s) / 2, len(s) - 10} {
			seeds = append(seeds, append(s[:cut:cut], "\n%%EOF\n"...))
		}
		seeds = append(seeds, bytes.ReplaceAll(s, []byte("endobj"), []byte("endob")))
		seeds = append(seeds, bytes.ReplaceAll(s, []byte(">>"), []byte(">")))
		seeds = append(seeds, bytes.ReplaceAll(s, []byte("4 0 R"), []byte("1 0 R")))
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := read(context.Background(), data, Options{MaxDecompressed: 16 << 20, MaxOperators: 2_000_000})
		if err != nil {
			return
		}
		if doc.Pages < 1 {
			t.Fatalf("a document with %d pages", doc.Pages)
		}
		for _, bl := range doc.Blocks {
			if (bl.Table == nil) == (bl.Line == nil) {
				t.Fatal("a block must be a table or a line")
			}
			if bl.Table == nil {
				continue
			}
			for _, r := range bl.Table.Rows {
				for _, c := range r.Cells {
					if c.ColSpan < 1 || c.RowSpan < 1 || c.Box == nil || c.Page < 1 || c.Page > doc.Pages {
						t.Fatalf("bad cell %+v", c)
					}
				}
			}
		}
	})
}
