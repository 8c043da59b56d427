package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/ocs-project/ocs/internal/testtool"
)

// TablesForPDF keeps the tables a PDF reader uses, byte for byte, and
// nothing else, in a file whose checksums are right.
func TestTablesForPDF(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sub, err := def.Subset([]rune("職能基準堃"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := TablesForPDF(sub.Data)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := readDirectory(got, 0)
	if err != nil {
		t.Fatal(err)
	}
	var tags []string
	for _, r := range recs {
		tags = append(tags, r.tag)
	}
	// The subset has no hinting tables: TW-Kai's were dropped when it was made.
	want := []string{"OS/2", "glyf", "head", "hhea", "hmtx", "loca", "maxp"}
	if !slices.Equal(tags, want) {
		t.Errorf("tables %q; want %q", tags, want)
	}
	from, _ := readDirectory(sub.Data, 0)
	for _, r := range recs {
		// TW-Kai's em shrinks (TestShrinkEm); the glyph count stays.
		if r.tag == "maxp" && !bytes.Equal(tableData(got, recs, r.tag), tableData(sub.Data, from, r.tag)) {
			t.Errorf("table %s changed", r.tag)
		}
		data := slices.Clone(tableData(got, recs, r.tag))
		if r.tag == "head" {
			clear(data[8:12]) // the head checksum is taken with checkSumAdjustment 0
		}
		if checksum(data) != r.checksum {
			t.Errorf("table %s: wrong checksum in the directory", r.tag)
		}
	}
	if s := checksum(got); s != 0xB1B0AFBA {
		t.Errorf("file checksum %#x; want 0xB1B0AFBA", s)
	}
	if len(got) >= len(sub.Data)-1000 {
		t.Errorf("%d bytes from %d; want over 1000 fewer (cmap, name, post)", len(got), len(sub.Data))
	}
	again, _ := TablesForPDF(sub.Data)
	if !bytes.Equal(got, again) {
		t.Error("the same data gave different bytes")
	}
}

func TestTablesForPDFRefuses(t *testing.T) {
	otf, err := os.ReadFile(tinyCFF)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := TablesForPDF(otf); !errors.Is(err, ErrCFF) {
		t.Errorf("a CFF font: err = %v; want ErrCFF", err)
	}
	for _, data := range [][]byte{nil, []byte("not a font at all"), defaultData[:100]} {
		if _, err := TablesForPDF(data); err == nil {
			t.Errorf("%d bytes of junk: no error", len(data))
		}
	}
}

// fontTools runs a Python script with fontTools on two font files, written
// from a and b under the names na and nb, and returns what it printed.
func fontTools(t *testing.T, python, script, na string, a []byte, nb string, b []byte) []byte {
	t.Helper()
	dir := t.TempDir()
	pa, pb := filepath.Join(dir, na), filepath.Join(dir, nb)
	if err := os.WriteFile(pa, a, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pb, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "-c", script, pa, pb).CombinedOutput()
	if err != nil {
		t.Fatalf("fontTools: %v\n%s", err, out)
	}
	return out
}

// TW-Kai's points lie on a grid of 4 units: its PDF program takes an em of
// 256 instead of 1024, every point divided by 4 and nothing else changed.
// fontTools, an independent reader, draws each glyph of both.
func TestShrinkEm(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "行銷業務專員職能基準，工作任務與行為指標。堃喆（續）"
	sub, err := def.Subset([]rune(text))
	if err != nil {
		t.Fatal(err)
	}
	got, err := TablesForPDF(sub.Data)
	if err != nil {
		t.Fatal(err)
	}
	if em := pdfEm(t, got); em != 256 {
		t.Fatalf("em %d; want 256 (1024 / 4)", em)
	}
	g, err := openGlyphs(sub.Data)
	if err != nil {
		t.Fatal(err)
	}
	python := testtool.PythonModule(t, "fontTools", "python3-fonttools")
	out := fontTools(t, python, compareScaled, "whole.ttf", sub.Data, "pdf.ttf", got)
	if want := fmt.Sprintf("glyphs %d scaled 4 differ 0\n", g.numGlyphs); string(out) != want {
		t.Errorf("fontTools says %q; want %q", out, want)
	}
}

// compareScaled reads two fonts with fontTools and counts the glyphs of
// the second whose outline, scaled by the ratio of the ems, is not the
// first's.
const compareScaled = `
import sys
from fontTools.ttLib import TTFont
from fontTools.pens.recordingPen import RecordingPen
a, b = TTFont(sys.argv[1]), TTFont(sys.argv[2])
k = a['head'].unitsPerEm // b['head'].unitsPerEm
ga, gb = a.getGlyphSet(), b.getGlyphSet()
differ = 0
for i, name in enumerate(a.getGlyphOrder()):
    pa, pb = RecordingPen(), RecordingPen()
    ga[name].draw(pa)
    gb[b.getGlyphOrder()[i]].draw(pb)
    scaled = [(op, tuple((x * k, y * k) for x, y in args)) for op, args in pb.value]
    differ += [(op, tuple(args)) for op, args in pa.value] != scaled
print("glyphs", len(a.getGlyphOrder()), "scaled", k, "differ", differ)
`

// A font whose points are not on a grid (OCS Serif) keeps its em and
// glyphs; a glyph read and written again is the same glyph.
func TestShrinkEmLeaves(t *testing.T) {
	set, err := DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	sub, err := set.Latin.Subset([]rune("Knowledge S01 (續) 0123"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := TablesForPDF(sub.Data)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := openGlyphs(sub.Data)
	if em := pdfEm(t, got); em != before.unitsPerEm {
		t.Errorf("OCS Serif's em went from %d to %d", before.unitsPerEm, em)
	}
	for gid := range before.numGlyphs {
		data, err := before.outline(gid)
		if err != nil || len(data) == 0 || int16(binary.BigEndian.Uint16(data)) < 0 {
			continue
		}
		ends, pts, err := readSimple(data)
		if err != nil {
			t.Fatalf("glyph %d: %v", gid, err)
		}
		again := writeSimple(slices.Clone(data[:10]), ends, pts)
		ends2, pts2, err := readSimple(again)
		if err != nil || !slices.Equal(ends, ends2) || !slices.Equal(pts, pts2) {
			t.Errorf("glyph %d changed when written again (%v)", gid, err)
		}
	}
}

// pdfEm is the em of a font program TablesForPDF made.
func pdfEm(t *testing.T, data []byte) int {
	t.Helper()
	recs, err := readDirectory(data, 0)
	if err != nil {
		t.Fatal(err)
	}
	return int(binary.BigEndian.Uint16(tableData(data, recs, "head")[18:]))
}

// TablesForPDF writes the tables in the order pdfTables lists them.
func TestPDFTablesSorted(t *testing.T) {
	if !slices.IsSorted(pdfTables) {
		t.Errorf("pdfTables %q is not in tag order", pdfTables)
	}
}
