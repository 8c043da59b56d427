package pdf

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/render"
)

// Options are the settings of Render.
type Options struct {
	// Fonts draws the text: its regular face first, then its fallbacks,
	// character by character; bold text uses its Bold face, or strokes
	// the regular one when that is synthetic. Nil means
	// fonts.DefaultSet(), the embedded TW-Kai.
	Fonts *fonts.Set
	// AllowMissing draws characters no face has as the font's empty box
	// instead of failing with an error that lists them and where they
	// occur.
	AllowMissing bool
	// Template, when set, is the document the documents of a batch are
	// filled in from, such as a candidate's forms without the candidate:
	// each font then draws the characters the template draws with it,
	// whatever the document, and a second font the document's other
	// characters (a name). The first fonts and everything on a page but
	// its footer (drawn as a stream of its own) come out the same from
	// document to document, and a Renderer compresses them once for the
	// batch. A document's bytes depend on it and the template alone.
	Template *render.Document
}

// defaultDate is the creation date of documents that give none, so that
// output is the same on every run.
var defaultDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// info is the document information written with the pages.
type info struct {
	title, subject, keywords, author, lang string
	date                                   time.Time
}

// layout lays doc out into pages of drawing operations, and returns
// them with the document information. A Renderer, if any, gives the
// metrics of faces and the paragraphs laid out before.
func layout(ctx context.Context, doc *render.Document, allowMissing bool, set *fonts.Set, r *Renderer) (*flow, info, error) {
	if doc == nil {
		return nil, info{}, errors.New("no document to render")
	}
	if err := ctx.Err(); err != nil {
		return nil, info{}, err
	}
	if err := render.Check(doc); err != nil {
		return nil, info{}, err
	}
	date, err := docDate(doc.Meta.Date)
	if err != nil {
		return nil, info{}, err
	}
	f, err := newFlow(doc.Page)
	if err != nil {
		return nil, info{}, err
	}
	f.setBrand(doc.Brand)
	f.ctx = ctx
	if r != nil {
		f.t = newFaceTable(set, r.faceMetrics)
		f.t.paras, f.t.tables = r.paras, r.tables
		f.coverageDone = r.prefetch
	} else {
		f.t = newFaceTable(set, nil)
	}
	f.footer = doc.Footer
	f.startTags(doc.Meta.Lang)
	if doc.Meta.Section != "" {
		f.tags.section(doc.Meta.Section, 0, f.top)
	}
	if err := f.place(doc, allowMissing); err != nil {
		return nil, info{}, err
	}
	return f, info{
		title:    doc.Meta.Title,
		subject:  doc.Meta.Subject,
		keywords: strings.Join(doc.Meta.Keywords, ", "),
		author:   doc.Meta.Author,
		lang:     doc.Meta.Lang,
		date:     date,
	}, nil
}

// place checks the fonts and lays the blocks out on pages.
func (f *flow) place(doc *render.Document, allowMissing bool) error {
	if err := f.t.coverage(doc, allowMissing); err != nil {
		return err
	}
	if f.coverageDone != nil {
		f.coverageDone(f.t)
	}
	items, err := f.prepare(doc.Blocks)
	if err != nil {
		return err
	}
	f.items = items
	f.placeItems(items)
	if len(f.pages) == 0 {
		f.newPage() // an empty document is one empty page
	}
	f.footers()
	f.brands()
	f.watermarks(doc.Watermark)
	return f.t.err
}

// docDate is the creation and modification date: the document's own, else
// a fixed date. The caller resolves SOURCE_DATE_EPOCH into Meta.Date; a
// backend never reads the environment. PDF dates have four-digit years.
func docDate(d time.Time) (time.Time, error) {
	if d.IsZero() {
		return defaultDate, nil
	}
	if y := d.UTC().Year(); y < 1 || y > 9999 {
		return time.Time{}, fmt.Errorf("the document's date %s is outside the years 0001–9999 a PDF date can hold", d.UTC().Format(time.RFC3339))
	}
	return d.UTC(), nil
}

// newFlow sets up the page geometry.
func newFlow(p render.Page) (*flow, error) {
	f := &flow{pageW: a4Short, pageH: a4Long}
	if p.Landscape {
		f.pageW, f.pageH = a4Long, a4Short
	}
	margins := []*float64{&p.Top, &p.Right, &p.Bottom, &p.Left}
	for i, m := range margins {
		switch {
		case math.IsNaN(*m) || *m < 0:
			return nil, fmt.Errorf("page margin %s is %g mm: margins must be zero (the default %g mm) or more",
				[]string{"top", "right", "bottom", "left"}[i], *m, defaultMargin)
		case *m == 0:
			*m = defaultMargin
		}
	}
	f.top, f.right, f.bottom, f.left = p.Top, p.Right, p.Bottom, p.Left
	f.width = f.pageW - f.left - f.right
	if f.width < 30 || f.body() < 50 {
		return nil, fmt.Errorf("page margins (top %g, right %g, bottom %g, left %g mm) leave too little of the %g × %g mm page",
			f.top, f.right, f.bottom, f.left, f.pageW, f.pageH)
	}
	return f, nil
}

// prepare lays out the blocks, which render.Check has checked.
func (f *flow) prepare(blocks []render.Block) ([]item, error) {
	items := make([]item, 0, len(blocks))
	for i, b := range blocks {
		if i%64 == 0 && f.ctx != nil {
			if err := f.ctx.Err(); err != nil {
				return nil, err // cancelled: stop before laying out the rest
			}
		}
		it, err := f.prepareBlock(b)
		if err != nil {
			return nil, fmt.Errorf("blocks[%d]: %w", i, err)
		}
		items = append(items, it)
	}
	return items, nil
}

func (f *flow) prepareBlock(b render.Block) (item, error) {
	switch b := b.(type) {
	case *render.Heading:
		return f.prepareHeading(b), nil
	case *render.Paragraph:
		return f.prepareParagraph(b), nil
	case *render.Table:
		return f.prepareTable(b)
	case *render.KeyValue:
		return f.prepareTable(keyValueTable(b))
	case *render.List:
		return f.prepareList(b), nil
	case *render.Signature:
		return f.prepareSignature(b), nil
	case *render.PageBreak:
		return breakItem{b}, nil
	}
	return nil, fmt.Errorf("unknown block type %T", b)
}
