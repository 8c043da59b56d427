package fonts

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseTinyFont(t *testing.T) {
	data := testFont{family: "Tiny Test", chars: []rune{'A', '中', 0x20000}}.build()
	f, err := ParseFile("tiny.ttf", data, 0)
	if err != nil {
		t.Fatal(err)
	}
	if f.Name != "Tiny Test" || f.Source != "tiny.ttf" || f.Len() != 3 {
		t.Errorf("got Name %q Source %q Len %d; want Tiny Test, tiny.ttf, 3", f.Name, f.Source, f.Len())
	}
	for _, r := range []rune{'A', '中', 0x20000} {
		if !f.Has(r) {
			t.Errorf("Has(%U) = false", r)
		}
	}
	for _, r := range []rune{'B', 0xFFFF, 0x20001, 0} {
		if f.Has(r) {
			t.Errorf("Has(%U) = true", r)
		}
	}
}

func TestParseErrors(t *testing.T) {
	good := testFont{family: "Good", chars: []rune{'A'}}.build()
	tests := []struct {
		name string
		data []byte
		want error
		msg  string // part of the message
	}{
		{"text file", []byte("this is not a font at all"), ErrNotFont, "not a TrueType or OpenType font"},
		{"empty", nil, ErrTruncated, "truncated"},
		{"damaged cff", testFont{family: "C", chars: []rune{'A'}, magic: magicCFF,
			extra: map[string][]byte{"CFF ": make([]byte, 8)}, drop: "glyf"}.build(), ErrTruncated, "CFF table has no version 1 header"},
		{"cff without hmtx", testFont{family: "C", chars: []rune{'A'}, magic: magicCFF,
			extra: map[string][]byte{"CFF ": make([]byte, 8)}, drop: "hmtx"}.build(), ErrNotFont, `"hmtx" table is missing`},
		{"cff2", testFont{family: "C", chars: []rune{'A'}, magic: magicCFF,
			extra: map[string][]byte{"CFF2": make([]byte, 8)}}.build(), ErrNotFont, "CFF2 (variable font)"},
		{"truncated", good[:len(good)-40], ErrTruncated, "ends at byte"},
		{"truncated directory", good[:30], ErrTruncated, "table directory"},
		{"restricted", testFont{family: "R", chars: []rune{'A'}, fsType: 0x0002}.build(), ErrRestricted, "restricted licence"},
		{"bitmap only", testFont{family: "B", chars: []rune{'A'}, fsType: 0x0200}.build(), ErrRestricted, "bitmap embedding only"},
		{"no subsetting", testFont{family: "N", chars: []rune{'A'}, fsType: 0x0100}.build(), ErrRestricted, "no subsetting"},
		{"no cmap", testFont{family: "M", chars: []rune{'A'}, drop: "cmap"}.build(), ErrNotFont, `"cmap" table is missing`},
		{"no unicode cmap", testFont{family: "U", chars: []rune{'A'},
			extra: map[string][]byte{"cmap": {0, 0, 0, 0}}}.build(), ErrNoUnicode, "format 4"},
		{"woff", append([]byte("wOFF"), good[4:]...), ErrNotFont, "WOFF"},
		{"index into ttf", good, ErrFaceIndex, "not a collection"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			index := 0
			if tt.name == "index into ttf" {
				index = 1
			}
			_, err := ParseFile("x.otf", tt.data, index)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v; want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.msg) || !strings.HasPrefix(err.Error(), "font x.otf: ") {
				t.Errorf("err = %q; want it to start with the file name and mention %q", err, tt.msg)
			}
		})
	}
}

func TestEmbeddingAllowed(t *testing.T) {
	// Installable, preview & print, editable, and restricted together with
	// a less restrictive bit (the less restrictive bit wins).
	for _, fs := range []uint16{0x0000, 0x0004, 0x0008, 0x0006, 0x000A} {
		data := testFont{family: "E", chars: []rune{'A'}, fsType: fs}.build()
		if _, err := ParseFile("e.ttf", data, 0); err != nil {
			t.Errorf("fsType 0x%04x: %v", fs, err)
		}
	}
}

func TestCollection(t *testing.T) {
	a := testFont{family: "Face Zero", chars: []rune{'A', '甲'}}.build()
	b := testFont{family: "Face One", chars: []rune{'B', '乙', '丙'}}.build()
	ttc := collection(a, b)
	dir := t.TempDir()
	path := filepath.Join(dir, "pair.ttc")
	if err := os.WriteFile(path, ttc, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		spec string
		want []byte
		name string
	}{
		{path, a, "Face Zero"},
		{path + "#0", a, "Face Zero"},
		{path + "#1", b, "Face One"},
	}
	for _, tt := range tests {
		f, err := LoadFile(tt.spec)
		if err != nil {
			t.Fatalf("LoadFile(%s): %v", tt.spec, err)
		}
		if f.Name != tt.name || f.Source != tt.spec {
			t.Errorf("LoadFile(%s): Name %q Source %q", tt.spec, f.Name, f.Source)
		}
		// The extracted face is the standalone font the collection was
		// made from, byte for byte (same table order, padding, checksums).
		if !bytes.Equal(f.Data, tt.want) {
			t.Errorf("LoadFile(%s): extracted face differs from the original font", tt.spec)
		}
		if sum := checksum(f.Data); sum != 0xB1B0AFBA {
			t.Errorf("LoadFile(%s): file checksum %#x, want 0xB1B0AFBA", tt.spec, sum)
		}
	}
	_, err := LoadFile(path + "#2")
	if !errors.Is(err, ErrFaceIndex) || !strings.Contains(err.Error(), "it has 2 faces, #0 to #1") {
		t.Errorf("face #2 of 2: err = %v", err)
	}
}

func TestCollectionOfSubset(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 40 MB collection")
	}
	tiny := testFont{family: "Tiny", chars: []rune{'A'}}.build()
	ttc := collection(tiny, defaultData)
	f, err := ParseFile("kai.ttc", ttc, 1)
	if err != nil {
		t.Fatal(err)
	}
	if f.Name != "TW-Kai" || !f.Has('職') || f.Has(0x20000) {
		t.Errorf("face 1 of the collection: Name %q, Has(職) %v", f.Name, f.Has('職'))
	}
	// fontTools lays table data out in its own order, so compare table by
	// table; only head.checkSumAdjustment may differ.
	sameTables(t, f.Data, defaultData)
	if sum := checksum(f.Data); sum != 0xB1B0AFBA {
		t.Errorf("file checksum %#x, want 0xB1B0AFBA", sum)
	}
}

func sameTables(t *testing.T, got, want []byte) {
	t.Helper()
	gr, err := readDirectory(got, 0)
	if err != nil {
		t.Fatal(err)
	}
	wr, err := readDirectory(want, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(gr) != len(wr) {
		t.Fatalf("%d tables, want %d", len(gr), len(wr))
	}
	for _, r := range wr {
		g, w := tableData(got, gr, r.tag), tableData(want, wr, r.tag)
		if r.tag == "head" {
			g, w = append([]byte(nil), g...), append([]byte(nil), w...)
			copy(g[8:12], "\x00\x00\x00\x00")
			copy(w[8:12], "\x00\x00\x00\x00")
		}
		if !bytes.Equal(g, w) {
			t.Errorf("table %q differs", r.tag)
		}
	}
}

func TestLoadFileErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := LoadFile(filepath.Join(dir, "missing.ttf"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: err = %v", err)
	}
	// A '#' in a real file name is part of the name.
	odd := filepath.Join(dir, "odd#1.ttf")
	if err := os.WriteFile(odd, testFont{family: "Odd", chars: []rune{'A'}}.build(), 0o644); err != nil {
		t.Fatal(err)
	}
	if f, err := LoadFile(odd); err != nil || f.Name != "Odd" {
		t.Errorf("LoadFile(%s) = %v, %v", odd, f, err)
	}
}

func TestSplitFaceIndex(t *testing.T) {
	tests := []struct {
		spec, path string
		index      int
		ok         bool
	}{
		{"mingliu.ttc#1", "mingliu.ttc", 1, true},
		{"mingliu.ttc", "mingliu.ttc", 0, false},
		{"a#b.ttf", "a#b.ttf", 0, false},
		{"x.ttc#-1", "x.ttc#-1", 0, false},
		{"x.ttc#+1", "x.ttc#+1", 0, false},
		{"x.ttc#", "x.ttc#", 0, false},
	}
	for _, tt := range tests {
		path, index, ok := splitFaceIndex(tt.spec)
		if path != tt.path || index != tt.index || ok != tt.ok {
			t.Errorf("splitFaceIndex(%q) = %q, %d, %v", tt.spec, path, index, ok)
		}
	}
}

// TestLoadFileHeaderFirst checks that a file is judged by its first
// bytes and its size before it is read: a 600 MB file that is not a font,
// or is a font larger than the limit, is refused without reading it.
func TestLoadFileHeaderFirst(t *testing.T) {
	dir := t.TempDir()
	sparse := func(name string, head []byte, size int64) string {
		t.Helper()
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.Write(head); err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(size); err != nil {
			t.Skipf("no sparse files here: %v", err)
		}
		return p
	}
	const big = 600 << 20
	small := testFont{family: "Small", chars: []rune{'A'}}.build()
	tests := []struct {
		name  string
		path  string
		limit int64
		want  error
		msg   string
	}{
		{"zeros", sparse("zeros.ttf", nil, big), 0, ErrNotFont, "starts with bytes 00 00 00 00"},
		{"text", sparse("notes.ttf", []byte("hello"), 5), 0, ErrNotFont, "starts with bytes 68 65 6c 6c"},
		{"short", sparse("short.ttf", []byte{0, 1}, 2), 0, ErrNotFont, "the file has 2 bytes"},
		{"huge font", sparse("huge.ttf", small[:4], big), 0, ErrTooLarge, "629145600 bytes, more than the limit of 134217728"},
		{"huge collection", sparse("huge.ttc", []byte("ttcf"), big), 0, ErrTooLarge, "more than the limit"},
		{"over a set limit", sparse("small.ttf", small, int64(len(small))), int64(len(small)) - 1, ErrTooLarge, "check that this is the right file"},
		{"folder", dir, 0, ErrNotFont, "it is a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Config{Font: tt.path, MaxFontSize: tt.limit}.Load()
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %v; want %v saying %q", err, tt.want, tt.msg)
			}
		})
	}
	// At its size limit exactly, the font loads.
	p := sparse("exact.ttf", small, int64(len(small)))
	if _, err := (Config{Font: p, MaxFontSize: int64(len(small))}).Load(); err != nil {
		t.Errorf("a font of exactly the limit: %v", err)
	}
}
