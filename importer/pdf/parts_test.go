package pdf

import (
	"context"
	"fmt"
	"reflect"
	"testing"
)

func TestLexer(t *testing.T) {
	tests := []struct {
		in   string
		want object
	}{
		{"(a\\(b\\)c\\101\\\nd (nested))", []byte("a(b)cAd (nested)")},
		{"<4E2D 6587 7>", []byte{0x4e, 0x2d, 0x65, 0x87, 0x70}},
		{"/A#20B", name("A B")},
		{"12 0 R", ref{12, 0}},
		{"12 0 obj", 12},
		{"-3.5", -3.5},
		{"[1 /N (s) [true null]]", []object{1, name("N"), []byte("s"), []object{true, nil}}},
		{"<< /K /V /E >>", dict{"K": name("V"), "E": nil}},
		{"% comment\nTj", keyword("Tj")},
	}
	for _, tt := range tests {
		l := lexer{b: []byte(tt.in)}
		got, err := l.object()
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("object(%q) = %#v, %v; want %#v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"(never ends", "<4G>", "<< /K", "[1 2", ">>", "<< 1 2 >>"} {
		l := lexer{b: []byte(bad)}
		if o, err := l.object(); err == nil {
			t.Errorf("object(%q) = %#v, want an error", bad, o)
		}
	}
}

func TestObjHeader(t *testing.T) {
	for _, tt := range []struct {
		in  string
		num int
		ok  bool
	}{
		{"\n12 0 obj", 12, true},
		{"12 0 obj", 12, true},
		{"x12 0 obj", 0, false},
		{"\n12 0 endobj", 0, false},
		{"\n12 obj", 0, false},
		{"\n12 3 obj", 12, true},
		{"\n12 0 objx", 0, false},
	} {
		k := len(tt.in) - len("obj")
		if tt.in[len(tt.in)-1] == 'x' {
			k--
		}
		num, _, ok := objHeader([]byte(tt.in), k)
		if num != tt.num || ok != tt.ok {
			t.Errorf("objHeader(%q) = %d, %v; want %d, %v", tt.in, num, ok, tt.num, tt.ok)
		}
	}
}

func TestToUnicodeAndWidths(t *testing.T) {
	f, err := parse(onePage(cidFont, gridTable, cidObjs...), Options{}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	ft := f.loadFont(f.dict(ref{5, 0}))
	if ft.codeLen != 2 {
		t.Errorf("code length %d, want 2", ft.codeLen)
	}
	for c, want := range map[uint32]string{1: "職", 2: "能", 3: "基", 4: "準", 0x10: "A", 0x11: "B", 0x20: " ", 0x99: "\uFFFD"} {
		if got := ft.text(c); got != want {
			t.Errorf("text(%#x) = %q, want %q", c, got, want)
		}
	}
	for c, want := range map[uint32]float64{0x10: 0.5, 0x11: 0.6, 0x20: 0.25, 1: 1} {
		if got := ft.width(c); got != want {
			t.Errorf("width(%#x) = %v, want %v", c, got, want)
		}
	}
}

func TestSimpleEncoding(t *testing.T) {
	f, err := parse(mkpdf("<< /Differences [65 /uni8077 /space /bullet 200 /u1F600] >>"), Options{}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	enc := f.simpleEncoding(ref{1, 0})
	for c, want := range map[byte]rune{65: '職', 66: ' ', 67: '•', 68: 'D', 200: '😀', 0x80: '€', 0xe9: 'é'} {
		if enc[c] != want {
			t.Errorf("code %d = %q, want %q", c, enc[c], want)
		}
	}
}

func TestMerge(t *testing.T) {
	got := merge([]segment{
		{h: true, pos: 100, lo: 0, hi: 50},
		{h: true, pos: 100.8, lo: 51, hi: 90}, // a 1-point gap, 0.8 lower: joined
		{h: true, pos: 100, lo: 95, hi: 99},   // a 5-point gap: apart
		{h: true, pos: 110, lo: 0, hi: 10},
	})
	mean := (100 + 100.8 + 100) / 3.0 // one position for the three pieces
	want := []line{{mean, 0, 90}, {mean, 95, 99}, {110, 0, 10}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("merge = %v, want %v", got, want)
	}
}

func TestLineText(t *testing.T) {
	g := func(s string, x0, x1 float64) glyph { return glyph{text: s, x0: x0, x1: x1, y0: 0, y1: 10, size: 10} }
	tests := []struct {
		name string
		gs   []glyph
		want string
	}{
		{"han with distributed spacing", []glyph{g("職", 0, 10), g("類", 30, 40)}, "職類"},
		{"latin gap", []glyph{g("A", 0, 5), g("B", 7, 12)}, "A B"},
		{"latin kerning", []glyph{g("A", 0, 5), g("B", 6, 11)}, "AB"},
		{"explicit space", []glyph{g("A", 0, 5), g(" ", 5, 7.5), g("B", 9, 14)}, "A B"},
		{"han beside latin, auto space", []glyph{g("K", 0, 5), g("職", 7.5, 17.5)}, "K職"},
		{"han beside latin, far apart", []glyph{g("1", 0, 5), g("第", 40, 50)}, "1 第"},
		{"overprinted", []glyph{g("粗", 0, 10), g("粗", 0.2, 10.2)}, "粗"},
		{"narrow neighbours", []glyph{g("l", 0, 1.7), g("l", 1.7, 3.4)}, "ll"},
	}
	for _, tt := range tests {
		if got := lineText(lineOf{glyphs: tt.gs}); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// Read a one-page PDF holding a 2 × 2 table whose right column is one
// merged cell, and print its cells.
func ExampleRead() {
	doc, err := Read(context.Background(), onePage(cidFont, gridTable, cidObjs...), Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range doc.Blocks {
		if b.Line != nil {
			fmt.Printf("line: %s\n", b.Line.Text)
			continue
		}
		for i, r := range b.Table.Rows {
			for _, c := range r.Cells {
				fmt.Printf("row %d col %d rows %d: %q\n", i, c.Col, c.RowSpan, c.Text)
			}
		}
	}
	// Output:
	// line: 職能基準
	// row 0 col 0 rows 1: "職能\n基準"
	// row 0 col 1 rows 2: "A BA"
	// row 1 col 0 rows 1: "A B"
}
