package pdfw

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// Char is a character a font draws: its glyph in the font program and its
// advance width in thousandths of an em (the width layout measured with).
type Char struct {
	Rune  rune
	Glyph uint16
	Width int
}

// Font is a font program ready to embed, with everything its PDF objects
// need made and compressed once. It is immutable: one Font may be added to
// any number of documents, from any number of goroutines. Pages may draw
// with it at once; its program is compressed in the background, and a
// document's Bytes waits for it.
type Font struct {
	base     string          // subset tag and name, ABCDEF+Name
	cff      bool            // CIDFontType0 (CFF) rather than CIDFontType2
	codes    map[rune]uint16 // character → CID
	program  []byte          // compressed font program, once ready is closed
	ready    chan struct{}   // closed once program is made
	progDict string          // the program stream's dictionary
	widths   []byte          // the W array
	toUni    []byte          // compressed ToUnicode CMap
	cidToGID []byte          // compressed CIDToGIDMap (TrueType), nil for /Identity
	desc     []byte          // FontDescriptor keys but /FontFile
}

// BaseFont returns the font's PDF name: a six-letter subset tag, a plus
// sign and the font's name, such as "QWERTY+TW-Kai".
func (f *Font) BaseFont() string { return f.base }

// NewTrueType makes a Font of a TrueType (glyf) font file that draws
// chars, such as a subset holding their glyphs only: data is embedded as
// is (and only read). When every character has a glyph of its own, its
// code is its glyph (CIDToGIDMap /Identity); otherwise characters get
// the codes 1, 2, 3… in character order, mapped to their glyphs by a
// CIDToGIDMap, so that the ToUnicode map gives each code exactly its
// character. Code 0 draws glyph 0 (.notdef) one em wide.
func NewTrueType(name string, data []byte, chars []Char) (*Font, error) {
	chars, err := sortChars(chars)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	if len(chars) > 0xfffe {
		return nil, fmt.Errorf("font %s: %d characters are more than one font can draw (65,534)", name, len(chars))
	}
	m, err := readMetrics(data)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	f := &Font{codes: make(map[rune]uint16, len(chars))}
	// The program, which takes longest, is compressed while the rest is
	// made.
	f.compress(data, deflateGlyphs)
	f.base = subsetTag(name, chars) + "+" + psName(name)
	identity := ownGlyphs(chars)
	codes := make([]cidChar, len(chars))
	for i, c := range chars {
		cid := uint16(i + 1)
		if identity {
			cid = c.Glyph
		}
		f.codes[c.Rune] = cid
		codes[i] = cidChar{cid, c}
	}
	slices.SortFunc(codes, func(a, b cidChar) int { return int(a.cid) - int(b.cid) })
	if !identity {
		gids := make([]byte, 2*(len(chars)+1))
		for _, c := range codes {
			binary.BigEndian.PutUint16(gids[2*c.cid:], c.Glyph)
		}
		f.cidToGID = deflate(gids, levelLarge)
	}
	f.widths = widthArray(codes)
	f.toUni = deflate(toUnicode(codes), levelLarge)
	f.progDict = "/Filter/FlateDecode/Length1 " + strconv.Itoa(len(data))
	f.desc = m.descriptor(f.base)
	return f, nil
}

// compress makes f's program, data compressed by z, on another
// goroutine: a document's pages can be drawn meanwhile, since they need
// the characters' codes only. Should z fail on a font it cannot read, the
// program is data compressed as one stream, as readers take it all the
// same, rather than a panic outside any caller's recovery.
func (f *Font) compress(data []byte, z func([]byte) []byte) {
	f.ready = make(chan struct{})
	go func() {
		defer close(f.ready)
		defer func() {
			if recover() != nil {
				f.program = deflate(data, levelLarge)
			}
		}()
		f.program = z(data)
	}()
}

// ownGlyphs reports whether every character (in character order) has a
// glyph, and one no other character has.
func ownGlyphs(chars []Char) bool {
	seen := make(map[uint16]bool, len(chars))
	for _, c := range chars {
		if c.Glyph == 0 || seen[c.Glyph] {
			return false
		}
		seen[c.Glyph] = true
	}
	return true
}

// cidChar is a character and its code.
type cidChar struct {
	cid uint16
	Char
}

// widthArray writes the W array of codes (in code order) for a font
// whose default width (DW) is 1000: codes of that width are left out, a
// run of codes of one width is written as first, last and width, the
// other consecutive codes as first and their widths.
func widthArray(codes []cidChar) []byte {
	w := []byte{'['}
	var list []int // widths of consecutive codes from list0 on
	var list0 uint16
	sep := func() {
		if c := w[len(w)-1]; c >= '0' && c <= '9' {
			w = append(w, ' ')
		}
	}
	flush := func() {
		if len(list) == 0 {
			return
		}
		sep()
		w = strconv.AppendInt(w, int64(list0), 10)
		w = append(w, '[')
		for i, x := range list {
			if i > 0 {
				w = append(w, ' ')
			}
			w = strconv.AppendInt(w, int64(x), 10)
		}
		w = append(w, ']')
		list = list[:0]
	}
	for i := 0; i < len(codes); {
		c := codes[i]
		// The run of consecutive codes from i with c's width.
		j := i + 1
		for j < len(codes) && codes[j].cid == codes[j-1].cid+1 && codes[j].Width == c.Width {
			j++
		}
		switch {
		case c.Width == 1000:
			flush()
		case j-i >= 3:
			flush()
			sep()
			w = strconv.AppendInt(w, int64(c.cid), 10)
			w = append(w, ' ')
			w = strconv.AppendInt(w, int64(codes[j-1].cid), 10)
			w = append(w, ' ')
			w = strconv.AppendInt(w, int64(c.Width), 10)
		default:
			for k := i; k < j; k++ {
				if len(list) > 0 && codes[k].cid != list0+uint16(len(list)) {
					flush()
				}
				if len(list) == 0 {
					list0 = codes[k].cid
				}
				list = append(list, codes[k].Width)
			}
		}
		i = j
	}
	flush()
	return append(w, ']')
}

// sortChars returns chars in character order, refusing repeats and
// characters that are not Unicode scalar values.
func sortChars(chars []Char) ([]Char, error) {
	chars = slices.Clone(chars)
	slices.SortFunc(chars, func(a, b Char) int { return int(a.Rune - b.Rune) })
	for i, c := range chars {
		if !utf8.ValidRune(c.Rune) {
			return nil, fmt.Errorf("character %U is not a Unicode character", c.Rune)
		}
		if i > 0 && chars[i-1].Rune == c.Rune {
			return nil, fmt.Errorf("character %c (%U) is given twice", c.Rune, c.Rune)
		}
	}
	return chars, nil
}

// Encode appends the codes that draw s with f; a character f does not
// draw gets code 0, the .notdef glyph.
func (f *Font) Encode(dst []byte, s string) []byte {
	for _, r := range s {
		cid := f.codes[r]
		dst = append(dst, byte(cid>>8), byte(cid))
	}
	return dst
}

// subsetTag derives the six capital letters naming a subset from its
// name and glyph set: the same subset gets the same tag, another subset
// almost surely another one.
func subsetTag(name string, chars []Char) string {
	h := sha256.New()
	h.Write([]byte(name))
	var b [8]byte
	for _, c := range chars {
		binary.BigEndian.PutUint32(b[:], uint32(c.Rune))
		binary.BigEndian.PutUint16(b[4:], c.Glyph)
		binary.BigEndian.PutUint16(b[6:], uint16(c.Width))
		h.Write(b[:])
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// psName makes a PostScript font name of a face name: printable ASCII
// without spaces and delimiters.
func psName(name string) string {
	var b []byte
	for _, r := range name {
		switch {
		case r > ' ' && r < 0x7f && !isDelim(byte(r)):
			b = append(b, byte(r))
		case len(b) > 0 && b[len(b)-1] != '-':
			b = append(b, '-')
		}
	}
	if len(b) == 0 {
		return "Font"
	}
	return string(b)
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%', '#':
		return true
	}
	return false
}

// toUnicode writes a ToUnicode CMap mapping each code (in code order) to
// its character, characters above U+FFFF as surrogate pairs: runs of
// consecutive codes for consecutive characters as ranges (bfrange) within
// one block of 256 codes and characters, the others one by one (bfchar).
func toUnicode(m []cidChar) []byte {
	b := []byte("/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n" +
		"/CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n")
	type span struct{ from, n int } // m[from:from+n]
	var ranges, singles []span
	for i := 0; i < len(m); {
		j := i + 1
		for j < len(m) && m[j].cid == m[j-1].cid+1 && m[j].Rune == m[j-1].Rune+1 &&
			m[j].Rune <= 0xffff && m[j].cid>>8 == m[i].cid>>8 && m[j].Rune>>8 == m[i].Rune>>8 {
			j++
		}
		if j-i >= 2 {
			ranges = append(ranges, span{i, j - i})
		} else {
			singles = append(singles, span{i, 1})
		}
		i = j
	}
	for len(singles) > 0 {
		k := min(len(singles), 100) // at most 100 entries a block
		b = strconv.AppendInt(b, int64(k), 10)
		b = append(b, " beginbfchar\n"...)
		for _, s := range singles[:k] {
			e := m[s.from]
			b = append(b, '<')
			b = appendHex16(b, e.cid)
			b = append(b, "><"...)
			b = appendUTF16(b, e.Rune)
			b = append(b, ">\n"...)
		}
		b = append(b, "endbfchar\n"...)
		singles = singles[k:]
	}
	for len(ranges) > 0 {
		k := min(len(ranges), 100)
		b = strconv.AppendInt(b, int64(k), 10)
		b = append(b, " beginbfrange\n"...)
		for _, s := range ranges[:k] {
			first, last := m[s.from], m[s.from+s.n-1]
			b = append(b, '<')
			b = appendHex16(b, first.cid)
			b = append(b, "><"...)
			b = appendHex16(b, last.cid)
			b = append(b, "><"...)
			b = appendUTF16(b, first.Rune)
			b = append(b, ">\n"...)
		}
		b = append(b, "endbfrange\n"...)
		ranges = ranges[k:]
	}
	return append(b, "endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend\n"...)
}

// appendUTF16 appends r in UTF-16BE as hex digits.
func appendUTF16(b []byte, r rune) []byte {
	if r > 0xffff {
		hi, lo := utf16.EncodeRune(r)
		return appendHex16(appendHex16(b, uint16(hi)), uint16(lo))
	}
	return appendHex16(b, uint16(r))
}

// add writes the font's objects and returns its Type 0 font dictionary.
func (f *Font) add(fl *file) Ref {
	prog := fl.alloc()
	fl.setShared(prog, f.progDict, func() []byte {
		<-f.ready
		return f.program
	})
	desc := append([]byte(nil), f.desc...)
	if f.cff {
		desc = append(desc, "/FontFile3 "...)
	} else {
		desc = append(desc, "/FontFile2 "...)
	}
	desc = appendRef(desc, prog)
	desc = append(desc, ">>"...)
	descRef := fl.addLate(desc)
	cid := []byte("<</Type/Font/Subtype/CIDFontType2/BaseFont")
	if f.cff {
		cid = []byte("<</Type/Font/Subtype/CIDFontType0/BaseFont")
	}
	cid = appendName(cid, f.base)
	cid = append(cid, "/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor "...)
	cid = appendRef(cid, descRef)
	cid = append(cid, "/DW 1000/W"...)
	cid = append(cid, f.widths...)
	switch {
	case f.cidToGID != nil:
		m := fl.alloc()
		fl.setRaw(m, "/Filter/FlateDecode", f.cidToGID)
		cid = append(cid, "/CIDToGIDMap "...)
		cid = appendRef(cid, m)
	case !f.cff:
		cid = append(cid, "/CIDToGIDMap/Identity"...)
	}
	cid = append(cid, ">>"...)
	cidRef := fl.addLate(cid)
	uni := fl.alloc()
	fl.setRaw(uni, "/Filter/FlateDecode", f.toUni)
	t0 := []byte("<</Type/Font/Subtype/Type0/BaseFont")
	t0 = appendName(t0, f.base)
	t0 = append(t0, "/Encoding/Identity-H/DescendantFonts["...)
	t0 = appendRef(t0, cidRef)
	t0 = append(t0, "]/ToUnicode "...)
	t0 = appendRef(t0, uni)
	t0 = append(t0, ">>"...)
	return fl.addLate(t0)
}

// Has reports whether f draws r with a glyph of its own.
func (f *Font) Has(r rune) bool { _, ok := f.codes[r]; return ok }
