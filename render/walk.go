package render

import "strconv"

// Walk calls fn with every text of the document and where it stands, such
// as "blocks[3].rows[2].cells[1]" or "footer.right", in reading order.
// Coverage checks use it to find characters a font lacks.
func Walk(d *Document, fn func(where, text string)) {
	walker{fn: fn, paths: true}.doc(d)
}

// WalkTexts calls fn with every text Walk yields, in the same order, without
// making the paths: the cheap walk for a caller that needs the
// characters only.
func WalkTexts(d *Document, fn func(text string)) {
	walker{fn: func(_, text string) { fn(text) }}.doc(d)
}

// walker walks a document, making the paths of the texts when paths is
// set (else every path is "").
type walker struct {
	fn    func(where, text string)
	paths bool
}

// at returns where + "." + field + "[i]", or "" without paths.
func (w walker) at(where, field string, i int) string {
	if !w.paths {
		return ""
	}
	b := make([]byte, 0, len(where)+len(field)+8)
	if where != "" {
		b = append(b, where...)
		b = append(b, '.')
	}
	b = append(b, field...)
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(i), 10)
	return string(append(b, ']'))
}

// join returns where + "." + field, or "" without paths.
func (w walker) join(where, field string) string {
	if !w.paths {
		return ""
	}
	return where + "." + field
}

func (w walker) doc(d *Document) {
	fn := w.fn
	fn("meta.title", d.Meta.Title)
	fn("meta.subject", d.Meta.Subject)
	for i, k := range d.Meta.Keywords {
		fn(w.at("meta", "keywords", i), k)
	}
	fn("meta.summary", d.Meta.Summary)
	fn("watermark", d.Watermark)
	fn("footer.left", d.Footer.Left)
	fn("footer.center", d.Footer.Center)
	fn("footer.right", d.Footer.Right)
	for i, b := range d.Blocks {
		w.block(w.at("", "blocks", i), b)
	}
}

func (w walker) runs(where string, runs []Run) {
	for _, r := range runs {
		if r.Text != "" {
			w.fn(where, r.Text)
		}
	}
}

func (w walker) paras(where string, ps []Paragraph) {
	for i, p := range ps {
		w.runs(w.at(where, "paras", i), p.Runs)
	}
}

func (w walker) block(where string, b Block) {
	switch b := b.(type) {
	case *Heading:
		w.runs(where, b.Runs)
	case *Paragraph:
		w.runs(where, b.Runs)
	case *KeyValue:
		for i, p := range b.Pairs {
			at := w.at(where, "pairs", i)
			w.fn(w.join(at, "label"), p.Label)
			w.paras(at, p.Value)
		}
	case *Table:
		w.fn(w.join(where, "continued"), b.Continued)
		for i, r := range b.Rows {
			row := w.at(where, "rows", i)
			for j, c := range r.Cells {
				w.paras(w.at(row, "cells", j), c.Paras)
			}
		}
	case *List:
		for i, it := range b.Items {
			w.runs(w.at(where, "items", i), it)
		}
	case *Signature:
		for i, f := range b.Fields {
			w.fn(w.at(where, "fields", i), f)
		}
	}
}
