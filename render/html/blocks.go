package html

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ocs-project/ocs/render"
)

// body writes <body> with the blocks in reading order. Each section (see
// render.PageBreak) is a <div> on its own named page, so a section's
// footer prints on its pages.
func (w *writer) body(doc *render.Document) error {
	w.s("<body>\n")
	w.brandHeader(doc.Brand)
	if doc.Watermark != "" {
		w.s("<p class=\"watermark\" role=\"note\">" + escape(doc.Watermark) + "</p>\n")
	}
	w.s("<div class=\"section\">\n")
	section := 0
	for i, b := range doc.Blocks {
		where := fmt.Sprintf("blocks[%d]", i)
		switch b := b.(type) {
		case *render.Heading:
			w.heading(b)
		case *render.Paragraph:
			w.paragraph(b, "p")
		case *render.KeyValue:
			w.keyValue(b)
		case *render.Table:
			if err := w.table(b, where); err != nil {
				return err
			}
		case *render.List:
			w.list(b)
		case *render.Signature:
			w.signature(b)
		case *render.PageBreak:
			if !b.NewSection {
				w.s("<div class=\"page-break\"></div>\n")
				continue
			}
			section++
			w.s("</div>\n<div class=\"section new-section s" + strconv.Itoa(section) + "\">\n")
		default:
			return fmt.Errorf("html: %s: unknown block type %T", where, b)
		}
	}
	w.s("</div>\n")
	w.brandFooter(doc.Brand)
	w.s("</body>\n")
	return nil
}

// The CSS classes of alignments and paragraph styles. Left and top
// alignment have none; a style not listed is s-normal.
var (
	alignClass   = map[render.Align]string{render.Center: "a-center", render.Right: "a-right", render.Justify: "a-justify"}
	valignClass  = map[render.VAlign]string{render.Middle: "v-middle", render.Bottom: "v-bottom"}
	styleClasses = map[render.Style]string{render.TableText: "s-table", render.Small: "s-small", render.TitleText: "s-title"}
)

// styleClass names the CSS class of a paragraph style.
func styleClass(s render.Style) string {
	if c, ok := styleClasses[s]; ok {
		return c
	}
	return "s-normal"
}

// classAttr writes ` class="…"` for the non-empty class names.
func classAttr(names ...string) string {
	var kept []string
	for _, n := range names {
		if n != "" {
			kept = append(kept, n)
		}
	}
	if len(kept) == 0 {
		return ""
	}
	return ` class="` + strings.Join(kept, " ") + `"`
}

// mm writes a length in millimetres for CSS.
func mm(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) + "mm" }

func (w *writer) heading(h *render.Heading) {
	n := strconv.Itoa(min(max(h.Level, 1), 6))
	w.s("<h" + n + classAttr(alignClass[h.Align]) + ">")
	w.runs(h.Runs)
	w.s("</h" + n + ">\n")
}

// paragraph writes a paragraph as the element tag (p, or div inside
// list items).
func (w *writer) paragraph(p *render.Paragraph, tag string) {
	keep := ""
	if p.KeepWithNext {
		keep = "keep-next"
	}
	w.s("<" + tag + classAttr(styleClass(p.Style), alignClass[p.Align], keep))
	if p.Indent > 0 || p.Hanging > 0 {
		// A hanging indent moves every line in and the first line back.
		w.s(` style="margin-left:` + mm(p.Indent+p.Hanging))
		if p.Hanging > 0 {
			w.s(`;text-indent:-` + mm(p.Hanging))
		}
		w.s(`"`)
	}
	w.s(">")
	w.runs(p.Runs)
	w.s("</" + tag + ">\n")
}

// runs writes styled runs. A check box becomes ☐ or ☑ before its text;
// "\n" becomes a line break; inserted and deleted runs are wrapped in
// <ins> and <del>.
func (w *writer) runs(runs []render.Run) {
	for _, r := range runs {
		var open, close string
		wrap := func(tag string) {
			open += "<" + tag + ">"
			close = "</" + tag + ">" + close
		}
		switch r.Change {
		case render.Inserted:
			wrap("ins")
		case render.Deleted:
			wrap("del")
		}
		if r.Super {
			wrap("sup")
		}
		if r.Bold {
			wrap("strong")
		}
		if r.Underline {
			wrap("u")
		}
		w.s(open)
		if r.Box {
			box := "☐"
			if r.Checked {
				box = "☑"
			}
			w.s(`<span class="box">` + box + `</span>`)
		}
		for i, line := range strings.Split(r.Text, "\n") {
			if i > 0 {
				w.s("<br/>")
			}
			w.text(line)
		}
		w.s(close)
	}
}

// paras writes the paragraphs of a cell or value.
func (w *writer) paras(ps []render.Paragraph) {
	for i := range ps {
		w.paragraph(&ps[i], "p")
	}
}

// keyValue writes a grid of label and value pairs as a table, Columns
// pairs a row.
func (w *writer) keyValue(kv *render.KeyValue) {
	cols := max(kv.Columns, 1)
	label := kv.LabelWidth
	if label <= 0 || label >= 1 {
		label = 0.3
	}
	share := 100 / float64(cols)
	w.s("<table class=\"kv\">\n<colgroup>")
	for range cols {
		w.s(`<col style="width:` + pct(share*label) + `"/><col style="width:` + pct(share*(1-label)) + `"/>`)
	}
	w.s("</colgroup>\n<tbody>\n")
	for i := 0; i < len(kv.Pairs); i += cols {
		w.s("<tr>")
		for j := i; j < i+cols; j++ {
			if j >= len(kv.Pairs) {
				w.s(`<td class="kv-empty" colspan="2"></td>`)
				continue
			}
			p := kv.Pairs[j]
			w.s(`<th scope="row">`)
			w.text(p.Label)
			w.s("</th><td>")
			w.paras(p.Value)
			w.s("</td>")
		}
		w.s("</tr>\n")
	}
	w.s("</tbody>\n</table>\n")
}

// pct writes a percentage for CSS.
func pct(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) + "%" }

// list writes a bulleted list (the bullet as text, so it copies along) or,
// without a bullet, a numbered list.
func (w *writer) list(l *render.List) {
	cls := styleClass(l.Style)
	if l.Bullet == "" {
		w.s("<ol" + classAttr("list", cls) + ">\n")
		for _, it := range l.Items {
			w.s("<li>")
			w.runs(it)
			w.s("</li>\n")
		}
		w.s("</ol>\n")
		return
	}
	w.s("<ul" + classAttr("list", cls) + ">\n")
	for _, it := range l.Items {
		w.s(`<li><span class="bullet">`)
		w.text(l.Bullet)
		w.s(`</span><span class="item">`)
		w.runs(it)
		w.s("</span></li>\n")
	}
	w.s("</ul>\n")
}

// signature writes labelled lines to sign or fill in by hand.
func (w *writer) signature(s *render.Signature) {
	w.s("<div class=\"signature\">")
	for _, f := range s.Fields {
		w.s(`<span class="field"><span class="label">`)
		w.text(f)
		w.s(`</span><span class="line"></span></span>`)
	}
	w.s("</div>\n")
}
