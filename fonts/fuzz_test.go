package fonts

import (
	"bytes"
	"encoding/binary"
	"os"
	"testing"
)

// FuzzParseFile feeds damaged fonts and collections to the loader:
// TrueType, OpenType/CFF and collections, whole, truncated and with
// face indexes past the end. It must return an error or a usable face,
// never panic, and a usable face must give its metrics and program.
func FuzzParseFile(f *testing.F) {
	tiny := testFont{family: "Fuzz", chars: []rune{'A', '中', 0x20000}}.build()
	otf, err := os.ReadFile(tinyCFF)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(tiny, 0)
	f.Add(collection(tiny, tiny), 1)
	f.Add(tiny[:len(tiny)/2], 0)
	f.Add([]byte("ttcf\x00\x01\x00\x00\xff\xff\xff\xff"), 3)
	f.Add(otf, 0)
	f.Add(otf[:len(otf)-100], 0)
	f.Add(otf[:300], 0)
	f.Add(collection(tiny, otf), 1)
	f.Add(collection(otf, otf)[:500], 1)
	f.Add([]byte("OTTO\x00\x01\x00\x00\x00\x00\x00\x00"), 0)
	f.Fuzz(func(t *testing.T, data []byte, index int) {
		taiwanFace(data)
		face, err := ParseFile("fuzz.ttf", data, index)
		if err != nil {
			return
		}
		face.Has('A')
		face.Has(0x20000)
		if face.Name == "" {
			t.Error("a face without a name was accepted")
		}
		if m, err := face.Metrics(); err == nil {
			m.Advance(m.Glyph('中'))
		}
		if p, err := face.Program(); err == nil {
			p.CID(1)
		}
		if !face.CFF() {
			face.Subset([]rune{'A', '中'})
		}
	})
}

// FuzzReadCFF feeds damaged CFF tables, CID-keyed in each charset format
// and name-keyed, to the CFF reader: an error or CIDs, never a panic.
func FuzzReadCFF(f *testing.F) {
	for format := range 3 {
		f.Add(cidCFF(4, format), 4)
	}
	f.Add(cidCFF(3, 2)[:40], 3)
	f.Fuzz(func(t *testing.T, data []byte, n int) {
		info, err := readCFF(data, n)
		if err == nil && info.cidKeyed && len(info.cids) != n {
			t.Errorf("%d CIDs for %d glyphs", len(info.cids), n)
		}
	})
}

// FuzzSubsetCFF: no input makes SubsetCFF panic, and what it returns
// reads back as a CFF table with as many CharStrings as it has glyphs.
func FuzzSubsetCFF(f *testing.F) {
	p := tinyProgram(f)
	f.Add(p.Table, []byte{2})
	f.Add(p.Table, []byte{1, 2})
	for format := range 3 {
		f.Add(cidCFF(4, format), []byte{3})
	}
	f.Fuzz(func(t *testing.T, data []byte, keep []byte) {
		gids := make([]int, len(keep))
		for i, k := range keep {
			gids[i] = int(k)
		}
		out, err := subsetCFF(data, gids)
		if err != nil {
			return
		}
		_, at, err := cffIndex(out, int(out[2]))
		if err == nil {
			_, _, err = cffIndex(out, at)
		}
		if err != nil {
			t.Fatalf("the subset does not read back: %v", err)
		}
	})
}

// FuzzShrinkGlyph: no glyph data makes shrinkGlyph panic, it gives what
// reading the points and writing them again gives, and a glyph it
// shrinks reads back with as many points.
func FuzzShrinkGlyph(f *testing.F) {
	def, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	m, err := def.Metrics()
	if err != nil {
		f.Fatal(err)
	}
	for _, r := range "行銷業A" {
		g, err := m.g.outline(m.Glyph(r))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(g, 4)
	}
	f.Fuzz(func(t *testing.T, g []byte, k int) {
		if k < 1 || k > 8 {
			return
		}
		out, err := shrinkGlyph(g, k)
		plain, errPlain := shrinkSlices(g, k)
		if (err == nil) != (errPlain == nil) || !bytes.Equal(out, plain) {
			t.Fatalf("shrinkGlyph gave %x, %v; read into points and written again %x, %v", out, err, plain, errPlain)
		}
		if err != nil || len(out) == 0 || int16(binary.BigEndian.Uint16(out)) < 0 {
			return
		}
		_, a, err1 := readSimple(g)
		_, b, err2 := readSimple(out)
		if err1 != nil || err2 != nil || len(a) != len(b) {
			t.Fatalf("shrunk glyph: %v, %v, %d points from %d", err1, err2, len(b), len(a))
		}
	})
}

// FuzzTablesForPDF: no font file makes TablesForPDF panic, and what it
// returns is a font file whose tables lie inside it and whose checksum
// is right.
func FuzzTablesForPDF(f *testing.F) {
	def, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	sub, err := def.Subset([]rune("職能A"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sub.Data)
	f.Add(compositeFont(0, false))
	f.Add(testFont{family: "Fuzz", chars: []rune{'A', '中'}}.build())
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := TablesForPDF(data)
		if err != nil {
			return
		}
		if _, err := readDirectory(out, 0); err != nil {
			t.Fatalf("the PDF program does not read back: %v", err)
		}
		if s := checksum(out); s != 0xB1B0AFBA {
			t.Fatalf("file checksum %#x; want 0xB1B0AFBA", s)
		}
	})
}
