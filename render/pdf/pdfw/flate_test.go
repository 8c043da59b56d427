package pdfw

import (
	"compress/zlib"
	"fmt"
	"testing"
)

// sampleContent is a page of table text as the layout draws it: a few
// hundred positioned strings of two-byte codes, rules and fills.
func sampleContent() []byte {
	c := NewContent()
	for row := range 40 {
		y := 800 - 18*float64(row)
		c.Tag("TD", row)
		for col := range 6 {
			codes := make([]byte, 0, 24)
			for k := range 12 {
				codes = append(codes, byte(row), byte(col*12+k))
			}
			c.Text("F2", 10, 60+80*float64(col), y, 0, codes)
		}
		c.End()
		c.Artifact("Layout")
		c.Frame(56.69, y-4, 481.89, 18, 0.57)
		c.End()
	}
	return c.Bytes()
}

// BenchmarkDeflate compares zlib levels on page content: the measurement
// behind levelContent.
func BenchmarkDeflate(b *testing.B) {
	data := sampleContent()
	for _, level := range []int{zlib.BestSpeed, 3, 5, zlib.DefaultCompression} {
		b.Run(fmt.Sprintf("level%d", level), func(b *testing.B) {
			size := 0
			for b.Loop() {
				size = len(deflate(data, level))
			}
			b.ReportMetric(float64(size), "bytes")
			b.ReportMetric(float64(len(data)), "in")
		})
	}
}
