package pdfw

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"testing"

	"github.com/ocs-project/ocs/fonts"
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
// behind levelLarge.
func BenchmarkDeflate(b *testing.B) {
	data := sampleContent()
	for _, level := range []int{zlib.BestSpeed, 5, zlib.DefaultCompression, 7, 8, 9} {
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

func TestDeflateGlyphs(t *testing.T) {
	// The pieces make one valid zlib stream of the whole font, and two
	// subsets that differ in one character share most compressed runs.
	set, err := fonts.DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	var base []rune // 1500 characters, some 6 runs of glyphs
	for r := rune(0x4E00); len(base) < 1500; r++ {
		if set.Regular.Has(r) && r != '王' && r != '李' {
			base = append(base, r)
		}
	}
	a, err := set.Regular.Subset(append(base, '王'))
	if err != nil {
		t.Fatal(err)
	}
	b, err := set.Regular.Subset(append(base, '李'))
	if err != nil {
		t.Fatal(err)
	}
	for _, sub := range []*fonts.Face{a, b} {
		z := deflateGlyphs(sub.Data)
		r, err := zlib.NewReader(bytes.NewReader(z))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("reading the stream back: %v", err)
		}
		if !bytes.Equal(got, sub.Data) {
			t.Fatalf("the stream holds %d bytes, not the font's %d", len(got), len(sub.Data))
		}
		if again := deflateGlyphs(sub.Data); !bytes.Equal(again, z) {
			t.Error("compressing the same font again gave other bytes")
		}
	}
	glyf, size, _ := sfntRecord(a.Data, "glyf")
	if cuts := glyphEnds(a.Data, glyf, size); len(cuts) < 2 || cuts[len(cuts)-1] > size {
		t.Errorf("runs end at %v in a glyf table of %d bytes", cuts, size)
	}
}

// BenchmarkFontProgram compresses the font programs of a batch of
// subsets that differ in one character (a candidate's name), whole and
// in runs of glyphs (deflateGlyphs).
func BenchmarkFontProgram(b *testing.B) {
	set, err := fonts.DefaultSet()
	if err != nil {
		b.Fatal(err)
	}
	var base, extra []rune
	for r := rune(0x4E00); len(base) < 600; r += 7 {
		if set.Regular.Has(r) {
			base = append(base, r)
		}
	}
	for r := rune(0x4E01); len(extra) < 64; r += 97 {
		if set.Regular.Has(r) {
			extra = append(extra, r)
		}
	}
	var subs [][]byte
	for _, r := range extra {
		s, err := set.Regular.Subset(append(base, r))
		if err != nil {
			b.Fatal(err)
		}
		subs = append(subs, s.Data)
	}
	for _, tc := range []struct {
		name string
		fn   func([]byte) []byte
	}{
		{"whole", func(d []byte) []byte { return deflate(d, levelLarge) }},
		{"runs", deflateGlyphs},
	} {
		b.Run(tc.name, func(b *testing.B) {
			i, size := 0, 0
			for b.Loop() {
				size = len(tc.fn(subs[i%len(subs)]))
				i++
			}
			b.ReportMetric(float64(size), "bytes")
		})
	}
}

func TestDeflateIsZlib(t *testing.T) {
	// Every level gives a zlib stream that compress/zlib reads back whole
	// (it checks the header's check bits and the Adler-32 of the data),
	// with the header compress/zlib itself writes at that level, from a
	// fresh writer and from one of the pool.
	for _, data := range [][]byte{nil, []byte("BT /F1 9 Tf ET\n"), sampleContent()} {
		for level := -1; level <= 9; level++ {
			var ref bytes.Buffer
			w, err := zlib.NewWriterLevel(&ref, level)
			if err != nil {
				t.Fatal(err)
			}
			w.Close()
			for range 2 {
				z := deflate(data, level)
				if !bytes.Equal(z[:2], ref.Bytes()[:2]) {
					t.Errorf("level %d: header % x, compress/zlib writes % x", level, z[:2], ref.Bytes()[:2])
				}
				r, err := zlib.NewReader(bytes.NewReader(z))
				if err != nil {
					t.Fatalf("level %d: %v", level, err)
				}
				got, err := io.ReadAll(r)
				if err != nil || !bytes.Equal(got, data) {
					t.Fatalf("level %d, %d bytes: read back %d bytes, %v", level, len(data), len(got), err)
				}
			}
		}
	}
}

func TestCompressFallsBack(t *testing.T) {
	// A program compressor that panics on a font it cannot read leaves
	// the program compressed whole instead.
	data := []byte("a font program a reader cannot parse")
	f := &Font{}
	f.compress(data, func([]byte) []byte { panic("unreadable") })
	<-f.ready
	r, err := zlib.NewReader(bytes.NewReader(f.program))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	if err != nil || !bytes.Equal(got, data) {
		t.Errorf("the program reads back as %q, %v; want %q", got, err, data)
	}
}
