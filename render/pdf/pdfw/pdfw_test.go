package pdfw

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/internal/testtool"
)

// extB is where Debian's fonts-cns11643-kai puts TW-Kai's face of the
// characters above U+FFFF.
const extB = "/usr/share/fonts/truetype/cns11643/TW-Kai-Ext-B-98_1.ttf"

// trueType makes a Font of face drawing the characters of text.
func trueType(t testing.TB, face *fonts.Face, text string) *Font {
	t.Helper()
	var runes []rune
	for _, r := range text {
		if face.Has(r) {
			runes = append(runes, r)
		}
	}
	sub, err := face.Subset(runes)
	if err != nil {
		t.Fatal(err)
	}
	m, err := sub.Metrics()
	if err != nil {
		t.Fatal(err)
	}
	seen := make(map[rune]bool)
	var chars []Char
	for _, r := range runes {
		if !seen[r] {
			seen[r] = true
			g := m.Glyph(r)
			chars = append(chars, Char{Rune: r, Glyph: uint16(g), Width: m.Advance(g) * 1000 / m.UnitsPerEm()})
		}
	}
	f, err := NewTrueType(face.Name, sub.Data, chars)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// run runs a poppler or qpdf tool on a PDF and returns its output. The
// file's path replaces the argument "{}", or comes last.
func run(t testing.TB, pdf []byte, name string, args ...string) string {
	t.Helper()
	bin := testtool.Path(t, name, "poppler-utils")
	p := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	args = slices.Clone(args)
	if i := slices.Index(args, "{}"); i >= 0 {
		args[i] = p
	} else {
		args = append(args, p)
	}
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
	return string(out)
}

// lines is a test document: each line drawn with its font, one below
// the other, each a paragraph of the structure tree.
func lines(t testing.TB, tagged bool, ls ...struct {
	f    *Font
	text string
}) *Doc {
	d := New(Info{Title: "測試 test", Lang: "zh-TW", Date: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Producer: "ocs"})
	c := NewContent()
	if tagged {
		d.Tree = NewTree("Document")
	}
	for i, l := range ls {
		name := d.AddFont(l.f)
		if tagged {
			p := d.Tree.Root.Add("P")
			c.Tag("P", d.Tree.Mark(p, 0))
		}
		c.Text(name, 12, 72, 800-20*float64(i), 0, l.f.Encode(nil, l.text))
		if tagged {
			c.End()
		}
	}
	d.AddPage(595.28, 841.89, c)
	return d
}

type line = struct {
	f    *Font
	text string
}

func TestToUnicodeExact(t *testing.T) {
	set, err := fonts.DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	// Chinese with full-width punctuation and symbols in TW-Kai, Latin
	// in OCS Serif and a character above U+FFFF in TW-Kai Ext-B.
	kai := "職能基準（續）第１頁／共５頁√●【註1】，。人ⅺ"
	latin := "THM2431-001v1 P1.1.1 (A&B) \\ ok"
	ls := []line{{trueType(t, set.Regular, kai), kai}, {trueType(t, set.Latin, latin), latin}}
	want := kai + "\n" + latin + "\n"
	if face, err := fonts.LoadFile(extB); err == nil {
		const ext = "𡘙𠀀"
		ls = append(ls, line{trueType(t, face, ext), ext})
		want += ext + "\n"
	} else {
		testtool.Missing(t, "TW-Kai Ext-B ("+extB+")", "fonts-cns11643-kai")
	}
	pdf := lines(t, false, ls...).Bytes()
	got := run(t, pdf, "pdftotext", "-raw", "-enc", "UTF-8", "{}", "-")
	got = strings.TrimRight(got, "\f")
	if got != want {
		t.Errorf("pdftotext gives\n%q\nwant\n%q", got, want)
	}
	if out := run(t, pdf, "qpdf", "--check"); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	fonts := run(t, pdf, "pdffonts")
	for _, l := range strings.Split(fonts, "\n")[2:] {
		if f := strings.Fields(l); len(f) > 0 && (len(f[0]) < 8 || f[0][6] != '+' || !strings.Contains(l, "yes yes yes")) {
			t.Errorf("pdffonts: %q is not an embedded subset with a ToUnicode map", l)
		}
	}
}

func TestSharedGlyphExtractsEach(t *testing.T) {
	// Two characters drawn with one glyph, as a compatibility ideograph
	// and its unified twin are in many fonts, keep codes of their own,
	// so each extracts as itself.
	set, err := fonts.DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	sub, err := set.Regular.Subset([]rune("人"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := sub.Metrics()
	if err != nil {
		t.Fatal(err)
	}
	g := uint16(m.Glyph('人'))
	f, err := NewTrueType("TW-Kai", sub.Data, []Char{{'人', g, 1000}, {'⼈', g, 1000}})
	if err != nil {
		t.Fatal(err)
	}
	if codes := f.Encode(nil, "人⼈"); bytes.Equal(codes[:2], codes[2:]) {
		t.Fatalf("both characters have code % X", codes[:2])
	}
	got := run(t, lines(t, false, line{f, "⼈人⼈"}).Bytes(), "pdftotext", "-raw", "-enc", "UTF-8", "{}", "-")
	if got = strings.TrimRight(got, "\f"); got != "⼈人⼈\n" {
		t.Errorf("pdftotext gives %q, want %q", got, "⼈人⼈\n")
	}
}

func TestSubsetTag(t *testing.T) {
	set, err := fonts.DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	a := trueType(t, set.Regular, "職能基準")
	b := trueType(t, set.Regular, "基準職能") // the same characters
	c := trueType(t, set.Regular, "職能基準表")
	tag, name, ok := strings.Cut(a.BaseFont(), "+")
	if !ok || name != "TW-Kai" || len(tag) != 6 || strings.Trim(tag, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		t.Errorf("BaseFont is %q, want six capitals, + and TW-Kai", a.BaseFont())
	}
	if a.BaseFont() != b.BaseFont() {
		t.Errorf("the same glyph set is named %s and %s", a.BaseFont(), b.BaseFont())
	}
	if a.BaseFont() == c.BaseFont() {
		t.Errorf("another glyph set has the same name %s", c.BaseFont())
	}
}

func TestNewTrueTypeErrors(t *testing.T) {
	if _, err := NewTrueType("junk", []byte("not a font at all"), nil); err == nil || !strings.Contains(err.Error(), "junk") {
		t.Errorf("junk font data gave %v, want an error naming the font", err)
	}
	set, err := fonts.DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewTrueType("TW-Kai", set.Regular.Data, []Char{{'甲', 1, 1000}, {'甲', 2, 1000}}); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("a character given twice gave %v", err)
	}
	if _, err := NewTrueType("TW-Kai", set.Regular.Data, []Char{{0xD800, 1, 1000}}); err == nil {
		t.Error("a surrogate code point was accepted as a character")
	}
}

func TestWidthArray(t *testing.T) {
	cc := func(cid uint16, w int) cidChar { return cidChar{cid, Char{Width: w}} }
	for _, tc := range []struct {
		name  string
		codes []cidChar
		want  string
	}{
		{"none", nil, "[]"},
		{"all default", []cidChar{cc(1, 1000), cc(2, 1000)}, "[]"},
		{"list", []cidChar{cc(3, 250), cc(4, 500), cc(7, 600)}, "[3[250 500]7[600]]"},
		{"run", []cidChar{cc(3, 500), cc(4, 500), cc(5, 500), cc(6, 250)}, "[3 5 500 6[250]]"},
		{"default splits lists", []cidChar{cc(1, 250), cc(2, 1000), cc(3, 333)}, "[1[250]3[333]]"},
		{"run after run", []cidChar{cc(1, 500), cc(2, 500), cc(3, 500), cc(9, 250), cc(10, 250), cc(11, 250)}, "[1 3 500 9 11 250]"},
	} {
		if got := string(widthArray(tc.codes)); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestToUnicodeRanges(t *testing.T) {
	cc := func(cid uint16, r rune) cidChar { return cidChar{cid, Char{Rune: r}} }
	got := string(toUnicode([]cidChar{cc(1, 'A'), cc(2, 'B'), cc(3, 'C'), cc(4, 'E'), cc(5, 0x4E00), cc(6, 0x21619), cc(7, 0x21620)}))
	for _, want := range []string{
		"4 beginbfchar\n<0004><0045>\n<0005><4E00>\n<0006><D845DE19>\n<0007><D845DE20>\nendbfchar\n",
		"1 beginbfrange\n<0001><0003><0041>\nendbfrange\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("ToUnicode lacks %q:\n%s", want, got)
		}
	}
	// A range never crosses a block of 256 codes or characters.
	got = string(toUnicode([]cidChar{cc(1, 0xFF), cc(2, 0x100), cc(0xFF, 'A'), cc(0x100, 'B')}))
	if strings.Contains(got, "bfrange") {
		t.Errorf("a range crosses a block of 256:\n%s", got)
	}
}

// A Cache gives back what deflate gives, and keeps streams used again
// over streams used once when it is full.
func TestCache(t *testing.T) {
	c := NewCache(3000)
	stream := func(i int) []byte { return bytes.Repeat([]byte(strconv.Itoa(i)+" noise "), 200+i) }
	for i := range 5 {
		if z := c.deflate(stream(i), levelLarge); !bytes.Equal(z, deflate(stream(i), levelLarge)) {
			t.Fatalf("stream %d compresses otherwise through the cache", i)
		}
	}
	shared := stream(0)
	c = NewCache(len(deflate(shared, 9)) * 4)
	c.deflate(shared, 9)
	key := c.key(shared, 9)
	first := c.m[key]
	for i := 1; i < 50; i++ {
		c.deflate(shared, 9) // used by every document
		c.deflate(stream(i), 9)
		if c.size > c.max {
			t.Fatalf("the cache holds %d bytes, more than %d", c.size, c.max)
		}
	}
	if c.m[key] != first {
		t.Error("the stream every document uses was dropped for streams used once")
	}
}

// With a Cache, objects marked late go in object streams of their own, so
// two documents that differ only in them share every other object stream:
// the second document compresses just the late one.
func TestLateObjects(t *testing.T) {
	build := func(c *Cache, title string) []byte {
		f := &file{cache: c}
		font := f.addLate([]byte("<</BaseFont/" + title + "+Kai>>")) // first, as fonts are
		for i := range 300 {
			f.add([]byte("<</N " + strconv.Itoa(i) + "/F " + strconv.Itoa(int(font)) + " 0 R>>"))
		}
		info := f.addLate([]byte("<</Title(" + title + ")>>"))
		return f.bytes(2, info)
	}
	c := NewCache(1 << 20)
	build(c, "first")
	before := len(c.m)
	second := build(c, "second")
	if got := len(c.m) - before; got != 1 {
		t.Errorf("the second document added %d compressed streams to the cache; want 1 (the late objects')", got)
	}
	if !bytes.Equal(second, build(NewCache(1<<20), "second")) {
		t.Error("a document made with a warm cache differs from one made with a cold cache")
	}
	// Without a cache the late object keeps its place among the others.
	plain := build(nil, "x")
	if n := bytes.Count(plain, []byte("/Type/ObjStm")); n != 2 {
		t.Errorf("%d object streams without a cache; want 2 (302 objects, 200 a stream)", n)
	}
	if n := bytes.Count(build(c, "x"), []byte("/Type/ObjStm")); n != 3 {
		t.Errorf("%d object streams with a cache; want 3 (the late objects alone in the last)", n)
	}
}
