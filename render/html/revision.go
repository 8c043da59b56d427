package html

import "github.com/ocs-project/ocs/render"

// revisionStyle shows the runs of a redline: inserted text underlined in
// blue, deleted text struck through in red. It is written only into pages
// that have such runs.
const revisionStyle = `ins { color: #1a5fb4; text-decoration: underline; }
del { color: #a51d2d; text-decoration: line-through; }
`

// hasRevisions reports whether any run of doc is marked inserted or deleted.
func hasRevisions(doc *render.Document) bool {
	marked := func(runs []render.Run) bool {
		for _, r := range runs {
			if r.Change != render.Unchanged {
				return true
			}
		}
		return false
	}
	paras := func(ps []render.Paragraph) bool {
		for _, p := range ps {
			if marked(p.Runs) {
				return true
			}
		}
		return false
	}
	for _, b := range doc.Blocks {
		switch b := b.(type) {
		case *render.Heading:
			if marked(b.Runs) {
				return true
			}
		case *render.Paragraph:
			if marked(b.Runs) {
				return true
			}
		case *render.KeyValue:
			for _, p := range b.Pairs {
				if paras(p.Value) {
					return true
				}
			}
		case *render.Table:
			for _, r := range b.Rows {
				for _, c := range r.Cells {
					if paras(c.Paras) {
						return true
					}
				}
			}
		case *render.List:
			for _, it := range b.Items {
				if marked(it) {
					return true
				}
			}
		}
	}
	return false
}
