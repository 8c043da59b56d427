package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Errors a font file can fail with. They are wrapped with the file name
// and advice, so test with errors.Is.
var (
	// ErrNotFont means the bytes are not a TrueType or OpenType font or
	// collection.
	ErrNotFont = errors.New("not a TrueType or OpenType font file")
	// ErrTruncated means the file ends before the data its header promises.
	ErrTruncated = errors.New("font file is truncated or damaged")
	// ErrCFF means the font has PostScript (CFF) outlines and the
	// backend cannot embed them (Config.CFF is false).
	ErrCFF = errors.New("font has PostScript (CFF) outlines, which PDF output cannot embed yet")
	// ErrRestricted means the font's licence bits forbid embedding it.
	ErrRestricted = errors.New("font licence forbids embedding")
	// ErrFaceIndex means a collection has no face with the requested index.
	ErrFaceIndex = errors.New("no such face in the font collection")
	// ErrTooLarge means a font file is larger than the size limit
	// (DefaultMaxFontSize, or Config.MaxFontSize).
	ErrTooLarge = errors.New("font file is too large")
	// ErrNoUnicode means the font has no Unicode character map the PDF
	// backend can read (a format 4 subtable).
	ErrNoUnicode = errors.New("font has no Unicode character map")
)

// Magic numbers at the start of font files.
const (
	magicTrueType = 0x00010000 // TrueType outlines
	magicApple    = 0x74727565 // "true": Apple TrueType
	magicCFF      = 0x4F54544F // "OTTO": OpenType with CFF outlines
	magicTTC      = 0x74746366 // "ttcf": collection
	magicWOFF     = 0x774F4646 // "wOFF"
	magicWOFF2    = 0x774F4632 // "wOF2"
)

// record is one entry of an sfnt table directory. off is relative to the
// start of the file the directory was read from.
type record struct {
	tag      string
	checksum uint32
	off, len uint32
}

// readDirectory reads the table directory of the face whose offset table
// starts at at in data and checks that every table lies inside data.
func readDirectory(data []byte, at uint32) ([]record, error) {
	if uint64(at)+12 > uint64(len(data)) {
		return nil, ErrTruncated
	}
	switch binary.BigEndian.Uint32(data[at:]) {
	case magicTrueType, magicApple, magicCFF:
	default:
		return nil, ErrNotFont
	}
	n := int(binary.BigEndian.Uint16(data[at+4:]))
	if n == 0 {
		return nil, fmt.Errorf("%w: the table directory is empty", ErrNotFont)
	}
	start := uint64(at) + 12
	if start+16*uint64(n) > uint64(len(data)) {
		return nil, fmt.Errorf("%w: the table directory runs past the end of the file", ErrTruncated)
	}
	recs := make([]record, n)
	for i := range recs {
		p := data[start+16*uint64(i):]
		r := record{
			tag:      string(p[0:4]),
			checksum: binary.BigEndian.Uint32(p[4:]),
			off:      binary.BigEndian.Uint32(p[8:]),
			len:      binary.BigEndian.Uint32(p[12:]),
		}
		if uint64(r.off)+uint64(r.len) > uint64(len(data)) {
			return nil, fmt.Errorf("%w: table %q ends at byte %d of %d",
				ErrTruncated, r.tag, uint64(r.off)+uint64(r.len), len(data))
		}
		recs[i] = r
	}
	return recs, nil
}

// tableData returns the bytes of the table with the given tag, or nil.
func tableData(data []byte, recs []record, tag string) []byte {
	for _, r := range recs {
		if r.tag == tag {
			return data[r.off : r.off+r.len]
		}
	}
	return nil
}

// requiredTables are the tables a TrueType font needs for the PDF
// backend; cffTables those an OpenType font with CFF outlines needs.
var (
	requiredTables = []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"}
	cffTables      = []string{"cmap", "CFF ", "head", "hhea", "hmtx", "maxp", "name", "post"}
)

// checkTables reports a missing required table and whether the font has
// CFF outlines. CFF2 (variable) outlines are refused.
func checkTables(data []byte, recs []record) (cff bool, err error) {
	if tableData(data, recs, "CFF2") != nil {
		return false, fmt.Errorf("%w: it has CFF2 (variable font) outlines; use a static .otf or a .ttf instance", ErrNotFont)
	}
	cff = tableData(data, recs, "CFF ") != nil
	need := requiredTables
	if cff {
		need = cffTables
	}
	for _, tag := range need {
		if tableData(data, recs, tag) == nil {
			return false, fmt.Errorf("%w: the %q table is missing", ErrNotFont, tag)
		}
	}
	return cff, nil
}

// Embedding permission bits of the OS/2 table's fsType field.
const (
	fsRestricted = 0x0002 // restricted licence embedding
	fsNoSubset   = 0x0100 // no subsetting
	fsBitmapOnly = 0x0200 // bitmap embedding only
)

// checkEmbedding reads OS/2 fsType and refuses the embedding bits the PDF
// backend cannot honour. A font without an OS/2 table is installable.
func checkEmbedding(data []byte, recs []record) error {
	os2 := tableData(data, recs, "OS/2")
	if len(os2) < 10 {
		return nil
	}
	fs := binary.BigEndian.Uint16(os2[8:])
	switch {
	case fs&0x000E == fsRestricted: // only restricted: no preview/print or editable bit
		return fmt.Errorf("%w (OS/2 fsType 0x%04x: restricted licence embedding); "+
			"use a font whose licence allows embedding", ErrRestricted, fs)
	case fs&fsBitmapOnly != 0:
		return fmt.Errorf("%w (OS/2 fsType 0x%04x: bitmap embedding only, outlines may not be embedded); "+
			"use a font whose licence allows embedding", ErrRestricted, fs)
	case fs&fsNoSubset != 0:
		return fmt.Errorf("%w (OS/2 fsType 0x%04x: no subsetting, and PDF output embeds subsets); "+
			"use a font whose licence allows subsetting", ErrRestricted, fs)
	}
	return nil
}
