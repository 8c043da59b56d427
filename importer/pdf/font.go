package pdf

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// font is what the reader needs of a PDF font: how to cut a string into
// character codes, the text of each code and its advance width in text
// space units (1 = the font size).
type font struct {
	codeLen int // bytes per code: 1 for simple fonts, 2 for CID fonts
	uni     map[uint32]string
	ranges  []uniRange
	widths  map[uint32]float64
	wranges []widthRange
	dw      float64 // default width
	simple  *[256]rune
	ucs2    bool // a CID font whose codes are UCS-2 (no ToUnicode needed)
}

type uniRange struct {
	lo, hi uint32
	base   []rune   // text of lo; the last rune counts up
	list   []string // or one text per code
}

type widthRange struct {
	lo, hi uint32
	w      float64
}

// text returns the text of code c, or U+FFFD when the font does not say.
func (ft *font) text(c uint32) string {
	if s, ok := ft.uni[c]; ok {
		return s
	}
	i := sort.Search(len(ft.ranges), func(i int) bool { return ft.ranges[i].lo > c }) - 1
	if i >= 0 && c <= ft.ranges[i].hi {
		r := ft.ranges[i]
		d := c - r.lo
		if r.list != nil {
			if int(d) < len(r.list) {
				return r.list[d]
			}
		} else if len(r.base) > 0 {
			rs := append([]rune(nil), r.base...)
			rs[len(rs)-1] += rune(d)
			return string(rs)
		}
	}
	if ft.ucs2 {
		return string(rune(c))
	}
	if ft.simple != nil && c < 256 && ft.simple[c] != 0 {
		return string(ft.simple[c])
	}
	return "\uFFFD"
}

// width returns the advance of code c in text space units.
func (ft *font) width(c uint32) float64 {
	if w, ok := ft.widths[c]; ok {
		return w
	}
	i := sort.Search(len(ft.wranges), func(i int) bool { return ft.wranges[i].lo > c }) - 1
	if i >= 0 && c <= ft.wranges[i].hi {
		return ft.wranges[i].w
	}
	return ft.dw
}

// loadFont reads a font dictionary. It never fails: what it cannot read
// gives U+FFFD text and default widths, so no glyph is silently lost.
func (f *file) loadFont(fd dict) *font {
	ft := &font{codeLen: 1, uni: map[uint32]string{}, widths: map[uint32]float64{}, dw: 0.5}
	sub, _ := f.resolve(fd["Subtype"]).(name)
	scale := 0.001
	if sub == "Type3" {
		if m := f.array(fd["FontMatrix"]); len(m) == 6 {
			scale, _ = f.num(m[0])
		}
	}
	if sub == "Type0" {
		ft.codeLen = 2
		ft.dw = 1
		enc, _ := f.resolve(fd["Encoding"]).(name)
		ft.ucs2 = strings.Contains(string(enc), "UCS2") || strings.Contains(string(enc), "UTF16")
		if ds := f.array(fd["DescendantFonts"]); len(ds) > 0 {
			cid := f.dict(ds[0])
			if w, ok := f.num(cid["DW"]); ok {
				ft.dw = w * 0.001
			}
			f.cidWidths(ft, f.array(cid["W"]))
		}
	} else {
		first, _ := f.num(fd["FirstChar"])
		ws := f.array(fd["Widths"])
		for i, w := range ws {
			if v, ok := f.num(w); ok && i < 256 {
				ft.widths[uint32(int(first)+i)] = v * scale
			}
		}
		if len(ws) > 0 {
			ft.dw = 0
			if mw, ok := f.num(f.dict(fd["FontDescriptor"])["MissingWidth"]); ok {
				ft.dw = mw * scale
			}
		}
		ft.simple = f.simpleEncoding(fd["Encoding"])
	}
	if s, ok := f.resolve(fd["ToUnicode"]).(*stream); ok {
		if b, err := f.decode(s); err == nil {
			f.toUnicode(ft, b)
		}
	}
	return ft
}

func (f *file) cidWidths(ft *font, w []object) {
	for i := 0; i < len(w); {
		c, ok := f.num(w[i])
		if !ok || i+1 >= len(w) {
			return
		}
		if a, ok := f.resolve(w[i+1]).([]object); ok {
			for k, v := range a {
				if x, ok := f.num(v); ok {
					ft.widths[uint32(int(c)+k)] = x * 0.001
				}
			}
			i += 2
			continue
		}
		hi, ok1 := f.num(w[i+1])
		x, ok2 := 0.0, false
		if i+2 < len(w) {
			x, ok2 = f.num(w[i+2])
		}
		if !ok1 || !ok2 || hi < c {
			return
		}
		ft.wranges = append(ft.wranges, widthRange{uint32(c), uint32(hi), x * 0.001})
		i += 3
	}
	sort.SliceStable(ft.wranges, func(i, j int) bool { return ft.wranges[i].lo < ft.wranges[j].lo })
}

// simpleEncoding returns the code → rune table of a simple font without
// ToUnicode: WinAnsi (or Latin-1 for other base encodings) with the
// /Differences that name their glyphs in a way we can read.
func (f *file) simpleEncoding(o object) *[256]rune {
	var t [256]rune
	for c := range 256 {
		t[c] = charmap.Windows1252.DecodeByte(byte(c))
		if c < 32 {
			t[c] = 0
		}
	}
	d := f.dict(o)
	c := 0
	for _, v := range f.array(d["Differences"]) {
		switch x := f.resolve(v).(type) {
		case int:
			c = x
		case name:
			if c >= 0 && c < 256 {
				if r, ok := glyphRune(string(x)); ok {
					t[c] = r
				}
			}
			c++
		}
	}
	return &t
}

var glyphNames = map[string]rune{
	"space": ' ', "period": '.', "comma": ',', "colon": ':', "semicolon": ';', "hyphen": '-',
	"parenleft": '(', "parenright": ')', "slash": '/', "quotesingle": '\'', "quotedbl": '"',
	"zero": '0', "one": '1', "two": '2', "three": '3', "four": '4', "five": '5', "six": '6',
	"seven": '7', "eight": '8', "nine": '9', "bullet": '•', "endash": '–', "emdash": '—',
}

// glyphRune reads a glyph name such as "A", "uni4E00", "u1F600" or "space".
func glyphRune(n string) (rune, bool) {
	if r, ok := glyphNames[n]; ok {
		return r, true
	}
	if len(n) == 1 && (n[0] >= 'A' && n[0] <= 'Z' || n[0] >= 'a' && n[0] <= 'z') {
		return rune(n[0]), true
	}
	for _, p := range []string{"uni", "u"} {
		if h, ok := strings.CutPrefix(n, p); ok && len(h) >= 4 && len(h) <= 6 {
			if v, err := strconv.ParseUint(h, 16, 32); err == nil && v <= 0x10FFFF {
				return rune(v), true
			}
		}
	}
	return 0, false
}

// toUnicode reads a ToUnicode CMap: its code space (for the code length)
// and its bfchar and bfrange maps.
func (f *file) toUnicode(ft *font, b []byte) {
	l := lexer{b: b}
	var ops []object
	lens := map[int]bool{}
	for !l.eof() {
		o, err := l.object()
		if err != nil {
			continue
		}
		k, ok := o.(keyword)
		if !ok {
			if len(ops) < 1<<16 {
				ops = append(ops, o)
			}
			continue
		}
		switch k {
		case "endcodespacerange":
			for i := 0; i+1 < len(ops); i += 2 {
				if lo, ok := ops[i].([]byte); ok && len(lo) > 0 && len(lo) <= 4 {
					lens[len(lo)] = true
				}
			}
		case "endbfchar":
			for i := 0; i+1 < len(ops); i += 2 {
				src, ok1 := ops[i].([]byte)
				dst, ok2 := ops[i+1].([]byte)
				if ok1 && ok2 && len(src) <= 4 {
					ft.uni[code(src)] = utf16be(dst)
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(ops); i += 3 {
				lo, ok1 := ops[i].([]byte)
				hi, ok2 := ops[i+1].([]byte)
				if !ok1 || !ok2 || len(lo) > 4 || len(hi) > 4 || code(hi) < code(lo) {
					continue
				}
				r := uniRange{lo: code(lo), hi: code(hi)}
				switch d := ops[i+2].(type) {
				case []byte:
					r.base = []rune(utf16be(d))
				case []object:
					for _, e := range d {
						s, _ := e.([]byte)
						r.list = append(r.list, utf16be(s))
					}
				}
				ft.ranges = append(ft.ranges, r)
			}
		}
		ops = ops[:0]
	}
	sort.SliceStable(ft.ranges, func(i, j int) bool { return ft.ranges[i].lo < ft.ranges[j].lo })
	if len(lens) == 1 {
		for n := range lens {
			ft.codeLen = n
		}
	}
}

func code(b []byte) uint32 {
	var c uint32
	for _, x := range b {
		c = c<<8 | uint32(x)
	}
	return c
}

func utf16be(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	if len(b) == 1 {
		u = append(u, uint16(b[0]))
	}
	return string(utf16.Decode(u))
}
