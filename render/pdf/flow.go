package pdf

import (
	"context"

	"github.com/ocs-project/ocs/render"
)

// flow places blocks down the pages: it owns the page list, the current
// position and the section and footer in force.
type flow struct {
	ctx                      context.Context // checked at every new page: a cancelled render stops there
	t                        *faceTable
	pageW, pageH             float64
	top, right, bottom, left float64 // margins
	width                    float64 // text width

	items   []item // the prepared blocks
	pages   []*page
	pg      *page   // current page; nil before the first
	y       float64 // current position on pg
	fresh   bool    // nothing placed on pg yet
	broken  bool    // a page break is pending
	section int
	footer  render.Footer
	tags    tagState      // the structure tree, built in reading order
	brand   *render.Brand // the house style; nil for none
	band    float64       // the brand header band above the body, with its gap

	coverageDone func(*faceTable) // called once the faces of every character are known; may be nil
}

// item is a block prepared for placing: its lines are broken and its
// sizes known.
type item interface {
	// place draws the item from the current position on, adding pages
	// as needed.
	place(f *flow)
	// head is the height of the item's first piece: what KeepWithNext
	// keeps on the page of the block before.
	head() float64
	// keep reports whether the item stays on the page of the next one.
	keep() bool
}

// body returns the height of a page's text area.
func (f *flow) body() float64 { return f.pageH - f.top - f.bottom }

// limit returns the lowest y content may reach.
func (f *flow) limit() float64 { return f.pageH - f.bottom }

// avail returns the height left on the current page, or on a new one
// when the next placement starts a page.
func (f *flow) avail() float64 {
	if f.pg == nil || f.broken {
		return f.body()
	}
	return f.limit() - f.y
}

// atTop reports whether the next placement is at the top of a page.
func (f *flow) atTop() bool { return f.pg == nil || f.broken || f.fresh }

// newPage starts a page. When the render's context is done, the error is
// kept (placement then stops) and the page is still made, so the layout
// stays whole until it returns.
func (f *flow) newPage() {
	if f.ctx != nil && f.t != nil && f.t.err == nil {
		if err := f.ctx.Err(); err != nil {
			f.t.err = err
		}
	}
	pg := &page{section: f.section, footer: f.footer, tags: &f.tags, foot: maxInt}
	if f.pg != nil {
		// A page draws about as much as the page before.
		pg.texts = make([]op, 0, len(f.pg.texts))
		pg.rules = make([]op, 0, len(f.pg.rules))
	}
	f.pg = pg
	f.pages = append(f.pages, f.pg)
	f.y = f.top
	f.fresh = true
	f.broken = false
}

// nextPage returns the index of the page the next placement after a
// break goes on.
func (f *flow) nextPage() int {
	if f.pg == nil {
		return 0
	}
	if f.fresh {
		return len(f.pages) - 1
	}
	return len(f.pages)
}

// ready makes sure there is a current page with room for h mm, starting
// a new page when there is not (unless the page is still empty).
func (f *flow) ready(h float64) {
	if f.pg == nil || f.broken || (!f.fresh && f.y+h > f.limit()+epsilon) {
		f.newPage()
	}
}

// space adds vertical space, except at the top of a page.
func (f *flow) space(h float64) {
	if !f.atTop() {
		f.y += h
	}
}

// placeItems places prepared items, keeping KeepWithNext chains together
// when they fit on one page.
func (f *flow) placeItems(items []item) {
	for i, it := range items {
		if f.t != nil && f.t.err != nil {
			return // cancelled, or a face failed: nothing more is worth placing
		}
		if it.keep() && (i == 0 || !items[i-1].keep()) {
			need := 0.0
			j := i
			for ; j < len(items) && items[j].keep(); j++ {
				need += itemHeight(items[j])
			}
			if j < len(items) {
				need += items[j].head()
			}
			if !f.atTop() && need > f.avail() && need <= f.body() {
				f.newPage()
			}
		}
		it.place(f)
	}
}

// itemHeight is the full height of an item that keeps with the next.
func itemHeight(it item) float64 {
	if p, ok := it.(*paraItem); ok {
		return p.height()
	}
	return it.head()
}

// paraItem is a laid-out paragraph or heading.
type paraItem struct {
	lines         []tline
	before, after float64
	keepNext      bool
	tag           string       // structure type: P, H1…H6 or L
	level         int          // heading level; 0 for other blocks
	title         string       // a heading's text, for the outline
	items         []int        // a list's first line of each item
	color         render.Color // of the text: the brand's accent for titles and headings
}

func (p *paraItem) keep() bool { return p.keepNext }

func (p *paraItem) height() float64 {
	h := p.before + p.after
	for i := range p.lines {
		h += p.lines[i].height()
	}
	return h
}

func (p *paraItem) head() float64 {
	h := p.before
	for i := 0; i < len(p.lines) && i < 2; i++ {
		h += p.lines[i].height()
	}
	return h
}

func (p *paraItem) place(f *flow) {
	f.space(p.before)
	// Do not leave a lone first line at the foot of a page.
	if len(p.lines) > 1 && !f.atTop() && f.y+p.lines[0].height()+p.lines[1].height() > f.limit() {
		f.newPage()
	}
	n := len(p.lines)
	el := f.tags.add(p.tag)
	for i := range p.lines {
		l := &p.lines[i]
		if i == n-2 && i >= 2 && !f.atTop() && f.y+l.height()+p.lines[n-1].height() > f.limit() {
			f.newPage() // nor a lone last line at the head of the next
		}
		f.ready(l.height())
		if i == 0 && p.level > 0 {
			f.tags.heads = append(f.tags.heads, headMark{level: p.level, title: p.title, page: len(f.pages) - 1, y: f.y})
		}
		f.tagLine(p, el, i)
		n := len(f.pg.texts)
		f.pg.drawLine(f.t, f.left, f.y, l)
		colorTexts(f.pg, n, p.color)
		f.y += l.height()
		f.fresh = false
	}
	f.tags.el, f.tags.lbl = nil, nil
	f.y += p.after
}

// prepareParagraph lays out a body paragraph.
func (f *flow) prepareParagraph(p *render.Paragraph) *paraItem {
	st := styleOf(p.Style)
	lines := layoutPara(f.t, para{
		runs: p.Runs, style: st, align: alignOr(p.Align, st.align),
		indent: p.Indent, hanging: p.Hanging,
	}, f.width)
	it := &paraItem{lines: lines, after: st.after, keepNext: p.KeepWithNext, tag: "P"}
	if p.Style == render.TitleText {
		// The document's title is its top heading.
		it.tag, it.level, it.title = "H1", 1, runsText(p.Runs)
		it.color = f.accent()
	}
	return it
}

// prepareHeading lays out a heading; headings always keep with the next
// block.
func (f *flow) prepareHeading(h *render.Heading) *paraItem {
	st := headingStyle(h.Level)
	lines := layoutPara(f.t, para{runs: h.Runs, style: st, align: h.Align}, f.width)
	return &paraItem{lines: lines, before: headingSpace, after: st.after, keepNext: true,
		tag: headingTag(h.Level), level: max(h.Level, 1), title: runsText(h.Runs), color: f.accent()}
}

// alignOr returns a, or def when a is the zero value Left.
func alignOr(a, def render.Align) render.Align {
	if a == render.Left {
		return def
	}
	return a
}

// breakItem is a page break, perhaps starting a section.
type breakItem struct{ pb *render.PageBreak }

func (b breakItem) keep() bool    { return false }
func (b breakItem) head() float64 { return 0 }

func (b breakItem) place(f *flow) {
	if b.pb.NewSection {
		f.section++
		if b.pb.Title != "" {
			f.tags.section(b.pb.Title, f.nextPage(), f.top)
		}
	}
	if b.pb.Footer != nil {
		f.footer = *b.pb.Footer
	}
	if f.pg != nil && f.fresh {
		// The page is still empty: it is the first of the new section.
		f.pg.section, f.pg.footer = f.section, f.footer
		return
	}
	if f.pg != nil {
		f.broken = true
	}
}
