package docx

import (
	"crypto/sha256"
	"fmt"
	"strconv"
	"unicode"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/render"
)

// Font is a font the DOCX file carries, as Word does with "Embed fonts in
// the file": subset to the characters the document uses and obfuscated as
// ECMA-376 asks, under the name the document gives it. A reader that has
// a font of that name uses its own (Word on Windows uses its 標楷體); one
// that has not uses the carried one, so the pages come out the same in
// LibreOffice on Linux or macOS.
type Font struct {
	// Name is the font table name it stands for: Options.EastAsiaFont or
	// Options.ASCIIFont.
	Name string
	// Regular is the face to carry; Bold, when not nil, is carried as the
	// bold face (without it, readers embolden the regular one).
	Regular, Bold *fonts.Face
	// LatinOnly subsets to the characters a Latin face draws
	// (fonts.IsLatin); otherwise every character of the document is kept.
	LatinOnly bool
	// MakeEditable marks the carried copy installable (OS/2 fsType 0) so
	// readers allow editing the document. Set it only for a font whose
	// licence allows modification, such as the embedded TW-Kai and OCS
	// Serif; otherwise a font that does not allow editable embedding is
	// refused, since readers would not use it.
	MakeEditable bool
}

// embedded is one font file packed into word/fonts.
type embedded struct {
	name string // the font table entry
	bold bool
	key  string // {GUID} the obfuscation key
	part string // word/fonts/fontN.odttf
	data []byte // obfuscated
}

// embedFonts subsets, checks and obfuscates the fonts to carry. The
// result depends on the document's characters only, so the same document
// gives the same bytes.
func embedFonts(doc *render.Document, list []Font) ([]embedded, error) {
	if len(list) == 0 {
		return nil, nil
	}
	var all, latin []rune
	seen := map[rune]bool{}
	add := func(r rune) {
		if seen[r] || unicode.Is(unicode.Cc, r) {
			return
		}
		seen[r] = true
		all = append(all, r)
		if fonts.IsLatin(r) {
			latin = append(latin, r)
		}
	}
	for _, r := range "0123456789" { // page numbers come from fields
		add(r)
	}
	render.Walk(doc, func(_, text string) {
		for _, r := range text {
			add(r)
		}
	})
	var out []embedded
	for _, f := range list {
		runes := all
		if f.LatinOnly {
			runes = latin
		}
		for i, face := range []*fonts.Face{f.Regular, f.Bold} {
			if face == nil {
				continue
			}
			data, err := subsetFor(face, runes, f.MakeEditable)
			if err != nil {
				return nil, fmt.Errorf("docx: carrying font %s: %w", f.Name, err)
			}
			n := len(out) + 1
			key := fontKey(data)
			out = append(out, embedded{
				name: f.Name, bold: i == 1, key: key,
				part: "word/fonts/font" + strconv.Itoa(n) + ".odttf",
				data: obfuscate(data, key),
			})
		}
	}
	return out, nil
}

// subsetFor cuts the face down to runes and checks that readers may use
// the result in an editable document.
func subsetFor(face *fonts.Face, runes []rune, makeEditable bool) ([]byte, error) {
	sub, err := face.Subset(runes)
	if err != nil {
		return nil, err
	}
	data := sub.Data
	if fonts.Editable(data) {
		return data, nil
	}
	if !makeEditable {
		v, _ := fonts.FSType(data)
		return nil, fmt.Errorf("its licence flags (OS/2 fsType 0x%04x) do not allow an editable document to carry it; "+
			"Word and LibreOffice would ignore it (turn embedding off, or use a font that allows it)", v)
	}
	return fonts.WithFSType(data, fonts.FSInstallable)
}

// fontKey derives the obfuscation key, a GUID, from the font's bytes:
// the same font gets the same key.
func fontKey(data []byte) string {
	h := sha256.Sum256(data)
	const hex = "0123456789ABCDEF"
	b := make([]byte, 0, 38)
	b = append(b, '{')
	for i := 0; i < 16; i++ {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			b = append(b, '-')
		}
		b = append(b, hex[h[i]>>4], hex[h[i]&15])
	}
	return string(append(b, '}'))
}

// obfuscate returns a copy of the font with its first 32 bytes XORed with
// the key's 16 bytes taken in reverse order (ECMA-376 Part 1, font
// embedding obfuscation), which readers undo with the fontKey attribute.
func obfuscate(data []byte, key string) []byte {
	var k [16]byte
	n := 0
	for i := 0; i+1 < len(key) && n < 16; i++ {
		hi, ok1 := hexVal(key[i])
		if !ok1 {
			continue
		}
		lo, _ := hexVal(key[i+1])
		k[n] = hi<<4 | lo
		n++
		i++
	}
	out := append([]byte(nil), data...)
	for i := 0; i < 32 && i < len(out); i++ {
		out[i] ^= k[15-i%16]
	}
	return out
}

func hexVal(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	}
	return 0, false
}

// fontRelsPart returns word/_rels/fontTable.xml.rels, which points the
// font table's embed elements at the font parts.
func fontRelsPart(emb []embedded) []byte {
	b := []byte(xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i := range emb {
		n := strconv.Itoa(i + 1)
		b = append(b, `<Relationship Id="rId`+n+`" Type="`+relBase+`font" Target="fonts/font`+n+`.odttf"/>`...)
	}
	return append(b, `</Relationships>`...)
}

// appendEmbeds writes the embedRegular / embedBold elements of the font
// table entry name.
func appendEmbeds(b []byte, emb []embedded, name string) []byte {
	for _, bold := range []bool{false, true} {
		for i, e := range emb {
			if e.name != name || e.bold != bold {
				continue
			}
			el := "w:embedRegular"
			if bold {
				el = "w:embedBold"
			}
			b = append(b, `<`+el+` r:id="rId`+strconv.Itoa(i+1)+`" w:fontKey="`+e.key+`"/>`...)
		}
	}
	return b
}
