package docx

import (
	"fmt"
	"strconv"

	"github.com/ocs-project/ocs/render"
)

// Namespaces and the XML declaration every part starts with.
const (
	xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW     = `http://schemas.openxmlformats.org/wordprocessingml/2006/main`
	nsR     = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
)

// writer builds word/document.xml and collects the footer parts that the
// sections refer to.
type writer struct {
	b   []byte // document.xml so far
	opt Options
	geo geometry
	// sectionPages writes {pages} as SECTIONPAGES instead of NUMPAGES:
	// set when the document has several sections.
	sectionPages bool
	footers      [][]byte      // footer parts, word/footer1.xml …
	footer       render.Footer // the running footer of the current section
	footerRef    int           // its footer part (1-based) when the section must name it; 0 = none or inherited
	brand        *render.Brand // the organisation's house style; nil = none
	revs         revisions     // tracked changes written so far
}

// newWriter returns a writer that builds document.xml in buf.
func newWriter(opt Options, geo geometry, buf []byte) *writer {
	return &writer{b: buf, opt: opt, geo: geo}
}

// pOpts are paragraph properties that come from the blocks around one.
type pOpts struct {
	breakBefore bool // start on a new page (a PageBreak came before)
	sect        bool // last paragraph of a section: carries its sectPr
	afterTable  bool // right below a table: keep a little space from it
}

// tableGap is the space, in twips (4 pt), kept between a table and a
// paragraph or list right below it.
const tableGap = 80

// section is a run of blocks printed with one footer and page numbers
// counted from 1: d.Blocks[from:to], which holds no section break.
type section struct {
	footer   render.Footer
	from, to int
}

// splitSections cuts the blocks at page breaks with NewSection. A section
// with nothing to print (a section break at the very start, at the end, or
// two in a row) is left out; a footer given by its break carries over to
// the section that follows.
func splitSections(d *render.Document) []section {
	secs := []section{{footer: d.Footer}}
	for i, b := range d.Blocks {
		cur := &secs[len(secs)-1]
		pb, ok := b.(*render.PageBreak)
		if !ok || !pb.NewSection {
			cur.to = i + 1
			continue
		}
		f := cur.footer
		if pb.Footer != nil {
			f = *pb.Footer
		}
		if lastContent(d.Blocks[cur.from:cur.to]) < 0 {
			cur.footer, cur.from, cur.to = f, i+1, i+1
			continue
		}
		secs = append(secs, section{footer: f, from: i + 1, to: i + 1})
	}
	if n := len(secs); n > 1 && lastContent(d.Blocks[secs[n-1].from:secs[n-1].to]) < 0 {
		secs = secs[:n-1]
	}
	return secs
}

// lastContent is the index of the last block that is not a page break, or
// -1 when there is none.
func lastContent(blocks []render.Block) int {
	for i := len(blocks) - 1; i >= 0; i-- {
		if _, ok := blocks[i].(*render.PageBreak); !ok {
			return i
		}
	}
	return -1
}

// document writes the body: the sections in order, each but the last
// closed by a paragraph carrying its properties, the last section's
// properties at the end.
func (w *writer) document(d *render.Document) error {
	w.b = append(w.b, xmlDecl+`<w:document xmlns:w="`+nsW+`" xmlns:r="`+nsR+`"><w:body>`...)
	secs := splitSections(d)
	w.sectionPages = len(secs) > 1
	for i, sec := range secs {
		w.startSection(sec.footer, i == 0)
		if err := w.section(d.Blocks, sec, i < len(secs)-1); err != nil {
			return err
		}
	}
	w.sectPr()
	w.b = append(w.b, `</w:body></w:document>`...)
	return nil
}

// section writes the blocks of one section. With closing, its last
// paragraph carries the section's properties (after a table, a paragraph
// of its own does). A page break at the start or the end of a section is
// dropped, since a section starts on a new page anyway; two in a row leave
// a page empty.
func (w *writer) section(all []render.Block, sec section, closing bool) error {
	blocks := all[sec.from:sec.to]
	first, last := -1, lastContent(blocks)
	for i, b := range blocks {
		if _, ok := b.(*render.PageBreak); !ok {
			first = i
			break
		}
	}
	pending := false   // a page break waits for the next block
	prevTable := false // the last thing written was a table
	for i, b := range blocks {
		if _, ok := b.(*render.PageBreak); ok {
			if i > first && i < last {
				if pending {
					w.breakPara()
					prevTable = false
				}
				pending = true
			}
			continue
		}
		o := pOpts{breakBefore: pending, afterTable: prevTable && !pending, sect: closing && i == last}
		pending = false
		switch b := b.(type) {
		case *render.Heading:
			w.heading(b, o)
		case *render.Paragraph:
			w.paragraph(b, styleID(b.Style), o)
		case *render.List:
			w.list(b, o)
		case *render.Signature:
			w.signature(b, o)
		case *render.Table, *render.KeyValue:
			if prevTable {
				w.spacer()
			}
			t, ok := b.(*render.Table)
			if !ok {
				t = keyValueTable(b.(*render.KeyValue))
			}
			if err := w.table(t, o.breakBefore); err != nil {
				return fmt.Errorf("docx: blocks[%d]: %w", sec.from+i, err)
			}
			if o.sect {
				w.sectPara()
			}
			prevTable = !o.sect
			continue
		}
		prevTable = false
	}
	if last < 0 || prevTable && !closing {
		w.sectEnd()
	}
	return nil
}

// startSection begins a section with footer f. The first section, and a
// later one whose footer differs from the one before, gets a footer part
// of its own; otherwise the section inherits the footer of the previous
// one, as Word's "link to previous" does.
func (w *writer) startSection(f render.Footer, first bool) {
	w.footerRef = 0
	if first && f == (render.Footer{}) {
		w.footer = f
		return
	}
	if first || f != w.footer {
		w.footers = append(w.footers, w.footerPart(f))
		w.footerRef = len(w.footers)
	}
	w.footer = f
}

// sectPr writes the properties of the current section: footer, A4 page,
// margins, page numbers starting at 1.
func (w *writer) sectPr() {
	g := w.geo
	w.b = append(w.b, `<w:sectPr>`...)
	if hasBrandHeader(w.brand) {
		w.b = append(w.b, `<w:headerReference w:type="default" r:id="`+brandHeaderRel+`"/>`...)
	} else if ref := w.opt.Reference; ref != nil && ref.header != nil {
		w.b = append(w.b, `<w:headerReference w:type="default" r:id="`+refHeaderRel+`"/>`...)
	}
	if ref := w.opt.Reference; ref != nil && ref.footer != nil {
		w.b = append(w.b, `<w:footerReference w:type="default" r:id="`+refFooterRel+`"/>`...)
	} else if w.footerRef > 0 {
		w.b = append(w.b, `<w:footerReference w:type="default" r:id="`...)
		w.b = append(w.b, footerRelID(w.footerRef)...)
		w.b = append(w.b, `"/>`...)
	}
	w.b = append(w.b, `<w:pgSz w:w="`...)
	w.b = strconv.AppendInt(w.b, int64(g.width), 10)
	w.b = append(w.b, `" w:h="`...)
	w.b = strconv.AppendInt(w.b, int64(g.height), 10)
	if g.landscape {
		w.b = append(w.b, `" w:orient="landscape`...)
	}
	w.b = append(w.b, `"/><w:pgMar`...)
	for _, a := range [...]struct {
		name string
		v    int
	}{{"top", g.top}, {"right", g.right}, {"bottom", g.bottom}, {"left", g.left}, {"header", g.header()}, {"footer", g.footer}, {"gutter", 0}} {
		w.attr(a.name, a.v)
	}
	w.b = append(w.b, `/><w:pgNumType w:start="1"/></w:sectPr>`...)
}

// attr appends the attribute w:name="v".
func (w *writer) attr(name string, v int) {
	w.b = append(w.b, " w:"...)
	w.b = append(w.b, name...)
	w.b = append(w.b, `="`...)
	w.b = strconv.AppendInt(w.b, int64(v), 10)
	w.b = append(w.b, '"')
}

// tinyPPr are the properties of paragraphs that only carry layout: 1 pt
// high, so they never push a page.
const tinyPPr = `<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>`

// sectPara ends the current section with a paragraph of its own, used when
// the section's last block is not a paragraph.
func (w *writer) sectPara() {
	w.b = append(w.b, `<w:p><w:pPr>`+tinyPPr...)
	w.sectPr()
	w.b = append(w.b, `</w:pPr></w:p>`...)
}

// sectEnd writes the tiny paragraph Word wants after a table that ends the
// document, or in an empty document.
func (w *writer) sectEnd() {
	w.b = append(w.b, `<w:p><w:pPr>`+tinyPPr+`</w:pPr></w:p>`...)
}

// breakPara writes a page break of its own: the first of two in a row.
func (w *writer) breakPara() {
	w.b = append(w.b, `<w:p><w:pPr>`+tinyPPr+`</w:pPr><w:r><w:br w:type="page"/></w:r></w:p>`...)
}

// spacer separates two tables, which Word would otherwise join into one.
func (w *writer) spacer() {
	w.b = append(w.b, `<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:rPr><w:sz w:val="12"/><w:szCs w:val="12"/></w:rPr></w:pPr></w:p>`...)
}
