package docx

import (
	"strconv"

	"github.com/ocs-project/ocs/render"
)

// pProps are the properties written into a paragraph's <w:pPr>.
type pProps struct {
	style         string // style id; "" is Normal
	keepNext      bool
	tabs          []byte // ready-made <w:tab/> elements
	spaceBefore   int    // twips; 0 keeps the style's
	left, hanging int    // indents in twips
	align         render.Align
}

// appendTab appends a tab stop: kind is left, center or right; leader is
// "" or a leader such as "underscore".
func appendTab(b []byte, kind, leader string, pos int) []byte {
	b = append(b, `<w:tab w:val="`...)
	b = append(b, kind...)
	if leader != "" {
		b = append(b, `" w:leader="`...)
		b = append(b, leader...)
	}
	b = append(b, `" w:pos="`...)
	b = strconv.AppendInt(b, int64(pos), 10)
	return append(b, `"/>`...)
}

// pPr writes a paragraph's properties, in the order the schema wants, or
// nothing when there are none.
func (w *writer) pPr(p pProps, o pOpts) {
	if p.style == "" && !p.keepNext && !o.breakBefore && p.tabs == nil && p.spaceBefore == 0 &&
		p.left == 0 && p.hanging == 0 && p.align == render.Left && !o.sect {
		return
	}
	w.b = append(w.b, `<w:pPr>`...)
	if p.style != "" {
		w.b = append(w.b, `<w:pStyle w:val="`...)
		w.b = append(w.b, p.style...)
		w.b = append(w.b, `"/>`...)
	}
	if p.keepNext {
		w.b = append(w.b, `<w:keepNext/>`...)
	}
	if o.breakBefore {
		w.b = append(w.b, `<w:pageBreakBefore/>`...)
	}
	if p.tabs != nil {
		w.b = append(w.b, `<w:tabs>`...)
		w.b = append(w.b, p.tabs...)
		w.b = append(w.b, `</w:tabs>`...)
	}
	if p.spaceBefore != 0 {
		w.b = append(w.b, `<w:spacing`...)
		w.attr("before", p.spaceBefore)
		w.b = append(w.b, `/>`...)
	}
	if p.left != 0 || p.hanging != 0 {
		w.b = append(w.b, `<w:ind`...)
		w.attr("left", p.left)
		if p.hanging > 0 {
			w.attr("hanging", p.hanging)
		}
		w.b = append(w.b, `/>`...)
	}
	switch p.align {
	case render.Center:
		w.b = append(w.b, `<w:jc w:val="center"/>`...)
	case render.Right:
		w.b = append(w.b, `<w:jc w:val="right"/>`...)
	case render.Justify:
		w.b = append(w.b, `<w:jc w:val="both"/>`...)
	}
	if o.sect {
		w.sectPr()
	}
	w.b = append(w.b, `</w:pPr>`...)
}

// mmTwips converts a length in millimetres from the document to twips,
// treating negative and non-finite values as zero.
func mmTwips(mm float64) int {
	if !(mm > 0) || mm > 1000 {
		return 0
	}
	return twips(mm)
}

// paragraph writes a paragraph in the given style.
func (w *writer) paragraph(p *render.Paragraph, style string, o pOpts) {
	w.b = append(w.b, `<w:p>`...)
	hanging := mmTwips(p.Hanging)
	pp := pProps{
		style:    style,
		keepNext: p.KeepWithNext,
		left:     mmTwips(p.Indent) + hanging,
		hanging:  hanging,
		align:    p.Align,
	}
	if o.afterTable {
		pp.spaceBefore = tableGap
	}
	w.pPr(pp, o)
	w.runs(p.Runs)
	w.b = append(w.b, `</w:p>`...)
}

// heading writes a heading in the Heading 1 or Heading 2 style; deeper
// levels use Heading 2.
func (w *writer) heading(h *render.Heading, o pOpts) {
	style := "Heading1"
	if h.Level >= 2 {
		style = "Heading2"
	}
	w.b = append(w.b, `<w:p>`...)
	w.pPr(pProps{style: style, align: h.Align}, o)
	w.runs(h.Runs)
	w.b = append(w.b, `</w:p>`...)
}

// list writes each item as a paragraph with a hanging indent: the bullet
// (or the number "1.", "2." … when Bullet is empty) as text, a tab, then
// the item, so the list stays editable as plain paragraphs.
func (w *writer) list(l *render.List, o pOpts) {
	style := styleID(l.Style)
	em := styleSize(style) * 20 // twips
	widest := l.Bullet
	if widest == "" {
		widest = strconv.Itoa(len(l.Items)) + "."
	}
	hang := int(textWidth(widest)*float64(em)) + em/2
	if hang < em*3/2 {
		hang = em * 3 / 2
	}
	num := make([]byte, 0, 8)
	for i, item := range l.Items {
		po := pOpts{breakBefore: o.breakBefore && i == 0, sect: o.sect && i == len(l.Items)-1}
		pp := pProps{style: style, left: hang, hanging: hang}
		if o.afterTable && i == 0 {
			pp.spaceBefore = tableGap
		}
		w.b = append(w.b, `<w:p>`...)
		w.pPr(pp, po)
		w.b = append(w.b, `<w:r><w:t>`...)
		if l.Bullet != "" {
			w.b = appendEscaped(w.b, l.Bullet)
		} else {
			num = strconv.AppendInt(num[:0], int64(i+1), 10)
			w.b = append(w.b, num...)
			w.b = append(w.b, '.')
		}
		w.b = append(w.b, `</w:t><w:tab/></w:r>`...)
		w.runs(item)
		w.b = append(w.b, `</w:p>`...)
	}
	if len(l.Items) == 0 && (o.sect || o.breakBefore) {
		w.b = append(w.b, `<w:p>`...)
		w.pPr(pProps{style: style}, o)
		w.b = append(w.b, `</w:p>`...)
	}
}

// signature writes the fields side by side on one line, each label
// followed by a tab whose underscore leader draws the line to write on.
// The fields share the text width equally, one em apart.
func (w *writer) signature(s *render.Signature, o pOpts) {
	width := w.geo.textWidth()
	n := len(s.Fields)
	w.b = append(w.b, `<w:p>`...)
	if n == 0 {
		w.pPr(pProps{}, o)
		w.b = append(w.b, `</w:p>`...)
		return
	}
	em := styleSize("") * 20
	var tabs []byte
	for i := 0; i < n; i++ {
		end := width * (i + 1) / n
		if i < n-1 {
			tabs = appendTab(tabs, "left", "underscore", end-em)
			tabs = appendTab(tabs, "left", "", end)
		} else {
			tabs = appendTab(tabs, "right", "underscore", end)
		}
	}
	w.pPr(pProps{tabs: tabs, spaceBefore: 2 * em}, o)
	for i, f := range s.Fields {
		if i > 0 {
			w.b = append(w.b, `<w:r><w:tab/></w:r>`...)
		}
		w.b = appendRun(w.b, &render.Run{Text: f})
		w.b = append(w.b, `<w:r><w:tab/></w:r>`...)
	}
	w.b = append(w.b, `</w:p>`...)
}
