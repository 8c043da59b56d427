package html

import (
	"strconv"
	"strings"

	"github.com/ocs-project/ocs/render"
)

// baseStyle is the built-in style sheet: readable on screen, A4 on paper.
// It holds no '<' or '&', so the page stays well-formed XML.
const baseStyle = `html { font-size: 12pt; line-height: 1.55; color: #000; background: #fff; }
body { max-width: 180mm; margin: 0 auto; padding: 8mm 6mm; }
h1, h2, h3, h4, h5, h6 { line-height: 1.3; margin: 1.1em 0 0.4em; break-after: avoid; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; border-bottom: 0.6pt solid #000; padding-bottom: 0.1em; }
h3 { font-size: 12.5pt; } h4, h5, h6 { font-size: 12pt; }
p { margin: 0.25em 0; }
.s-title { font-size: 20pt; font-weight: bold; margin: 0.2em 0 0.3em; }
.s-table { font-size: 10pt; } .s-small { font-size: 9pt; }
td p, th p { margin: 0; }
.a-center { text-align: center; } .a-right { text-align: right; } .a-justify { text-align: justify; }
.v-middle { vertical-align: middle; } .v-bottom { vertical-align: bottom; }
.keep-next { break-after: avoid; }
sup { font-size: 0.6em; line-height: 0; vertical-align: super; }
table { width: 100%; border-collapse: collapse; margin: 0.4em 0 0.8em; }
th, td { border: 0.6pt solid #000; padding: 1mm 1.6mm; vertical-align: top; text-align: left; }
thead { display: table-header-group; }
thead th { font-weight: bold; }
tr.keep { break-inside: avoid; }
.shade { background: #e8e8e8; }
table.kv { break-inside: avoid; }
table.kv th { font-weight: normal; background: #f2f2f2; }
table.kv td.kv-empty { border: none; }
ul.list { list-style: none; padding-left: 0.4em; margin: 0.3em 0 0.6em; }
ul.list li { display: flex; gap: 0.5em; margin: 0.15em 0; }
ul.list .bullet { flex: none; }
ol.list { margin: 0.3em 0 0.6em; padding-left: 2em; }
.box { margin-right: 0.2em; }
.signature { display: flex; flex-wrap: wrap; gap: 6mm 12mm; margin: 8mm 0 4mm; }
.signature .field { display: inline-flex; align-items: flex-end; gap: 2mm; }
.signature .line { display: inline-block; width: 45mm; border-bottom: 0.6pt solid #000; height: 1.2em; }
.watermark { font-size: 16pt; font-weight: bold; text-align: center; border: 1pt solid #000; margin: 0 0 0.6em; }
.page-break { break-after: page; }
.new-section { break-before: page; }
@media print {
  html { font-size: 11pt; }
  body { max-width: none; margin: 0; padding: 0; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`

// styleSheet returns the page's CSS: the font stack, the base style, the
// page setup with its running footer, and one named page per section.
func styleSheet(doc *render.Document, opt Options) string {
	var b strings.Builder
	b.WriteString("html { font-family: " + fontStack(opt.Fonts) + "; }\n")
	b.WriteString(baseStyle)
	b.WriteString(brandStyle(doc.Brand))
	if hasRevisions(doc) {
		b.WriteString(revisionStyle)
	}
	b.WriteString(pageRule("", doc.Page, doc.Footer))
	section := 0
	for _, blk := range doc.Blocks {
		pb, ok := blk.(*render.PageBreak)
		if !ok || !pb.NewSection {
			continue
		}
		section++
		if pb.Footer == nil {
			continue
		}
		name := "s" + strconv.Itoa(section)
		b.WriteString("." + name + " { page: " + name + "; }\n")
		b.WriteString(pageRule(name, doc.Page, *pb.Footer))
	}
	return b.String()
}

// pageRule writes an @page rule: A4 size and margins, and the footer as
// margin boxes where {page} and {pages} become the page counters.
func pageRule(name string, p render.Page, f render.Footer) string {
	orient := "portrait"
	if p.Landscape {
		orient = "landscape"
	}
	margin := func(v float64) string {
		if v <= 0 {
			v = 20
		}
		return mm(v)
	}
	var b strings.Builder
	b.WriteString("@page")
	if name != "" {
		b.WriteString(" " + name)
	}
	b.WriteString(" { size: A4 " + orient + "; margin: " + margin(p.Top) + " " + margin(p.Right) + " " + margin(p.Bottom) + " " + margin(p.Left) + ";")
	for _, box := range []struct{ name, text string }{
		{"bottom-left", f.Left}, {"bottom-center", f.Center}, {"bottom-right", f.Right},
	} {
		if box.text != "" {
			b.WriteString("\n  @" + box.name + " { content: " + footerContent(box.text) + "; font-size: 9pt; }")
		}
	}
	b.WriteString("\n}\n")
	return b.String()
}

// footerContent turns footer text into a CSS content value: quoted text
// with the placeholders as counters.
func footerContent(text string) string {
	r := strings.NewReplacer("{page}", "\x00page\x00", "{pages}", "\x00pages\x00")
	var parts []string
	for i, piece := range strings.Split(r.Replace(text), "\x00") {
		switch {
		case i%2 == 1:
			parts = append(parts, "counter("+piece+")")
		case piece != "":
			parts = append(parts, cssString(piece))
		}
	}
	if len(parts) == 0 {
		return `""`
	}
	return strings.Join(parts, " ")
}

// fontStack writes a CSS font-family list: names quoted, generic families
// bare.
func fontStack(fonts []string) string {
	if len(fonts) == 0 {
		fonts = DefaultFonts()
	}
	generic := map[string]bool{"serif": true, "sans-serif": true, "monospace": true, "cursive": true, "fantasy": true, "system-ui": true}
	out := make([]string, 0, len(fonts))
	for _, f := range fonts {
		if generic[f] {
			out = append(out, f)
		} else {
			out = append(out, cssString(f))
		}
	}
	return strings.Join(out, ", ")
}

// cssString quotes text as a CSS string. Quotes, backslashes, line breaks
// and the characters that matter to HTML ('<', '>', '&') are written as
// CSS escapes, so no text can end the <style> element.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\', '<', '>', '&', '\n', '\r':
			b.WriteString(`\` + strconv.FormatInt(int64(r), 16) + " ")
		default:
			if badXMLChar(r) {
				r = '\uFFFD'
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
