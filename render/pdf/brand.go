package pdf

import (
	"strings"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/render/pdf/pdfw"
)

// The brand header's geometry, in millimetres, as the DOCX writer draws it.
const (
	logoHeight   = 12.0 // the logo's height in the header
	logoMaxWidth = 60.0 // and its widest
	logoGap      = 3.0  // between the logo and the name
	brandRule    = 0.35 // the rule under the header band
	brandRuleGap = 1.5  // between the band and its rule
	brandBodyGap = 4.0  // between the band and the body
)

// hasBrandHeader reports whether the brand puts anything in the page
// header.
func hasBrandHeader(b *render.Brand) bool {
	return b != nil && (b.Name != "" || b.Line != "" || b.Logo != nil)
}

// logoSize is the logo's size on the page: 12 mm high, at most 60 mm wide,
// its aspect kept.
func logoSize(img *render.Image) (w, h float64) {
	h = logoHeight
	w = h * float64(img.Width) / float64(img.Height)
	if w > logoMaxWidth {
		w, h = logoMaxWidth, logoMaxWidth*float64(img.Height)/float64(img.Width)
	}
	return w, h
}

// brandNameStyle and brandLineStyle are the looks of the header's name and
// line.
func brandNameStyle() textStyle { return newStyle(11, 1.3, 0, true, render.Left) }
func brandLineStyle() textStyle { return newStyle(9, 1.3, 0, false, render.Right) }

// bandHeight is the height of the brand header band: the logo or the
// taller of the texts, whichever is taller.
func bandHeight(b *render.Brand) float64 {
	h := 0.0
	if b.Name != "" {
		h = brandNameStyle().lead
	}
	if b.Line != "" {
		h = max(h, brandLineStyle().lead)
	}
	if b.Logo != nil {
		_, lh := logoSize(b.Logo)
		h = max(h, lh)
	}
	return h
}

// setBrand records the document's brand and, when it has a header, moves
// the page body down below the header band. An unbranded document keeps
// its geometry exactly.
func (f *flow) setBrand(b *render.Brand) {
	if b.IsZero() {
		return
	}
	f.brand = b
	if hasBrandHeader(b) {
		f.band = bandHeight(b) + brandBodyGap
		f.top += f.band
	}
}

// accent is the brand's accent colour; unset without one.
func (f *flow) accent() render.Color {
	if f.brand == nil {
		return render.Color{}
	}
	return f.brand.Color
}

// shade fills a shaded cell: a light tint of the accent colour, else grey.
func (f *flow) shade(x, y, w, h float64) {
	if c := f.accent(); c.Set {
		f.pg.fills = append(f.pg.fills, op{kind: opFill, x: x, y: y, w: w, h: h, color: c.Tint(0.8)})
		return
	}
	f.pg.fill(x, y, w, h, shadeGray)
}

// colorTexts colours the texts of pg from n on.
func colorTexts(pg *page, n int, c render.Color) {
	if !c.Set {
		return
	}
	for i := n; i < len(pg.texts); i++ {
		pg.texts[i].color = c
	}
}

// brands draws the brand on every page: the header band (logo, name in
// bold in the accent colour, the line at the right margin, a rule under
// them) and the footer line above the running footer. Like the running
// footer, they are artifacts: footers runs first, so these texts come
// after each page's foot.
func (f *flow) brands() {
	b := f.brand
	if b == nil {
		return
	}
	f.tags.el, f.tags.lbl = nil, nil
	top := f.top - f.band // the band's top: the page's own top margin
	bandH := bandHeight(b)
	one := func(s string) string { return strings.ReplaceAll(s, "\n", " ") }
	for _, pg := range f.pages {
		if hasBrandHeader(b) {
			x := f.left
			if b.Logo != nil {
				w, h := logoSize(b.Logo)
				pg.images = append(pg.images, op{kind: opImage, x: x, y: top + (bandH-h)/2, w: w, h: h})
				x += w + logoGap
			}
			if b.Name != "" {
				st := brandNameStyle()
				lines := layoutPara(f.t, para{runs: []render.Run{{Text: one(b.Name), Bold: true}}, style: st}, 1e6)
				l := lines[0]
				l.avail = f.left + f.width - x
				n := len(pg.texts)
				pg.drawLine(f.t, x, top+(bandH-st.lead)/2, &l)
				colorTexts(pg, n, b.Color)
			}
			if b.Line != "" {
				st := brandLineStyle()
				lines := layoutPara(f.t, para{runs: []render.Run{{Text: one(b.Line)}}, style: st, align: render.Right}, 1e6)
				l := lines[0]
				l.avail = f.width
				pg.drawLine(f.t, f.left, top+(bandH-st.lead)/2, &l)
			}
			y := top + bandH + brandRuleGap
			pg.rules = append(pg.rules, op{kind: opLine, x: f.left, y: y, w: f.left + f.width, h: y, stroke: brandRule, color: b.Color})
		}
		if b.Footer != "" {
			st := styleOf(render.Small)
			lines := layoutPara(f.t, para{runs: []render.Run{{Text: one(b.Footer)}}, style: st}, 1e6)
			l := lines[0]
			l.avail = f.width
			pg.drawLine(f.t, f.left, f.pageH-f.bottom/2-st.lead/2-st.lead, &l)
		}
	}
}

// rgb is a colour as the PDF writer takes it.
func rgb(c render.Color) pdfw.RGB {
	return pdfw.RGB{R: float64(c.R) / 255, G: float64(c.G) / 255, B: float64(c.B) / 255}
}

// logoImage makes the PDF image of the brand's logo.
func logoImage(img *render.Image) (*pdfw.Image, error) {
	if img.Format == "jpeg" {
		return pdfw.NewJPEG(img.Data)
	}
	return pdfw.NewPNG(img.Data)
}
