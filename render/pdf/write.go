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
// structure the layout built; the outline of the headings.
func (r *Renderer) write(f *flow, in info) ([]byte, error) {
	d := pdfw.New(pdfw.Info{
		Title: in.title, Subject: in.subject, Keywords: in.keywords, Author: in.author,
		Creator: "ocs", Producer: "ocs", Lang: in.lang, Date: in.date,
	})
	names, pfs, err := r.embed(f, d)
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
	var codes []byte
	for i, pg := range f.pages {
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
				c.Image(logo, o.x*mmPt, h-(o.y+o.h)*mmPt, o.w*mmPt, o.h*mmPt)
			}
			c.End()
		}
		open := false
		var cur *pdfw.Elem
		for j, o := range pg.texts {
			el := o.el
			if j >= pg.foot {
				el = nil
			}
			if !open || el != cur {
				if open {
					c.End()
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
			codes = pfs[o.ent].Encode(codes[:0], o.text)
			if o.color.Set {
				c.TextColor(names[o.ent], o.size, o.x*mmPt, h-o.y*mmPt, o.stroke*mmPt, codes, rgb(o.color))
			} else {
				c.Text(names[o.ent], o.size, o.x*mmPt, h-o.y*mmPt, o.stroke*mmPt, codes)
			}
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
		d.AddPage(w, h, c)
	}
	return d.Bytes(), nil
}

// embed adds to d the fonts the pages draw with, in the order their
// faces were first looked up, and returns each face entry's resource
// name and font.
func (r *Renderer) embed(f *flow, d *pdfw.Doc) ([]string, []*pdfw.Font, error) {
	t := f.t
	group := make([]int, len(t.entries)) // first entry with the same ref
	runes := make([]map[rune]bool, len(t.entries))
	for i, e := range t.entries {
		group[i] = i
		for j := range i {
			if t.entries[j].ref == e.ref {
				group[i] = j
				break
			}
		}
	}
	for _, pg := range f.pages {
		for _, o := range pg.texts {
			g := group[o.ent]
			if runes[g] == nil {
				runes[g] = make(map[rune]bool)
			}
			for _, c := range o.text {
				runes[g][c] = true
			}
		}
	}
	names := make([]string, len(t.entries))
	pfs := make([]*pdfw.Font, len(t.entries))
	for i := range t.entries {
		g := group[i]
		if runes[g] == nil {
			continue // draws nothing
		}
		if pfs[g] == nil {
			list := make([]rune, 0, len(runes[g]))
			for c := range runes[g] {
				list = append(list, c)
			}
			slices.Sort(list)
			pf, err := r.font(&t.entries[g], list)
			if err != nil {
				return nil, nil, err
			}
			pfs[g], names[g] = pf, d.AddFont(pf)
		}
		pfs[i], names[i] = pfs[g], names[g]
	}
	return names, pfs, nil
}
