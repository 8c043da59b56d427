package fonts

import (
	"encoding/binary"
	"fmt"

	"golang.org/x/image/font/sfnt"
)

// Face is one font face ready for a backend: Data is always a standalone
// font file, even when the face came from a collection (.ttc), with
// TrueType (glyf) outlines, or with CFF outlines when CFF reports so.
type Face struct {
	// Name is the family name backends register and DOCX names.
	Name string
	// Data is the font file's bytes.
	Data []byte
	// SyntheticBold asks the backend to embolden this face (fill + stroke)
	// when it stands in for a bold face that was not given. Such a face
	// shares Data with the regular face it was made from.
	SyntheticBold bool
	// Source says where the face came from, for messages: "embedded" or
	// the file path (with "#N" for a face of a collection).
	Source string

	chars *runeSet
	cff   bool
}

// CFF reports whether the face has PostScript (CFF) outlines, from an
// OpenType ".otf" file, rather than TrueType ones. A PDF writer embeds
// such a face whole as a CIDFontType0 (see Face.Program); Face.Subset
// works on TrueType faces only.
func (f *Face) CFF() bool { return f != nil && f.cff }

// Parse makes a Face from a standalone TrueType or OpenType file's bytes.
// It checks what the PDF backend needs (the required tables, embedding
// permission, a Unicode character map, and for CFF outlines a readable CFF
// table) and returns an error wrapping ErrNotFont, ErrTruncated,
// ErrRestricted or ErrNoUnicode when the font cannot be used. An empty name means the font's own family
// name.
func Parse(name string, data []byte) (*Face, error) {
	f, err := parse(name, data)
	if err != nil {
		if name == "" {
			name = "(unnamed)"
		}
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	return f, nil
}

func parse(name string, data []byte) (*Face, error) {
	return parseFace(name, data, true)
}

// parseFace makes a Face as Parse does; deep says whether sfnt reads the
// other tables in depth too (see embedded).
func parseFace(name string, data []byte, deep bool) (*Face, error) {
	if len(data) >= 4 {
		switch binary.BigEndian.Uint32(data) {
		case magicTTC:
			return nil, fmt.Errorf("%w: this is a font collection (.ttc); load it with LoadFile and a face index such as name.ttc#0", ErrNotFont)
		case magicWOFF, magicWOFF2:
			return nil, fmt.Errorf("%w: this is a compressed web font (WOFF); use the .ttf it was made from", ErrNotFont)
		}
	}
	recs, err := readDirectory(data, 0)
	if err != nil {
		return nil, err
	}
	cff, err := checkTables(data, recs)
	if err != nil {
		return nil, err
	}
	if err := checkEmbedding(data, recs); err != nil {
		return nil, err
	}
	maxp := tableData(data, recs, "maxp")
	if len(maxp) < 6 {
		return nil, fmt.Errorf("%w: the maxp table is too short", ErrTruncated)
	}
	chars, err := readCoverage(tableData(data, recs, "cmap"), int(binary.BigEndian.Uint16(maxp[4:])))
	if err != nil {
		return nil, err
	}
	if cff {
		if _, err := readCFF(tableData(data, recs, "CFF "), int(binary.BigEndian.Uint16(maxp[4:]))); err != nil {
			return nil, err
		}
	}
	// sfnt checks the other tables (head, hhea, loca or CFF, ...) in depth.
	if deep {
		if _, err := sfnt.Parse(data); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotFont, err)
		}
	}
	if name == "" {
		name = familyName(tableData(data, recs, "name"))
		if name == "" {
			return nil, fmt.Errorf("%w: the name table has no family name", ErrNotFont)
		}
	}
	return &Face{Name: name, Data: data, chars: chars, cff: cff}, nil
}

// Has reports whether the face maps r to a glyph. It is safe for
// concurrent use and costs a bit test for characters up to U+FFFF.
func (f *Face) Has(r rune) bool {
	return f != nil && f.chars != nil && f.chars.has(r)
}

// Len returns the number of characters the face maps to a glyph.
func (f *Face) Len() int {
	if f == nil || f.chars == nil {
		return 0
	}
	return f.chars.count
}

// Bolden returns a copy of f marked SyntheticBold. It shares Data and
// coverage with f, so backends register the font file once.
func (f *Face) Bolden() *Face {
	b := *f
	b.SyntheticBold = true
	return &b
}

// String returns the face's name and source, for messages.
func (f *Face) String() string {
	if f.Source == "" || f.Source == f.Name {
		return f.Name
	}
	return f.Name + " (" + f.Source + ")"
}
