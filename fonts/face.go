// Package fonts provides the embedded default CJK face, loading of user
// fonts, and glyph coverage checks.
package fonts

import (
	"fmt"

	"golang.org/x/image/font/sfnt"
)

// Face is one TrueType face ready for a backend: Data is always a
// standalone TrueType (glyf) font file, even when the face came from a
// collection (.ttc).
type Face struct {
	// Name is the family name backends register and DOCX names.
	Name string
	// Data is the font file's bytes.
	Data []byte
	// SyntheticBold asks the backend to embolden this face (fill + stroke)
	// when it stands in for a bold face that was not given.
	SyntheticBold bool

	font *sfnt.Font
	buf  sfnt.Buffer
}

// Parse makes a Face from a standalone TrueType file's bytes.
func Parse(name string, data []byte) (*Face, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	return &Face{Name: name, Data: data, font: f}, nil
}

// Has reports whether the face has a glyph for r. It is not safe for
// concurrent use on one Face.
func (f *Face) Has(r rune) bool {
	i, err := f.font.GlyphIndex(&f.buf, r)
	return err == nil && i != 0
}
