// Package odt reads the tables and paragraphs of an OpenDocument text
// (.odt) into a grid: cells with table:number-columns-spanned and
// table:number-rows-spanned, covered cells skipped (ODF writes one element
// per grid column, so a covered cell only advances the column), the
// paragraphs of a cell joined with "\n", and the paragraphs outside
// tables as lines.
package odt

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ocs-project/ocs/importer/grid"
	"github.com/ocs-project/ocs/importer/internal/zipfile"
)

const (
	nsTable  = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
	nsText   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	nsOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
)

// MaxCells bounds the cells of one document, repeated cells included.
const MaxCells = 1 << 20

var errTooMany = fmt.Errorf("more than %d table cells (repeated cells included)", MaxCells)

// Read returns the grid of an .odt file's content.xml.
func Read(data []byte) (*grid.Document, error) {
	body, err := zipfile.Member(data, "content.xml", "OpenDocument")
	if err != nil {
		return nil, err
	}
	doc, err := parse(body)
	if err != nil {
		return nil, fmt.Errorf("the OpenDocument file's content.xml is damaged: %w", err)
	}
	return doc, nil
}

type tableState struct {
	table  *grid.Table // nil for a table nested in a cell
	row    *grid.Row
	rowRep int
	col    int
	cell   *grid.Cell
	rep    int
	paras  []string
}

type reader struct {
	doc    grid.Document
	tables []*tableState
	para   strings.Builder
	inPara int
	cells  int
}

func parse(body []byte) (*grid.Document, error) {
	r := &reader{doc: grid.Document{Format: "odt"}}
	dec := xml.NewDecoder(bytes.NewReader(body))
	skip, inBody := 0, false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			if t.Name.Space == nsOffice && t.Name.Local == "text" {
				inBody = true
			}
			if !inBody {
				continue
			}
			if t.Name.Space == nsText && (t.Name.Local == "note" || t.Name.Local == "tracked-changes") {
				skip = 1
				continue
			}
			if err := r.start(t); err != nil {
				return nil, err
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			if inBody {
				if err := r.end(t); err != nil {
					return nil, err
				}
			}
		case xml.CharData:
			if r.inPara > 0 && skip == 0 {
				r.para.Write(t)
			}
		}
	}
	if len(r.doc.Blocks) == 0 {
		return nil, errors.New("the document has no text")
	}
	return &r.doc, nil
}

func attr(t xml.StartElement, space, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local && a.Name.Space == space {
			return a.Value
		}
	}
	return ""
}

// count parses a span or repeat count: at least 1, at most limit.
func count(s string, limit int) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 1
	}
	return min(n, limit)
}

func (r *reader) top() *tableState {
	if len(r.tables) == 0 {
		return nil
	}
	return r.tables[len(r.tables)-1]
}

func (r *reader) start(t xml.StartElement) error {
	ts := r.top()
	switch t.Name.Space {
	case nsTable:
		switch t.Name.Local {
		case "table":
			if ts != nil && ts.cell != nil || ts != nil && ts.table == nil {
				r.tables = append(r.tables, &tableState{})
				return nil
			}
			tbl := &grid.Table{}
			r.tables = append(r.tables, &tableState{table: tbl})
			r.doc.Blocks = append(r.doc.Blocks, grid.Block{Table: tbl})
		case "table-row":
			if ts != nil && ts.table != nil {
				ts.table.Rows = append(ts.table.Rows, grid.Row{})
				ts.row = &ts.table.Rows[len(ts.table.Rows)-1]
				ts.col = 0
				ts.rowRep = count(attr(t, nsTable, "number-rows-repeated"), 100)
			}
		case "table-cell":
			if ts != nil && ts.table != nil && ts.row != nil {
				ts.cell = &grid.Cell{Col: ts.col,
					ColSpan: count(attr(t, nsTable, "number-columns-spanned"), 1000),
					RowSpan: count(attr(t, nsTable, "number-rows-spanned"), 100000)}
				ts.rep = count(attr(t, nsTable, "number-columns-repeated"), 1000)
				ts.paras = nil
			}
		case "covered-table-cell":
			if ts != nil && ts.table != nil && ts.row != nil {
				ts.col += count(attr(t, nsTable, "number-columns-repeated"), 1000)
			}
		}
	case nsText:
		switch t.Name.Local {
		case "p", "h":
			r.inPara++
			if r.inPara == 1 {
				r.para.Reset()
			}
		case "s":
			r.para.WriteString(strings.Repeat(" ", count(attr(t, nsText, "c"), 1000)))
		case "tab":
			r.para.WriteByte(' ')
		case "line-break":
			r.para.WriteByte('\n')
		}
	}
	return nil
}

func (r *reader) end(t xml.EndElement) error {
	ts := r.top()
	switch {
	case t.Name.Space == nsText && (t.Name.Local == "p" || t.Name.Local == "h"):
		r.inPara--
		if r.inPara > 0 {
			return nil
		}
		text := r.para.String()
		r.para.Reset()
		for i := len(r.tables) - 1; i >= 0; i-- {
			if r.tables[i].table != nil && r.tables[i].cell != nil {
				r.tables[i].paras = append(r.tables[i].paras, text)
				return nil
			}
		}
		if ts == nil && strings.TrimSpace(text) != "" {
			r.doc.Blocks = append(r.doc.Blocks, grid.Block{Line: &grid.Line{Text: text}})
		}
	case t.Name.Space == nsTable && t.Name.Local == "table-cell":
		if ts == nil || ts.table == nil || ts.cell == nil {
			return nil
		}
		c := *ts.cell
		c.Text = strings.TrimRight(strings.Join(ts.paras, "\n"), "\n")
		for k := 0; k < ts.rep; k++ {
			r.cells++
			if r.cells > MaxCells {
				return errTooMany
			}
			c.Col = ts.col
			ts.row.Cells = append(ts.row.Cells, c)
			// Each grid column has one element: the columns a cell spans
			// follow it as covered cells, which advance the column.
			ts.col++
		}
		ts.cell = nil
	case t.Name.Space == nsTable && t.Name.Local == "table-row":
		if ts == nil || ts.table == nil || ts.row == nil {
			return nil
		}
		// A repeated row (LibreOffice's trailing empty rows) is kept once
		// when it is empty and repeated as written otherwise.
		row := *ts.row
		if rowEmpty(row) {
			return nil
		}
		for k := 1; k < ts.rowRep; k++ {
			r.cells += len(row.Cells)
			if r.cells > MaxCells {
				return errTooMany
			}
			ts.table.Rows = append(ts.table.Rows, row)
		}
	case t.Name.Space == nsTable && t.Name.Local == "table":
		if ts != nil {
			r.tables = r.tables[:len(r.tables)-1]
		}
	}
	return nil
}

func rowEmpty(row grid.Row) bool {
	for _, c := range row.Cells {
		if strings.TrimSpace(c.Text) != "" {
			return false
		}
	}
	return true
}
