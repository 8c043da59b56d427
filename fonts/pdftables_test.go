package fonts

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"testing"
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
		a, b := tableData(got, recs, r.tag), tableData(sub.Data, from, r.tag)
		if r.tag == "head" {
			a, b = slices.Concat(a[:8], a[12:]), slices.Concat(b[:8], b[12:]) // but checkSumAdjustment
		}
		if !bytes.Equal(a, b) {
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
