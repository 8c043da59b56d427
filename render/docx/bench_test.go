package docx

import (
	"testing"

	"github.com/ocs-project/ocs/render"
)

// BenchmarkDocumentDOCX renders a synthetic standard-sized document: the
// key-value header, a main table of 60 task rows (12 duties of 5 tasks, the
// duty cells and some level/K/S cells spanning rows), notes, lists, the
// attitude matrix and an assessment form section. "unique" gives every
// cell text of its own, as a real standard has (the sample repeats a few
// sentences, which compresses better). It reports the file size as
// bytes/doc.
func BenchmarkDocumentDOCX(b *testing.B) {
	for _, c := range []struct {
		name string
		doc  *render.Document
	}{
		{"sample", sampleDocument(12, 5)},
		{"unique", uniqueText(sampleDocument(12, 5))},
	} {
		b.Run(c.name, func(b *testing.B) {
			size := 0
			b.ReportAllocs()
			for b.Loop() {
				out, err := Render(c.doc, Options{})
				if err != nil {
					b.Fatal(err)
				}
				size = len(out)
			}
			b.ReportMetric(float64(size), "bytes/doc")
		})
	}
}

// uniqueText replaces the Han characters of every table cell with a
// deterministic pseudo-random sequence of common characters, keeping the
// lengths, so that no sentence repeats.
func uniqueText(d *render.Document) *render.Document {
	seed := uint32(1)
	next := func() rune {
		seed = seed*1664525 + 1013904223
		return 0x4E00 + rune(seed>>8)%3500 // the first CJK block's commoner start
	}
	for _, b := range d.Blocks {
		t, ok := b.(*render.Table)
		if !ok {
			continue
		}
		for r := range t.Rows {
			for c := range t.Rows[r].Cells {
				for p := range t.Rows[r].Cells[c].Paras {
					runs := t.Rows[r].Cells[c].Paras[p].Runs
					for k := range runs {
						rs := []rune(runs[k].Text)
						for i, x := range rs {
							if x >= 0x4E00 && x <= 0x9FFF {
								rs[i] = next()
							}
						}
						runs[k].Text = string(rs)
					}
				}
			}
		}
	}
	return d
}
