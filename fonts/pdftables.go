package fonts

import "fmt"

// pdfTables are the tables a PDF reader uses from the TrueType font
// program of a CIDFontType2 font (ISO 32000-2, 9.9.2): the outlines and
// their horizontal metrics, and the hinting programs when the glyphs
// have instructions. OS/2 is kept too, for writers that read the font
// descriptor's CapHeight from it (96 bytes). They are listed in tag
// order, the order a font file's table directory has.
var pdfTables = []string{"OS/2", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"}

// TablesForPDF returns a copy of the TrueType font file data, such as the
// Data of a Subset, holding only the tables a PDF reader uses when the
// font is embedded as the FontFile2 of a CIDFontType2 font whose
// CIDToGIDMap selects the glyphs: glyf, loca, head, hhea, hmtx, maxp,
// cvt, fpgm, prep and OS/2, those the file has. The character map
// (cmap), names (name), post and the vertical metrics are left out: a
// reader does not look characters up in an embedded CIDFont program, and
// the PDF carries the font's name, widths and ToUnicode map itself. For
// the THM2431-001v1 standard table this saves about 3 KB of the 120 KB
// compressed TW-Kai program. A font without hinting whose coordinates
// and advances are all multiples of 4 (or 2), as TW-Kai's are, gets an
// em that much smaller (see shrinkEm): the same outlines and widths in
// smaller numbers, another 4 KB.
//
// The result is only for PDF embedding: a font a system installs, or the
// copy a DOCX file carries, needs the cmap and name tables. The same data
// gives the same bytes.
func TablesForPDF(data []byte) ([]byte, error) {
	g, err := openGlyphs(data)
	if err != nil {
		return nil, fmt.Errorf("keeping the tables a PDF needs: %w", err)
	}
	if g.cff {
		return nil, fmt.Errorf("keeping the tables a PDF needs: %w: the font has CFF outlines, not glyf", ErrCFF)
	}
	var tables []table // in tag order, as pdfTables is
	size := 0
	for _, tag := range pdfTables {
		if t := tableData(data, g.recs, tag); t != nil {
			tables = append(tables, table{tag: tag, data: t})
			size += (len(t) + 3) &^ 3
		}
	}
	w := newFontWriter(len(tables), size)
	if !shrinkEm(w, tables) {
		for _, t := range tables {
			w.add(t.tag, t.data)
		}
	}
	return w.finish(), nil
}
