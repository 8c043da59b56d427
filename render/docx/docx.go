// Package docx writes a render.Document as a Word document (DOCX,
// WordprocessingML in a zip archive).
//
// The file is written by hand with archive/zip: real Word styles (Title,
// Heading 1–2, Normal, Table Text, Small Text, Footer) so that a user
// restyles the whole document in one place; fonts named (the East Asian
// font defaults to 標楷體 with the alternative name TW-Kai) and, when
// Options.Embed lists them, carried as subsets as Word embeds fonts;
// tables with fixed column widths, repeated header rows, vertical and
// horizontal merges and rows kept whole when short; A4 sections with page
// numbers restarting per section. The same input gives the same bytes.
//
// What Word cannot show the way the PDF backend does: a spanning cell
// continued on a new page is not repeated (Word prints a vertically
// merged cell once, where it starts, whether or not it is marked
// Cell.Repeat), so Table.Continued is not printed; a page count per section is a SECTIONPAGES field, which Word
// computes but LibreOffice (7.4) shows as its stored value, 1. Page and
// section breaks with nothing before or after them in their section (at
// the start or end of the document, or next to another section break) are
// dropped, since they would only leave a page empty.
package docx

import (
	"errors"
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/ocs-project/ocs/render"
)

// Default fonts. Word on Windows has both; elsewhere the reader
// substitutes: LibreOffice on Debian sets Chinese text in TW-Kai (package
// fonts-cns11643-kai) and Latin text in Liberation Serif.
const (
	DefaultEastAsiaFont = "標楷體"
	DefaultASCIIFont    = "Times New Roman"
	// kaiAltName is the alternative name the font table gives
	// DefaultEastAsiaFont: the free Kai font with the same shapes, a hint
	// for readers that lack 標楷體.
	kaiAltName = "TW-Kai"
	// boxFont draws the check box glyphs ☐ and ☑, which 標楷體 lacks.
	// Word on Windows (7 and later) has it; other readers fall back to a
	// font with the glyphs (LibreOffice on Debian: TW-Kai, else DejaVu
	// Sans or OpenSymbol).
	boxFont = "Segoe UI Symbol"
)

// Options are the font settings of a DOCX file. Fonts are named in the
// file; without Embed the reader's computer must have them or substitute.
type Options struct {
	// EastAsiaFont is the font of Chinese text; empty means
	// DefaultEastAsiaFont (標楷體, written with alternative name TW-Kai).
	EastAsiaFont string
	// ASCIIFont is the font of Latin letters and digits; empty means
	// DefaultASCIIFont.
	ASCIIFont string
	// Embed lists the fonts the file carries (subset to the document's
	// characters); empty means fonts are named only.
	Embed []Font
	// Reference, when not nil, gives the document the styles, page size,
	// margins, header and footer of an organisation's own Word file.
	Reference *Reference
}

func (o Options) withDefaults() Options {
	if o.EastAsiaFont == "" {
		o.EastAsiaFont = DefaultEastAsiaFont
	}
	if o.ASCIIFont == "" {
		o.ASCIIFont = DefaultASCIIFont
	}
	return o
}

// defaultDate is the creation date written when the document gives none,
// so that output stays reproducible.
var defaultDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Render writes doc as a DOCX file and returns its bytes. Text that XML
// cannot carry (control characters, invalid UTF-8) and malformed tables are
// reported as errors naming the block; nothing is written then.
func Render(doc *render.Document, opt Options) ([]byte, error) {
	if doc == nil {
		return nil, errors.New("docx: no document to render")
	}
	opt = opt.withDefaults()
	if err := validate(doc, opt); err != nil {
		return nil, err
	}
	date, err := documentDate(doc.Meta.Date)
	if err != nil {
		return nil, err
	}
	geo, err := newGeometry(doc.Page)
	if err != nil {
		return nil, err
	}
	geo = opt.Reference.geometry(geo)
	emb, err := embedFonts(doc, opt.Embed)
	if err != nil {
		return nil, err
	}
	buf := bodyBuffers.Get().(*[]byte)
	defer func() { bodyBuffers.Put(buf) }()
	w := newWriter(opt, geo, (*buf)[:0])
	w.brand = doc.Brand
	w.revs.date = date
	if err := w.document(doc); err != nil {
		return nil, err
	}
	out, err := w.pack(doc, date, emb)
	*buf = w.b // keep the grown buffer; pack has copied it into the archive
	return out, err
}

// bodyBuffers keeps the buffers word/document.xml is built in, which grow
// to a few hundred kilobytes for a long table.
var bodyBuffers = sync.Pool{New: func() any {
	b := make([]byte, 0, 64<<10)
	return &b
}}

// documentDate picks the date written into the core properties: the
// document's own, else defaultDate. The caller resolves SOURCE_DATE_EPOCH
// into Meta.Date; a backend never reads the environment. A DOCX is a zip
// file, whose dates start in 1980, and its core dates have four-digit years.
func documentDate(d time.Time) (time.Time, error) {
	if d.IsZero() {
		return defaultDate, nil
	}
	if y := d.UTC().Year(); y < 1980 || y > 9999 {
		return time.Time{}, fmt.Errorf("docx: the document's date %s is outside the years 1980–9999 a DOCX can hold", d.UTC().Format(time.RFC3339))
	}
	return d.UTC().Truncate(time.Second), nil
}

// zipTime is the time of the zip entries for a document date: zip times end
// in February 2106 (32-bit seconds), so later dates are held there.
func zipTime(d time.Time) time.Time {
	if last := time.Unix(1<<32-2, 0).UTC(); d.After(last) {
		return last
	}
	return d
}

// Page geometry in twips (1/20 point, 1/1440 inch).
const (
	a4Short       = 11906 // 210 mm
	a4Long        = 16838 // 297 mm
	defaultMargin = 20.0  // mm
)

// twips converts millimetres to twips.
func twips(mm float64) int { return int(math.Round(mm * 1440 / 25.4)) }

// geometry is the page setup of every section, in twips.
type geometry struct {
	width, height            int
	top, right, bottom, left int
	footer                   int // distance of the footer from the bottom edge
	head                     int // distance of the header from the top edge; 0 = half the top margin
	landscape                bool
}

// header is the distance of the header from the top edge.
func (g geometry) header() int {
	if g.head > 0 {
		return g.head
	}
	return g.top / 2
}

func newGeometry(p render.Page) (geometry, error) {
	margin := func(mm float64) int {
		if !(mm > 0) || math.IsInf(mm, 0) {
			mm = defaultMargin
		}
		return twips(mm)
	}
	g := geometry{
		width: a4Short, height: a4Long,
		top: margin(p.Top), right: margin(p.Right), bottom: margin(p.Bottom), left: margin(p.Left),
		landscape: p.Landscape,
	}
	if p.Landscape {
		g.width, g.height = a4Long, a4Short
	}
	g.footer = g.bottom / 2
	if min := twips(minText); g.textWidth() < min || g.textHeight() < min {
		return g, fmt.Errorf("docx: page margins %g, %g, %g, %g mm (top, right, bottom, left) leave less than %g mm for text; make them smaller",
			p.Top, p.Right, p.Bottom, p.Left, minText)
	}
	return g, nil
}

// minText is the smallest text width and height, in millimetres, that the
// margins must leave.
const minText = 50.0

// textWidth is the width between the side margins.
func (g geometry) textWidth() int { return g.width - g.left - g.right }

// textHeight is the height between the top and bottom margins.
func (g geometry) textHeight() int { return g.height - g.top - g.bottom }
