package assessment

import (
	"errors"
	"fmt"
	"slices"

	"github.com/ocs-project/ocs/render"
)

// Combine joins documents, such as the assessment packs of every candidate
// of a roster, into one. Each document after the first starts a new
// section: its pages are numbered on their own (「第 1 頁／共 9 頁」 again)
// and its own footer, which names its candidate, runs on its pages.
//
// The result takes the page setup and metadata of the first document,
// with the given title (when not empty) and only the keywords every
// document shares. All documents must have the same page setup.
func Combine(title string, docs ...*render.Document) (*render.Document, error) {
	if len(docs) == 0 {
		return nil, errors.New("combine: no documents")
	}
	first := docs[0]
	out := &render.Document{Meta: first.Meta, Page: first.Page, Footer: first.Footer}
	if title != "" {
		out.Meta.Title = title
	}
	out.Meta.Keywords = nil
	for _, k := range first.Meta.Keywords {
		shared := true
		for _, d := range docs[1:] {
			shared = shared && slices.Contains(d.Meta.Keywords, k)
		}
		if shared {
			out.Meta.Keywords = append(out.Meta.Keywords, k)
		}
	}
	for i, d := range docs {
		if d.Page != first.Page {
			return nil, fmt.Errorf("combine: document %d has another page setup than the first", i+1)
		}
		if i > 0 {
			footer := d.Footer
			out.Blocks = append(out.Blocks, &render.PageBreak{NewSection: true, Footer: &footer})
		}
		out.Blocks = append(out.Blocks, d.Blocks...)
	}
	return out, nil
}
