package html

import (
	"encoding/base64"

	"github.com/ocs-project/ocs/render"
)

// brandStyle is the CSS of a branded page: the header and footer lines,
// and the accent colour on headings, rules and shaded header cells.
func brandStyle(b *render.Brand) string {
	if b.IsZero() {
		return ""
	}
	css := `.brand { display: flex; align-items: center; gap: 3mm; border-bottom: 1pt solid #000; padding-bottom: 2mm; margin-bottom: 4mm; }
.brand img { height: 12mm; width: auto; max-width: 60mm; }
.brand .brand-name { font-weight: bold; }
.brand .brand-line { margin-left: auto; }
.brand-footer { border-top: 0.6pt solid #000; margin-top: 6mm; padding-top: 1.5mm; font-size: 9pt; }
`
	if b.Color.Set {
		accent, tint := "#"+b.Color.Hex(), "#"+b.Color.Tint(0.8).Hex()
		css += `.brand { border-bottom-color: ` + accent + `; } .brand-footer { border-top-color: ` + accent + `; }
.brand .brand-name, h1, h2, .s-title { color: ` + accent + `; } h2 { border-bottom-color: ` + accent + `; }
.shade, table.kv th { background: ` + tint + `; }
`
	}
	return css
}

// brandHeader writes the organisation's logo, name and line at the top of
// the page. The logo is inlined as a data: URL, so the page stays one file.
func (w *writer) brandHeader(b *render.Brand) {
	if b == nil || (b.Name == "" && b.Line == "" && b.Logo == nil) {
		return
	}
	w.s("<header class=\"brand\">")
	if b.Logo != nil {
		w.s("<img src=\"data:image/" + b.Logo.Format + ";base64," + base64.StdEncoding.EncodeToString(b.Logo.Data) + "\" alt=\"")
		w.text(b.Name)
		w.s("\"/>")
	}
	if b.Name != "" {
		w.s("<span class=\"brand-name\">")
		w.text(b.Name)
		w.s("</span>")
	}
	if b.Line != "" {
		w.s("<span class=\"brand-line\">")
		w.text(b.Line)
		w.s("</span>")
	}
	w.s("</header>\n")
}

// brandFooter writes the organisation's address or contact line.
func (w *writer) brandFooter(b *render.Brand) {
	if b == nil || b.Footer == "" {
		return
	}
	w.s("<footer class=\"brand-footer\">")
	w.text(b.Footer)
	w.s("</footer>\n")
}
