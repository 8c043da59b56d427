package render

import (
	"errors"
	"fmt"
	"math"
)

// PathError is a malformed part of a document tree. Path names the part
// the way Walk does, such as "blocks[3].rows[2].cells[1]"; the errors of
// Table.Layout name a part of the table, such as "rows[2].cells[1]", or
// leave Path empty when the whole table is at fault.
type PathError struct {
	Path string
	Err  error // what is wrong
}

// Error returns the path and the problem, as "rows[2].cells[1]: …".
func (e *PathError) Error() string {
	if e.Path == "" {
		return e.Err.Error()
	}
	return e.Path + ": " + e.Err.Error()
}

// Unwrap returns the problem without the path.
func (e *PathError) Unwrap() error { return e.Err }

// Check reports the first part of d that no backend can render: a nil
// block, a table that Table.Layout rejects, a key-value grid with a
// negative Columns, a LabelWidth outside [0, 1) or no pairs, a signature
// line with no fields, or a paragraph indent that is not a length. The
// error is a *PathError naming the part, e.g.
// "blocks[3].rows[2].cells[1]: the cell spans 3 rows from row 3, but the
// table has only 4 rows". Backends call Check before writing anything.
func Check(d *Document) error {
	if d == nil {
		return errors.New("no document")
	}
	for i, b := range d.Blocks {
		if err := checkBlock(b); err != nil {
			return within(fmt.Sprintf("blocks[%d]", i), err)
		}
	}
	return nil
}

// within names err as standing in the part at path: a *PathError gets
// path in front of its own.
func within(path string, err error) error {
	pe, ok := err.(*PathError)
	if !ok {
		return &PathError{Path: path, Err: err}
	}
	if pe.Path != "" {
		path += "." + pe.Path
	}
	return &PathError{Path: path, Err: pe.Err}
}

// errNilBlock is the problem of a nil block, or a nil pointer of a block
// type.
var errNilBlock = errors.New("block is nil; a template must not add nil blocks")

// checkBlock checks one block. Every case falls through to errNilBlock
// when b is a nil pointer.
func checkBlock(b Block) error {
	switch b := b.(type) {
	case *Heading:
		if b != nil {
			return nil
		}
	case *Paragraph:
		if b != nil {
			return checkIndents(b)
		}
	case *Table:
		if b != nil {
			return checkTable(b)
		}
	case *KeyValue:
		if b != nil {
			return checkKeyValue(b)
		}
	case *List:
		if b != nil {
			return nil
		}
	case *Signature:
		if b != nil {
			if len(b.Fields) == 0 {
				return errors.New("the signature line has no fields")
			}
			return nil
		}
	case *PageBreak:
		if b != nil {
			return nil
		}
	default:
		if b != nil {
			return fmt.Errorf("unknown block type %T", b)
		}
	}
	return errNilBlock
}

// checkTable checks the indents of every cell's paragraphs, then the
// table's layout.
func checkTable(t *Table) error {
	for i, row := range t.Rows {
		for j, c := range row.Cells {
			for k := range c.Paras {
				if err := checkIndents(&c.Paras[k]); err != nil {
					return &PathError{Path: fmt.Sprintf("rows[%d].cells[%d].paras[%d]", i, j, k), Err: err}
				}
			}
		}
	}
	_, err := t.Layout()
	return err
}

// checkKeyValue checks the indents of the values' paragraphs, then the
// settings of the grid.
func checkKeyValue(kv *KeyValue) error {
	for i, p := range kv.Pairs {
		for k := range p.Value {
			if err := checkIndents(&p.Value[k]); err != nil {
				return &PathError{Path: fmt.Sprintf("pairs[%d].paras[%d]", i, k), Err: err}
			}
		}
	}
	switch {
	case kv.Columns < 0:
		return fmt.Errorf("Columns is %d: give the number of pairs per row, such as 1 or 2 (0 means 1)", kv.Columns)
	case !(kv.LabelWidth >= 0 && kv.LabelWidth < 1):
		return fmt.Errorf("LabelWidth is %g: it is the label's share of a pair, above 0 and below 1 (0 means 0.3)", kv.LabelWidth)
	case len(kv.Pairs) == 0:
		return errors.New("the key-value grid has no pairs")
	}
	return nil
}

// maxIndent is the largest indent, in millimetres, either way: more would
// put the text off any page.
const maxIndent = 1000

// checkIndents reports an indent of p that is not a length in
// millimetres: not a finite number, or beyond maxIndent.
func checkIndents(p *Paragraph) error {
	for _, v := range [...]struct {
		name string
		mm   float64
	}{{"Indent", p.Indent}, {"Hanging", p.Hanging}} {
		if !(math.Abs(v.mm) <= maxIndent) { // NaN fails too
			return fmt.Errorf("%s is %g: give a length in millimetres, at most %d either way", v.name, v.mm, maxIndent)
		}
	}
	return nil
}
