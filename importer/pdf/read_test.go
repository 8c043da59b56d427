package pdf

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/importer/grid"
	"github.com/ocs-project/ocs/internal/testtool"
)

// mkpdf writes a small PDF by hand: objects 1… in order, a cross-
// reference table and a trailer whose /Root is object 1. A stream object
// is given as its dictionary and data separated by "\nstream\n".
func mkpdf(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		if d, data, ok := strings.Cut(o, "\nstream\n"); ok {
			o = fmt.Sprintf("%s\nstream\n%s\nendstream", strings.Replace(d, "LEN", fmt.Sprint(len(data)), 1), data)
		}
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// onePage is a catalog, a page tree with one A4 page, the page with the
// given resources and content.
func onePage(res, content string, more ...string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + res + " /Contents 4 0 R >>",
		"<< /Length LEN >>\nstream\n" + content,
	}
	return mkpdf(append(objs, more...)...)
}

// A CID font with Identity-H codes, a ToUnicode map with both bfchar and
// bfrange (array and offset forms) and a W array; codes 0001–0003 are
// 職能基, 0004 is 準, 0010–0011 are A and B, 0020 a space.
const cidFont = "<< /Font << /F1 5 0 R >> >>"

var cidObjs = []string{
	"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
	"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /DW 1000 /W [16 [500 600] 32 32 250] >>",
	"<< /Length LEN >>\nstream\n" + `/CIDInit /ProcSet findresource begin
begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar
<0004> <6E96>
<0020> <0020>
endbfchar
2 beginbfrange
<0001> <0002> [<8077> <80FD>]
<0003> <0003> <57FA>
endbfrange
1 beginbfrange
<0010> <0011> <0041>
endbfrange
endcmap`,
}

// gridTable draws a 2 × 2 table at x 100–300, y 700–600 (PDF space)
// whose right column is merged over both rows, plus text in its cells
// and a line above it.
const gridTable = `0.5 w
100 700 m 300 700 l S
100 650 m 200 650 l S
100 600 m 300 600 l S
100 700 m 100 600 l S
200 700 m 200 600 l S
299.5 600 1 100 re f
BT /F1 10 Tf 110 680 Td <00010002> Tj 0 -12 Td <00030004> Tj ET
BT /F1 10 Tf 110 630 Td [<0010>-300<0011>] TJ ET
BT /F1 10 Tf 210 660 Td <0010002000110010> Tj ET
BT /F1 12 Tf 100 750 Td <0001000200030004> Tj ET
`

func TestReadTable(t *testing.T) {
	doc, err := Read(context.Background(), onePage(cidFont, gridTable, cidObjs...), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := &grid.Document{Format: "pdf", Pages: 1, Blocks: []grid.Block{
		{Line: &grid.Line{Text: "職能基準", Page: 1, Box: &grid.Box{X0: 100, Y0: 82.4, X1: 148, Y1: 94.4}}},
		{Table: &grid.Table{Page: 1, Rows: []grid.Row{
			{Page: 1, Cells: []grid.Cell{
				{Text: "職能\n基準", Col: 0, ColSpan: 1, RowSpan: 1, Page: 1, Box: &grid.Box{X0: 100, Y0: 142, X1: 200, Y1: 192}},
				{Text: "A BA", Col: 1, ColSpan: 1, RowSpan: 2, Page: 1, Box: &grid.Box{X0: 200, Y0: 142, X1: 300, Y1: 242}},
			}},
			{Page: 1, Cells: []grid.Cell{
				// A, a gap of 0.3 em from the TJ adjustment, B.
				{Text: "A B", Col: 0, ColSpan: 1, RowSpan: 1, Page: 1, Box: &grid.Box{X0: 100, Y0: 192, X1: 200, Y1: 242}},
			}},
		}}},
	}}
	if got, wantS := dump(doc), dump(want); got != wantS {
		t.Errorf("got\n%s\nwant\n%s", got, wantS)
	}
}

// A landscape page stored turned (/Rotate 90, its content drawn a
// quarter turn back) reads as the page it shows.
func TestReadRotated(t *testing.T) {
	want, err := Read(context.Background(), onePage(cidFont, gridTable, cidObjs...), Options{})
	if err != nil {
		t.Fatal(err)
	}
	turned := onePage(cidFont, "q 0 1 -1 0 842 0 cm\n"+gridTable+"Q\n", cidObjs...)
	turned = bytes.Replace(turned, []byte("/MediaBox [0 0 595 842]"), []byte("/MediaBox [0 0 842 595] /Rotate 90"), 1)
	got, err := Read(context.Background(), turned, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if dump(got) != dump(want) {
		t.Errorf("got\n%s\nwant\n%s", dump(got), dump(want))
	}
}

// dump prints a document for comparison.
func dump(d *grid.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s pages=%d\n", d.Format, d.Pages)
	for _, bl := range d.Blocks {
		if bl.Line != nil {
			fmt.Fprintf(&b, "line p%d %q %v\n", bl.Line.Page, bl.Line.Text, *bl.Line.Box)
			continue
		}
		fmt.Fprintf(&b, "table p%d\n", bl.Table.Page)
		for i, r := range bl.Table.Rows {
			for _, c := range r.Cells {
				fmt.Fprintf(&b, "  row %d (p%d) col %d span %d×%d p%d %q %v\n", i, r.Page, c.Col, c.RowSpan, c.ColSpan, c.Page, c.Text, *c.Box)
			}
		}
	}
	return b.String()
}

func deflate(b []byte) string {
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.String()
}

func TestReadBadInput(t *testing.T) {
	image := "q 500 0 0 700 50 50 cm /Im1 Do Q"
	big := "1" + strings.Repeat("0", 200) // 1e200: squared, +Inf
	bomb := deflate(make([]byte, 4<<20))
	good := onePage(cidFont, gridTable, cidObjs...)
	encrypted := bytes.Replace(good, []byte("/Root 1 0 R"), []byte("/Root 1 0 R /Encrypt << /Filter /Standard /V 2 >>"), 1)
	tests := []struct {
		name string
		data []byte
		opt  Options
		want error
		msg  string
	}{
		{"empty", nil, Options{}, ErrNotPDF, "not a PDF"},
		{"text file", []byte("P1.1.1\t辨識使用合宜的溝通策略\n"), Options{}, ErrNotPDF, "not a PDF"},
		{"scanned", onePage("<< /XObject << /Im1 5 0 R >> >>", image,
			"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length LEN >>\nstream\n\x80"),
			Options{}, ErrNoText, "looks scanned"},
		{"encrypted", encrypted, Options{}, ErrEncrypted, "encrypted"},
		{"truncated", good[:len(good)/2], Options{}, ErrMalformed, "truncated"},
		{"too big", good, Options{MaxBytes: 100}, ErrTooLarge, "limit"},
		{"decompression bomb", mkpdf(
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
			"<< /Length LEN /Filter /FlateDecode >>\nstream\n"+bomb),
			Options{MaxDecompressed: 1 << 20}, ErrTooLarge, "decompression bomb"},
		{"page tree cycle", mkpdf(
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"),
			Options{}, ErrMalformed, "refers back to itself"},
		{"reference cycle", mkpdf(
			"<< /Type /Catalog /Pages 3 0 R >>",
			"3 0 R",
			"2 0 R"),
			Options{}, ErrMalformed, "no pages"},
		{"no catalog", mkpdf(), Options{}, ErrMalformed, "catalog"},
		{"catalog without pages", mkpdf("<< /Type /Font >>"), Options{}, ErrMalformed, "no pages"},
		{"too many objects", good, Options{MaxObjects: 3}, ErrTooLarge, "objects"},
		{"operator budget", good, Options{MaxOperators: 5}, ErrTooLarge, "operators"},
		{"glyph limit", good, Options{MaxGlyphs: 3}, ErrTooLarge, "characters and rules"},
		{"infinite coordinates", onePage(cidFont, big+" 0 0 "+big+" 0 0 cm "+big+" 0 0 "+big+" 0 0 cm 0 0 m 10 0 l S 0 0 10 0.1 re f BT /F1 10 Tf <0001> Tj ET", cidObjs...), Options{}, ErrNoText, "scanned"},
		{"deep nesting", onePage("<< >>", strings.Repeat("[", 100000)+" BT ET"), Options{}, ErrNoText, "scanned"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(context.Background(), tt.data, tt.opt)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("Read = %v, %v; want an error wrapping %q and saying %q", doc, err, tt.want, tt.msg)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	for _, tt := range []struct {
		data string
		want bool
	}{
		{"%PDF-1.4\n", true},
		{"\xef\xbb\xbf%PDF-1.7", true}, // junk before the header is tolerated
		{"PK\x03\x04", false},
		{"", false},
		{strings.Repeat(" ", 2000) + "%PDF-1.4", false},
	} {
		if got := Sniff([]byte(tt.data)); got != tt.want {
			t.Errorf("Sniff(%.20q) = %v, want %v", tt.data, got, tt.want)
		}
	}
}

// A PDF that opens without a password but is encrypted to restrict
// copying (RC4 or AES, with an empty user password) reads like the
// plain one; one that needs a password is refused with ErrEncrypted.
func TestReadEncrypted(t *testing.T) {
	qpdf := testtool.Path(t, "qpdf", "qpdf")
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.pdf")
	if err := os.WriteFile(plain, onePage(cidFont, gridTable, cidObjs...), 0o600); err != nil {
		t.Fatal(err)
	}
	want, err := Read(context.Background(), onePage(cidFont, gridTable, cidObjs...), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		args []string
		ok   bool
	}{
		{"rc4-40", []string{"--allow-weak-crypto", "--encrypt", "", "owner", "40", "--"}, true},
		{"rc4-128", []string{"--allow-weak-crypto", "--encrypt", "", "owner", "128", "--use-aes=n", "--"}, true},
		{"aes-128", []string{"--encrypt", "", "owner", "128", "--use-aes=y", "--"}, true},
		{"aes-256", []string{"--encrypt", "", "owner", "256", "--"}, true},
		{"aes-128 with a user password", []string{"--encrypt", "secret", "owner", "128", "--use-aes=y", "--"}, false},
		{"aes-256 with a user password", []string{"--encrypt", "secret", "owner", "256", "--"}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".pdf")
			if b, err := exec.Command(qpdf, append(append(tt.args, plain), out)...).CombinedOutput(); err != nil {
				t.Fatalf("qpdf: %v\n%s", err, b)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(data, []byte("/Encrypt")) {
				t.Fatal("qpdf wrote no /Encrypt")
			}
			got, err := Read(context.Background(), data, Options{})
			switch {
			case !tt.ok:
				if !errors.Is(err, ErrEncrypted) || !strings.Contains(err.Error(), "needs a password") {
					t.Errorf("Read = %v; want ErrEncrypted saying it needs a password", err)
				}
			case err != nil:
				t.Fatal(err)
			case dump(got) != dump(want):
				t.Errorf("got\n%s\nwant\n%s", dump(got), dump(want))
			}
		})
	}
}

// afterN is a context that is done from its n-th look on: it stops a read
// at a point the test chooses, without timing.
type afterN struct {
	context.Context
	n *int
}

func (c afterN) Err() error {
	if *c.n--; *c.n < 0 {
		return context.Canceled
	}
	return nil
}

// A done context stops a read: before the first page, between pages and
// inside one page's content.
func TestReadStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, manyPages(3), Options{}); !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "page 1") {
		t.Errorf("cancelled before reading: %v; want context.Canceled before page 1", err)
	}
	n := 1 // done at the second look: before page 2
	if _, err := Read(afterN{context.Background(), &n}, manyPages(3), Options{}); !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "page 2") {
		t.Errorf("cancelled after page 1: %v; want context.Canceled before page 2", err)
	}
	// One page of many operators: the content loop looks at the context
	// every ctxEvery operators, so the read stops inside the page.
	long := onePage(cidFont, strings.Repeat("0 0 m 1 1 l S\n", ctxEvery), cidObjs...)
	n = 1
	_, err := Read(afterN{context.Background(), &n}, long, Options{})
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "page 1: stopped") {
		t.Errorf("cancelled inside a page: %v; want page 1: stopped: context canceled", err)
	}
	// Read to its end, the page has rules and no text.
	if _, err := Read(context.Background(), long, Options{}); !errors.Is(err, ErrNoText) {
		t.Errorf("the same page read to its end: %v; want ErrNoText", err)
	}
}
