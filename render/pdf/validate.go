package pdf

import (
	"errors"
	"fmt"
	"math"

	"github.com/ocs-project/ocs/render"
)

// validate checks the blocks before any font is loaded, so that a
// malformed document fails fast. Errors name the block.
func validate(blocks []render.Block) error {
	for i, b := range blocks {
		if isNil(b) {
			return fmt.Errorf("blocks[%d] is nil", i)
		}
		if err := validBlock(b); err != nil {
			return fmt.Errorf("blocks[%d] (%s): %w", i, blockKind(b), err)
		}
	}
	return nil
}

func validBlock(b render.Block) error {
	if err := checkParas(b); err != nil {
		return err
	}
	switch b := b.(type) {
	case *render.Table:
		_, err := buildGrid(b)
		return err
	case *render.KeyValue:
		t, err := keyValueTable(b)
		if err == nil {
			_, err = buildGrid(t)
		}
		return err
	case *render.Signature:
		if len(b.Fields) == 0 {
			return errors.New("the signature line has no fields")
		}
	}
	return nil
}

// checkParas checks the indents of a block's paragraphs: a number that
// is not finite would make coordinates no PDF reader accepts.
func checkParas(b render.Block) error {
	check := func(where string, p *render.Paragraph) error {
		for _, v := range []struct {
			name string
			v    float64
		}{{"Indent", p.Indent}, {"Hanging", p.Hanging}} {
			if math.IsNaN(v.v) || math.IsInf(v.v, 0) || math.Abs(v.v) > 1000 {
				return fmt.Errorf("%s%s is %g mm: give a length in millimetres", where, v.name, v.v)
			}
		}
		return nil
	}
	switch b := b.(type) {
	case *render.Paragraph:
		return check("", b)
	case *render.Table:
		for i, row := range b.Rows {
			for j, c := range row.Cells {
				for k := range c.Paras {
					if err := check(fmt.Sprintf("rows[%d].cells[%d].paras[%d].", i, j, k), &c.Paras[k]); err != nil {
						return err
					}
				}
			}
		}
	case *render.KeyValue:
		for i, p := range b.Pairs {
			for k := range p.Value {
				if err := check(fmt.Sprintf("pairs[%d].paras[%d].", i, k), &p.Value[k]); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// isNil reports whether b is nil or a nil pointer of a block type.
func isNil(b render.Block) bool {
	switch b := b.(type) {
	case *render.Heading:
		return b == nil
	case *render.Paragraph:
		return b == nil
	case *render.Table:
		return b == nil
	case *render.KeyValue:
		return b == nil
	case *render.List:
		return b == nil
	case *render.Signature:
		return b == nil
	case *render.PageBreak:
		return b == nil
	}
	return b == nil
}

// blockKind names a block's type for messages.
func blockKind(b render.Block) string {
	switch b.(type) {
	case *render.Heading:
		return "heading"
	case *render.Paragraph:
		return "paragraph"
	case *render.Table:
		return "table"
	case *render.KeyValue:
		return "key-value grid"
	case *render.List:
		return "list"
	case *render.Signature:
		return "signature"
	case *render.PageBreak:
		return "page break"
	}
	return fmt.Sprintf("%T", b)
}
