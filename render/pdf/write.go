package pdf

import (
	"fmt"
	"slices"

	"github.com/ocs-project/ocs/render/pdf/pdfw"
)

// fontRef names an embedded font: a family and a style, "" for regular
// or "B" for a real bold face of the family. Faces with the same ref (a
// face and its synthetic bold) share one font.
type fontRef struct {
	family, style string
}

// mmPt is one millimetre in points.
const mmPt = 72 / 25.4

// write makes the PDF of laid-out pages: each font a text uses, cut down
// to the characters drawn with it; the pages' content, tagged with the
// structure the layout built; the outline of the headings. With a
// template, each page's footer is a content stream of its own, and the
// texts of its body that the template does not draw (a name) are cut
// from the rest (pdfw.Content.Cut), which then comes out the same from
// one document to the next; a body that draws none of them is drawn once
// for the batch (bodyCache).
func (r *Renderer) write(f *flow, in info) ([]byte, error) {
	tmpl, err := r.template()
	if err != nil {
		return nil, err
	}
	d := pdfw.New(pdfw.Info{
		Title: in.title, Subject: in.subject, Keywords: in.keywords, Author: in.author,
		Creator: "ocs", Producer: "ocs", Lang: in.lang, Date: in.date,
	})
	d.Cache = r.cache
	emb, err := r.embed(f, d)
	if err != nil {
		return nil, err
	}
	d.Tree = f.tags.tree
	d.Outline = f.outline()
	var logo string
	if f.brand != nil && f.brand.Logo != nil && hasBrandHeader(f.brand) {
		img, err := logoImage(f.brand.Logo)
		if err != nil {
			return nil, fmt.Errorf("brand logo: %w", err)
		}
		logo = d.AddImage(img)
	}
	w, h := f.pageW*mmPt, f.pageH*mmPt
	pw := &pageWriter{f: f, emb: emb, logo: logo, h: h}
	if tmpl != nil {
		pw.known = make([]map[string]bool, len(f.t.entries))
		for g, e := range f.t.entries {
			pw.known[g] = tmpl.texts[e.ref]
		}
	}
	var key []byte
	for i, pg := range f.pages {
		f.pages[i] = nil // drawn below: a cohort's thousands of pages need not stay
		if tmpl == nil {
			d.AddPage(w, h, pw.body(i, pg, pg.texts))
			continue
		}
		texts := pg.texts[:min(pg.foot, len(pg.texts))]
		var fonts []*pdfw.Font
		key, fonts = pw.bodyKey(key[:0], pg, texts)
		c := r.bodies.get(key, fonts)
		if c != nil {
			markBody(f.tags.tree, texts, i)
		} else {
			c = pw.body(i, pg, texts)
			if key != nil {
				r.bodies.put(key, fonts, c)
			}
		}
		if foot := pw.footer(pg.texts[len(texts):]); foot != nil {
			d.AddPageParts(w, h, []*pdfw.Content{c, foot})
		} else {
			d.AddPage(w, h, c)
		}
	}
	return d.Bytes(), nil
}

// rowOf returns the table row of a cell's element, or nil.
func rowOf(el *pdfw.Elem) *pdfw.Elem {
	if el == nil || el.Parent() == nil || el.Parent().Type != "TR" {
		return nil
	}
	return el.Parent()
}

// pageWriter draws the laid-out pages of a document as content streams.
type pageWriter struct {
	f     *flow
	emb   []embedded
	logo  string  // the resource name of the brand's logo
	h     float64 // the page height in points
	codes []byte  // scratch
	// With a template: for each face entry, the texts the template
	// draws with its font.
	known []map[string]bool
}

// body draws page i's fills, images, texts and rules. With a template,
// texts are those of the body, without the footer (see footer), and
// those the template does not draw are cut from the rest
// (pdfw.Content.Cut); otherwise they are all of the page's.
func (pw *pageWriter) body(i int, pg *page, texts []op) *pdfw.Content {
	f, h := pw.f, pw.h
	c := pdfw.NewContent()
	if len(pg.fills) > 0 {
		c.Artifact("Layout")
		for _, o := range pg.fills {
			if o.color.Set {
				c.FillColor(o.x*mmPt, h-(o.y+o.h)*mmPt, o.w*mmPt, o.h*mmPt, rgb(o.color))
			} else {
				c.Fill(o.x*mmPt, h-(o.y+o.h)*mmPt, o.w*mmPt, o.h*mmPt, o.stroke)
			}
		}
		c.End()
	}
	if len(pg.images) > 0 {
		c.Artifact("Pagination")
		for _, o := range pg.images {
			c.Image(pw.logo, o.x*mmPt, h-(o.y+o.h)*mmPt, o.w*mmPt, o.h*mmPt)
		}
		c.End()
	}
	open := false
	var cur *pdfw.Elem
	own := false // the text drawn last is not the template's
	for j, o := range texts {
		el := o.el
		if j >= pg.foot {
			el = nil
		}
		if pw.known != nil && own != !pw.known[o.ent][o.text] {
			c.Cut()
			own = !own
		}
		if !open || el != cur {
			if open {
				c.End()
			}
			if row := rowOf(el); row != nil && row != rowOf(cur) {
				c.Origin(h - o.y*mmPt) // the row's first baseline
			}
			switch {
			case el != nil:
				c.Tag(el.Type, f.tags.tree.Mark(el, i))
			case j >= pg.foot:
				c.Artifact("Pagination")
			default:
				c.Artifact("Layout")
			}
			open, cur = true, el
		}
		pw.codes = pw.emb[o.ent].draw(c, pw.codes, o, h)
	}
	if own {
		c.Cut()
	}
	if open {
		c.End()
	}
	if len(pg.rules) > 0 {
		c.Artifact("Layout")
		for _, o := range pg.rules {
			if o.kind == opLine {
				c.LineColor(o.x*mmPt, h-o.y*mmPt, o.w*mmPt, h-o.h*mmPt, o.stroke*mmPt, rgb(o.color))
			} else {
				c.Frame(o.x*mmPt, h-(o.y+o.h)*mmPt, o.w*mmPt, o.h*mmPt, o.stroke*mmPt)
			}
		}
		c.End()
	}
	return c
}

// footer draws the texts of a page's footer as a content stream of its
// own, an artifact; nil for none.
func (pw *pageWriter) footer(texts []op) *pdfw.Content {
	if len(texts) == 0 {
		return nil
	}
	c := pdfw.NewContent()
	c.Artifact("Pagination")
	for _, o := range texts {
		pw.codes = pw.emb[o.ent].draw(c, pw.codes, o, pw.h)
	}
	c.End()
	return c
}

// embedded are the fonts a face entry draws with: the font of its
// characters or, with a template, of the template's characters, and then
// the font of the document's other characters, if any.
type embedded struct {
	fonts [2]*pdfw.Font
	names [2]string // resource names
}

// draw draws text o with the entry's fonts, switching fonts within the
// text where its characters need it; codes is scratch space, returned.
func (e *embedded) draw(c *pdfw.Content, codes []byte, o op, h float64) []byte {
	show := func(k int, s string, first bool) {
		codes = e.fonts[k].Encode(codes[:0], s)
		switch {
		case !first:
			c.Continue(e.names[k], o.size, codes)
		case o.color.Set:
			c.TextColor(e.names[k], o.size, o.x*mmPt, h-o.y*mmPt, o.stroke*mmPt, codes, rgb(o.color))
		default:
			c.Text(e.names[k], o.size, o.x*mmPt, h-o.y*mmPt, o.stroke*mmPt, codes)
		}
	}
	if e.fonts[1] == nil {
		show(0, o.text, true)
		return codes
	}
	start, k := 0, -1
	for i, r := range o.text {
		kr := 0
		if !e.fonts[0].Has(r) {
			kr = 1
		}
		if kr != k && i > start {
			show(k, o.text[start:i], start == 0)
			start = i
		}
		k = kr
	}
	if start < len(o.text) || start == 0 {
		show(max(k, 0), o.text[start:], start == 0)
	}
	return codes
}

// drawn returns, for each face entry, the first entry with the same
// font (its group), and the characters each group draws on the pages
// (nil for a group that draws none).
func drawn(f *flow) (group []int, runes []*charSet) {
	t := f.t
	group = t.groups()
	runes = make([]*charSet, len(t.entries))
	for _, pg := range f.pages {
		for _, o := range pg.texts {
			g := group[o.ent]
			if runes[g] == nil {
				runes[g] = new(charSet)
			}
			for _, c := range o.text {
				runes[g].add(c)
			}
		}
	}
	return group, runes
}

// includes reports whether the sorted list all holds every character of
// the sorted list some.
func includes(all, some []rune) bool {
	i := 0
	for _, r := range some {
		for i < len(all) && all[i] < r {
			i++
		}
		if i == len(all) || all[i] != r {
			return false
		}
	}
	return true
}

// embed adds to d the fonts the pages draw with, in the order their
// faces were first looked up (with a template, the fonts of the
// template's characters first, then those of the document's others),
// and returns each face entry's fonts. Without a template, a font the
// coverage check found drawing many characters holds all of those
// (faceTable.ahead, made while the pages were laid out) when they include
// every character the pages drew: at most a few glyphs more than drawn.
func (r *Renderer) embed(f *flow, d *pdfw.Doc) ([]embedded, error) {
	tmpl, err := r.template()
	if err != nil {
		return nil, err
	}
	t := f.t
	group, runes := drawn(f)
	ahead := t.early // the characters prefetch made fonts of; none with a template
	emb := make([]embedded, len(t.entries))
	own := make([][]rune, len(t.entries)) // characters outside the template
	for g := range t.entries {
		if group[g] != g || runes[g] == nil {
			continue // draws nothing, or shares the font of an earlier entry
		}
		list := runes[g].sorted()
		if g < len(ahead) && ahead[g] != nil && includes(ahead[g], list) {
			list = ahead[g] // the font prefetch made, with what the pages did not draw after all
		}
		var shared []rune
		if tmpl != nil {
			shared = tmpl.runes[t.entries[g].ref]
		}
		if len(shared) > 0 {
			for _, c := range list {
				if _, ok := slices.BinarySearch(shared, c); !ok {
					own[g] = append(own[g], c)
				}
			}
			list = shared
		}
		pf, err := r.font(&t.entries[g], list)
		if err != nil {
			return nil, err
		}
		emb[g].fonts[0], emb[g].names[0] = pf, d.AddFont(pf)
	}
	for g, list := range own {
		if len(list) == 0 {
			continue
		}
		pf, err := r.font(&t.entries[g], list)
		if err != nil {
			return nil, err
		}
		emb[g].fonts[1], emb[g].names[1] = pf, d.AddFont(pf)
	}
	for i := range emb {
		emb[i] = emb[group[i]]
	}
	return emb, nil
}
