// Package docx reads the tables and paragraphs of a Word document
// (WordprocessingML, .docx) into a grid: cells with their column spans
// (w:gridSpan), vertical merges (w:vMerge restart/continue, as Continue
// cells), paragraphs of a cell joined with "\n", and the paragraphs
// outside tables as lines.
package docx

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

const ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// MaxCells bounds the cells of one document.
const MaxCells = 1 << 20

// Read returns the grid of a .docx file's main document part.
func Read(data []byte) (*grid.Document, error) {
	body, err := zipfile.Member(data, "word/document.xml", "Word")
	if err != nil {
		return nil, err
	}
	doc, err := parse(body)
	if err != nil {
		return nil, fmt.Errorf("the Word file's document.xml is damaged: %w", err)
	}
	return doc, nil
}

// reader keeps the state of one pass over document.xml.
type reader struct {
	doc    grid.Document
	tables []*tableState // open tables, innermost last
	para   strings.Builder
	inPara int // depth of open w:p elements
	cells  int
}

type tableState struct {
	table *grid.Table
	row   *grid.Row
	col   int
	cell  *grid.Cell
	paras []string
	// pending cell properties
	span   int
	vmerge string // "", "restart", "continue"
}

func parse(body []byte) (*grid.Document, error) {
	r := &reader{doc: grid.Document{Format: "docx"}}
	dec := xml.NewDecoder(bytes.NewReader(body))
	skip := 0 // depth inside an element whose text is not document text
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
			if t.Name.Space == "http://schemas.openxmlformats.org/markup-compatibility/2006" && t.Name.Local == "Fallback" ||
				t.Name.Space == ns && (t.Name.Local == "delText" || t.Name.Local == "instrText" || t.Name.Local == "footnoteReference") {
				skip = 1
				continue
			}
			if err := r.start(t, dec); err != nil {
				return nil, err
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			r.end(t)
		}
	}
	if len(r.doc.Blocks) == 0 {
		return nil, errors.New("the document has no text")
	}
	return &r.doc, nil
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (r *reader) top() *tableState {
	if len(r.tables) == 0 {
		return nil
	}
	return r.tables[len(r.tables)-1]
}

func (r *reader) start(t xml.StartElement, dec *xml.Decoder) error {
	if t.Name.Space != ns {
		return nil
	}
	ts := r.top()
	switch t.Name.Local {
	case "tbl":
		if ts != nil && ts.cell != nil {
			// A table inside a cell: its text joins the cell's paragraphs.
			r.tables = append(r.tables, &tableState{table: nil})
			return nil
		}
		tbl := &grid.Table{}
		r.tables = append(r.tables, &tableState{table: tbl})
		r.doc.Blocks = append(r.doc.Blocks, grid.Block{Table: tbl})
	case "tr":
		if ts != nil && ts.table != nil {
			ts.table.Rows = append(ts.table.Rows, grid.Row{})
			ts.row = &ts.table.Rows[len(ts.table.Rows)-1]
			ts.col = 0
		}
	case "gridBefore":
		if ts != nil && ts.row != nil && len(ts.row.Cells) == 0 {
			ts.col += bounded(attr(t, "val"))
		}
	case "tc":
		if ts != nil && ts.table != nil && ts.row != nil {
			r.cells++
			if r.cells > MaxCells {
				return fmt.Errorf("more than %d table cells", MaxCells)
			}
			ts.cell = &grid.Cell{Col: ts.col, ColSpan: 1, RowSpan: 1}
			ts.paras, ts.span, ts.vmerge = nil, 1, ""
		}
	case "gridSpan":
		if ts != nil && ts.cell != nil {
			ts.span = max(bounded(attr(t, "val")), 1)
		}
	case "vMerge":
		if ts != nil && ts.cell != nil {
			if attr(t, "val") == "restart" {
				ts.vmerge = "restart"
			} else {
				ts.vmerge = "continue"
			}
		}
	case "p":
		r.inPara++
		if r.inPara == 1 {
			r.para.Reset()
		}
	case "t":
		var s string
		if err := dec.DecodeElement(&s, &t); err != nil {
			return err
		}
		r.para.WriteString(s)
	case "tab", "ptab":
		if r.inPara > 0 {
			r.para.WriteByte(' ')
		}
	case "br", "cr":
		if r.inPara > 0 {
			r.para.WriteByte('\n')
		}
	case "noBreakHyphen":
		r.para.WriteByte('-')
	case "sym":
		if c, err := strconv.ParseUint(attr(t, "char"), 16, 32); err == nil && c >= 0x20 {
			if c >= 0xF000 && c <= 0xF0FF {
				c -= 0xF000 // a symbol-font code; keep its character
			}
			r.para.WriteRune(rune(c))
		}
	}
	return nil
}

// bounded parses a span count, at most 1000.
func bounded(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0
	}
	return min(n, 1000)
}

func (r *reader) end(t xml.EndElement) {
	if t.Name.Space != ns {
		return
	}
	ts := r.top()
	switch t.Name.Local {
	case "p":
		r.inPara--
		if r.inPara > 0 {
			return
		}
		text := r.para.String()
		r.para.Reset()
		switch {
		case ts != nil && ts.table == nil:
			// inside a nested table: add to the enclosing cell
			for i := len(r.tables) - 1; i >= 0; i-- {
				if r.tables[i].table != nil && r.tables[i].cell != nil {
					r.tables[i].paras = append(r.tables[i].paras, text)
					break
				}
			}
		case ts != nil && ts.cell != nil:
			ts.paras = append(ts.paras, text)
		case ts == nil:
			if strings.TrimSpace(text) != "" {
				r.doc.Blocks = append(r.doc.Blocks, grid.Block{Line: &grid.Line{Text: text}})
			}
		}
	case "tc":
		if ts == nil || ts.table == nil || ts.cell == nil || ts.row == nil {
			return
		}
		c := ts.cell
		c.ColSpan = ts.span
		c.Text = strings.TrimRight(strings.Join(ts.paras, "\n"), "\n")
		c.Continue = ts.vmerge == "continue"
		ts.row.Cells = append(ts.row.Cells, *c)
		ts.col += ts.span
		ts.cell = nil
	case "tbl":
		if ts != nil {
			r.tables = r.tables[:len(r.tables)-1]
		}
	}
}
