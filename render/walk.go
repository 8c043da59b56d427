package render

import "fmt"

// Walk calls fn with every text of the document and where it stands, such
// as "blocks[3].rows[2].cells[1]" or "footer.right", in reading order.
// Coverage checks use it to find characters a font lacks.
func Walk(d *Document, fn func(where, text string)) {
	fn("meta.title", d.Meta.Title)
	fn("meta.subject", d.Meta.Subject)
	for i, k := range d.Meta.Keywords {
		fn(fmt.Sprintf("meta.keywords[%d]", i), k)
	}
	fn("meta.summary", d.Meta.Summary)
	fn("watermark", d.Watermark)
	fn("footer.left", d.Footer.Left)
	fn("footer.center", d.Footer.Center)
	fn("footer.right", d.Footer.Right)
	for i, b := range d.Blocks {
		walkBlock(fmt.Sprintf("blocks[%d]", i), b, fn)
	}
}

func walkRuns(where string, runs []Run, fn func(where, text string)) {
	for _, r := range runs {
		if r.Text != "" {
			fn(where, r.Text)
		}
	}
}

func walkParas(where string, ps []Paragraph, fn func(where, text string)) {
	for i, p := range ps {
		walkRuns(fmt.Sprintf("%s.paras[%d]", where, i), p.Runs, fn)
	}
}

func walkBlock(where string, b Block, fn func(where, text string)) {
	switch b := b.(type) {
	case *Heading:
		walkRuns(where, b.Runs, fn)
	case *Paragraph:
		walkRuns(where, b.Runs, fn)
	case *KeyValue:
		for i, p := range b.Pairs {
			w := fmt.Sprintf("%s.pairs[%d]", where, i)
			fn(w+".label", p.Label)
			walkParas(w, p.Value, fn)
		}
	case *Table:
		fn(where+".continued", b.Continued)
		for i, r := range b.Rows {
			for j, c := range r.Cells {
				walkParas(fmt.Sprintf("%s.rows[%d].cells[%d]", where, i, j), c.Paras, fn)
			}
		}
	case *List:
		for i, it := range b.Items {
			walkRuns(fmt.Sprintf("%s.items[%d]", where, i), it, fn)
		}
	case *Signature:
		for i, f := range b.Fields {
			fn(fmt.Sprintf("%s.fields[%d]", where, i), f)
		}
	}
}
