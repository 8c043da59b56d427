package assessment

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/ocs-project/ocs/render"
)

// Combine joins documents, such as the assessment packs of every candidate
// of a roster, into one. Each document after the first starts a new
// section: its pages are numbered on their own (「第 1 頁／共 9 頁」 again)
// and its own footer, which names its candidate, runs on its pages.
//
// The result takes the page setup and metadata of the first document,
// with the given title and only the keywords every document shares. A
// title that is empty or a member's own title (which names its candidate)
// gives way, for several documents, to the title the members share
// before their candidate's name: the cohort's. Each section is named by
// its document's title (Meta.Section, PageBreak.Title), which the PDF
// makes a bookmark. All documents must have the same page setup.
func Combine(title string, docs ...*render.Document) (*render.Document, error) {
	if len(docs) == 0 {
		return nil, errors.New("combine: no documents")
	}
	first := docs[0]
	out := &render.Document{Meta: first.Meta, Page: first.Page, Footer: first.Footer}
	if title != "" {
		out.Meta.Title = title
	}
	if len(docs) > 1 && (title == "" || slices.ContainsFunc(docs, func(d *render.Document) bool { return d.Meta.Title == title })) {
		out.Meta.Title, _, _ = strings.Cut(first.Meta.Title, candidateSep)
	}
	if len(docs) > 1 {
		out.Meta.Section = first.Meta.Title
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
			out.Blocks = append(out.Blocks, &render.PageBreak{NewSection: true, Footer: &footer, Title: d.Meta.Title})
		}
		out.Blocks = append(out.Blocks, d.Blocks...)
	}
	return out, nil
}
