package pdfw_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/render/pdf/pdfw"
)

// A one-page tagged PDF with a heading in the embedded TW-Kai: subset
// the face, make the Font, draw its codes inside the heading's marked
// content, and write the document.
func Example() {
	set, err := fonts.DefaultSet()
	if err != nil {
		panic(err)
	}
	text := "職能基準"
	sub, err := set.Regular.Subset([]rune(text))
	if err != nil {
		panic(err)
	}
	m, err := sub.Metrics()
	if err != nil {
		panic(err)
	}
	var chars []pdfw.Char
	for _, r := range text {
		g := m.Glyph(r)
		chars = append(chars, pdfw.Char{Rune: r, Glyph: uint16(g), Width: m.Advance(g) * 1000 / m.UnitsPerEm()})
	}
	font, err := pdfw.NewTrueType("TW-Kai", sub.Data, chars)
	if err != nil {
		panic(err)
	}

	doc := pdfw.New(pdfw.Info{Title: "職能基準", Lang: "zh-TW", Date: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	doc.Tree = pdfw.NewTree("Document")
	h1 := doc.Tree.Root.Add("H1")
	c := pdfw.NewContent()
	c.Tag("H1", doc.Tree.Mark(h1, 0))
	c.Text(doc.AddFont(font), 18, 72, 770, 0, font.Encode(nil, text))
	c.End()
	doc.AddPage(595.28, 841.89, c)
	doc.Outline = []*pdfw.Bookmark{{Title: text, Page: 0, Y: 790}}
	pdf := doc.Bytes()

	fmt.Println(string(pdf[:8]), doc.Pages(), "page", bytes.HasSuffix(pdf, []byte("%%EOF\n")))
	// Output: %PDF-1.7 1 page true
}
