// Package grid is the neutral form every import reader produces: the
// tables and loose lines of a file, page by page, with cell spans and (for
// PDF) cell boxes. Readers know formats and nothing of standards; one
// interpreter (package importer) knows the official form and nothing of
// formats.
package grid

// Document is one imported file in reading order.
type Document struct {
	Format string // "pdf", "docx", "odt" or "text"
	Pages  int    // number of pages; 0 when the format has none (DOCX, ODT)
	Blocks []Block
}

// Block is a table or a line of text outside any table. Exactly one of
// Table and Line is set.
type Block struct {
	Table *Table
	Line  *Line
}

// Table is a table as the reader found it. A PDF reader emits one Table per
// table and page: a table cut by a page break is two Tables, and rejoining
// them (dropping a repeated header row, joining a cut cell) is the
// interpreter's job.
type Table struct {
	Page int // 1-based page of the first row; 0 when unknown
	Rows []Row
}

// Row is one table row. Cells are in column order; a cell covered by a
// span from an earlier row or column is not repeated.
type Row struct {
	Page  int // 1-based page; 0 when unknown
	Cells []Cell
}

// Cell is one table cell.
type Cell struct {
	Text    string // lines joined with "\n"; no other normalisation
	Col     int    // 0-based grid column of the cell's first column
	ColSpan int    // columns covered; at least 1
	RowSpan int    // rows covered, within this Table; at least 1
	// Continue reports a cell that continues a vertical merge started in
	// an earlier row (DOCX w:vMerge without "restart"; ODT covered cell),
	// for readers that cannot resolve the merge themselves. Its Text is
	// normally empty.
	Continue bool
	Page     int  // 1-based page; 0 when unknown
	Box      *Box // the cell's box on the page (PDF only)
}

// Line is a line of text outside any table.
type Line struct {
	Text string
	Page int
	Box  *Box // PDF only
}

// Box is a rectangle on a page in PDF points, origin at the page's top
// left, Y growing downwards.
type Box struct {
	X0, Y0, X1, Y1 float64
}
