// Package render defines the format-neutral document tree that templates
// build and backends (render/pdf, render/docx, render/html) write out.
//
// Nothing else crosses the line between templates and backends: a template
// never knows what PDF is, and a backend never knows what a duty is. Sizes
// are in millimetres and points; fonts are the backend's business.
package render

import "time"

// Document is a whole document: metadata, page setup, running footer and
// the blocks of the body in reading order.
type Document struct {
	Meta   Meta
	Page   Page
	Footer Footer
	// Watermark is a mark every page shows, such as 「草稿」 on a draft
	// (see MarkDraft): the PDF backend prints it large at the top of each
	// page, the HTML backend as a banner, the text backend as a first
	// line. Word has no such place here: MarkDraft puts the mark in the
	// running footer too, which every paged backend prints.
	Watermark string
	Blocks    []Block
	// Brand is the organisation's house style on every page; nil for the
	// plain official form.
	Brand *Brand
}

// Meta is document metadata, written into PDF info and DOCX core properties.
type Meta struct {
	Title    string
	Subject  string
	Keywords []string
	Author   string
	// Summary is a sentence or two about the document, for the HTML
	// description and Open Graph tags (a link shared in LINE or Facebook
	// previews it); empty means Subject.
	Summary string
	Lang    string    // BCP 47, e.g. "zh-TW"
	Date    time.Time // creation and modification date; zero = backend's fixed default
	// StructuredData is a JSON-LD object (schema.org) that the HTML backend
	// embeds in a <script type="application/ld+json"> element; other
	// backends ignore it.
	StructuredData []byte
	// Section names the document's first section when PageBreak.Title
	// names the others, as in a cohort document combining the packs of
	// several candidates; the PDF backend makes each section a bookmark.
	Section string
}

// Page is the page setup. The zero value is A4 portrait with default margins.
type Page struct {
	Landscape bool
	// Margins in millimetres; zero means the backend default (20 mm).
	Top, Right, Bottom, Left float64
}

// Footer is the running footer. Each text may contain the placeholders
// {page} (this page's number) and {pages} (the number of pages), e.g.
// "第 {page} 頁／共 {pages} 頁".
type Footer struct {
	Left, Center, Right string
}

// Block is one block of the body: *Heading, *Paragraph, *KeyValue, *Table,
// *List, *Signature or *PageBreak.
type Block interface{ isBlock() }

// Align is horizontal alignment.
type Align int

// Horizontal alignments.
const (
	Left Align = iota
	Center
	Right
	Justify
)

// VAlign is vertical alignment inside a table cell.
type VAlign int

// Vertical alignments.
const (
	Top VAlign = iota
	Middle
	Bottom
)

// Style names the role of a paragraph; backends map each to a font size
// and spacing (and DOCX to a real Word style, so users restyle in one place).
type Style int

// Paragraph styles.
const (
	Normal    Style = iota // body text
	TableText              // text inside table cells (smaller)
	Small                  // notes, footnotes, captions
	TitleText              // the document title
)

// Run is a piece of text with one styling. A run with Box set is a check
// box (an empty square, or one with √ when Checked) followed by Text.
type Run struct {
	Text      string
	Bold      bool
	Super     bool // superscript, e.g. 【註1】 references
	Underline bool
	Box       bool
	Checked   bool
	// Change marks the run as text inserted or deleted since an earlier
	// version, in a redline. Backends show it as a revision: DOCX as a
	// tracked change, HTML as <ins>/<del>, text as [+…+]/[-…-], PDF
	// underlined or struck through.
	Change Change
}

// Change says whether a run is inserted or deleted text in a redline.
type Change int

// Run changes.
const (
	Unchanged Change = iota
	Inserted
	Deleted
)

// Heading is a section heading. Level 1 is the largest.
type Heading struct {
	Level int
	Runs  []Run
	Align Align
}

// Paragraph is a paragraph of styled runs. Lines break where the backend
// decides; a "\n" inside a run forces a line break.
type Paragraph struct {
	Runs   []Run
	Align  Align
	Style  Style
	Indent float64 // left indent in millimetres
	// Hanging indents every line but the first by this many millimetres,
	// e.g. for 「【註1】術語：…」 lines.
	Hanging float64
	// KeepWithNext keeps the paragraph on the page of the next block.
	KeepWithNext bool
}

// KeyValue is a grid of labelled values, such as a header block or a
// candidate sheet: Columns pairs per row (1 or 2), label then value.
type KeyValue struct {
	Columns int
	Pairs   []Pair
	// LabelWidth is the share (0–1) of a pair's width given to its label;
	// zero means the backend default (0.3).
	LabelWidth float64
}

// Pair is a label and its value.
type Pair struct {
	Label string
	Value []Paragraph
}

// Table is a table with column widths, header rows that repeat on every
// page, and cells that span rows and columns.
type Table struct {
	// Widths are relative column widths; the backend scales them to the
	// text width. len(Widths) is the number of columns.
	Widths []float64
	// HeaderRows is how many leading rows form the header, repeated at the
	// top of every page the table continues on.
	HeaderRows int
	Rows       []Row
	// Continued is appended to a spanning cell's text when the cell is
	// repeated after a page break, e.g. "（續）" (see Cell.Repeat).
	Continued string
	Style     Style // text style of the cells; zero value means TableText
}

// Row is one table row. Cells covered by a span from a cell above or to the
// left are not listed: a row lists only the cells that start in it, left to
// right, and the backend places them in the first free columns.
type Row struct {
	Cells []Cell
	// KeepTogether asks that the row not be split across pages unless it is
	// taller than a page.
	KeepTogether bool
}

// Cell is a table cell.
type Cell struct {
	Paras   []Paragraph
	RowSpan int // 0 or 1 = one row
	ColSpan int // 0 or 1 = one column
	Align   Align
	VAlign  VAlign
	Shade   bool // light grey background, as in header rows
	// Repeat asks that the cell name itself again on every page it
	// continues on: when a page break falls inside the cell (inside its
	// span of rows, or inside its own row), the cell's part on the next
	// page shows its whole text followed by the table's Continued text.
	// Only a text taller than half a page is shortened, and then to the
	// first line of each paragraph (of the first paragraph when that is
	// still too tall) and the Continued text: a cell naming several
	// items, one a paragraph, names each. Without Repeat, a continued
	// spanning cell repeats a short text (a few lines) and otherwise shows
	// the Continued text alone. Backends that cannot repeat a cell's text
	// at a page break (Word) document what they do instead.
	Repeat bool
}

// List is a bulleted or numbered list; each item is one paragraph of runs.
type List struct {
	Bullet string // e.g. "●", "•"; empty with Ordered means "1." numbering
	Items  [][]Run
	Style  Style
}

// Signature is a line of fields to sign or fill in by hand, e.g.
// 評量人員簽名 ____ 日期 ____.
type Signature struct {
	Fields []string
}

// PageBreak starts a new page. With NewSection it also starts a new
// section: page numbers restart at 1, {pages} counts the pages of the
// section alone, and Footer (when not nil) replaces the running footer from
// that page on. Combined documents (a form set per candidate) use it.
type PageBreak struct {
	NewSection bool
	Footer     *Footer
	// Title names the section a NewSection break starts, such as the
	// candidate whose pack follows; the PDF backend makes it a bookmark
	// holding the section's headings.
	Title string
}

func (*Heading) isBlock()   {}
func (*Paragraph) isBlock() {}
func (*KeyValue) isBlock()  {}
func (*Table) isBlock()     {}
func (*List) isBlock()      {}
func (*Signature) isBlock() {}
func (*PageBreak) isBlock() {}

// Text returns a paragraph of one plain run.
func Text(s string) Paragraph { return Paragraph{Runs: []Run{{Text: s}}} }

// Texts returns the plain text of runs joined together.
func Texts(runs []Run) string {
	n := 0
	for _, r := range runs {
		n += len(r.Text)
	}
	b := make([]byte, 0, n)
	for _, r := range runs {
		b = append(b, r.Text...)
	}
	return string(b)
}
