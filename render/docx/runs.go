package docx

import (
	"strings"

	"github.com/ocs-project/ocs/render"
)

// Check box glyphs: an empty ballot box, and one with a check mark.
const (
	boxEmpty   = "☐" // U+2610
	boxChecked = "☑" // U+2611
)

// appendRuns appends the runs of a paragraph.
func appendRuns(b []byte, runs []render.Run) []byte {
	for i := range runs {
		b = appendRun(b, &runs[i])
	}
	return b
}

// appendRun appends one run: the check box glyph first when r.Box is set,
// then the text with its styling. An empty text writes nothing.
func appendRun(b []byte, r *render.Run) []byte {
	if r.Box {
		b = append(b, `<w:r><w:rPr><w:rFonts w:ascii="`+boxFont+`" w:hAnsi="`+boxFont+`" w:eastAsia="`+boxFont+`" w:cs="`+boxFont+`"/></w:rPr><w:t>`...)
		if r.Checked {
			b = append(b, boxChecked...)
		} else {
			b = append(b, boxEmpty...)
		}
		b = append(b, `</w:t></w:r>`...)
	}
	if r.Text == "" {
		return b
	}
	b = append(b, `<w:r>`...)
	if r.Bold || r.Underline || r.Super {
		b = append(b, `<w:rPr>`...)
		if r.Bold {
			b = append(b, `<w:b/><w:bCs/>`...)
		}
		if r.Underline {
			b = append(b, `<w:u w:val="single"/>`...)
		}
		if r.Super {
			b = append(b, `<w:vertAlign w:val="superscript"/>`...)
		}
		b = append(b, `</w:rPr>`...)
	}
	b = appendText(b, r.Text)
	return append(b, `</w:r>`...)
}

// appendText appends the content of a run: text in <w:t>, a tab as
// <w:tab/>, a line break ("\n", "\r\n" or "\r") as <w:br/>.
func appendText(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		var el string
		switch s[i] {
		case '\t':
			el = `<w:tab/>`
		case '\n':
			el = `<w:br/>`
		case '\r':
			el = `<w:br/>`
		default:
			continue
		}
		b = appendT(b, s[start:i])
		b = append(b, el...)
		if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i++
		}
		start = i + 1
	}
	return appendT(b, s[start:])
}

// appendT appends one <w:t> element, keeping its spaces when they would
// otherwise be dropped.
func appendT(b []byte, s string) []byte {
	if s == "" {
		return b
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		b = append(b, `<w:t xml:space="preserve">`...)
	} else {
		b = append(b, `<w:t>`...)
	}
	b = appendEscaped(b, s)
	return append(b, `</w:t>`...)
}

// Field codes for the running footer.
const (
	fieldPage         = "PAGE"
	fieldNumPages     = "NUMPAGES"
	fieldSectionPages = "SECTIONPAGES"
)

// appendField appends a field that Word and LibreOffice compute when they
// lay out the page, with 1 as the value shown until then.
func appendField(b []byte, code string) []byte {
	b = append(b, `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> `...)
	b = append(b, code...)
	return append(b, ` </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`...)
}

// appendFooterText appends a footer text with its {page} and {pages}
// placeholders turned into fields.
func appendFooterText(b []byte, s string, pagesField string) []byte {
	for s != "" {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		var code string
		var n int
		switch rest := s[i:]; {
		case strings.HasPrefix(rest, "{page}"):
			code, n = fieldPage, len("{page}")
		case strings.HasPrefix(rest, "{pages}"):
			code, n = pagesField, len("{pages}")
		default:
			b = appendRun(b, &render.Run{Text: s[:i+1]})
			s = s[i+1:]
			continue
		}
		b = appendRun(b, &render.Run{Text: s[:i]})
		b = appendField(b, code)
		s = s[i+n:]
	}
	return appendRun(b, &render.Run{Text: s})
}

// footerPart returns a footer part (word/footerN.xml) with the three texts
// of f at the left margin, the centre and the right margin.
func (w *writer) footerPart(f render.Footer) []byte {
	width := w.geo.textWidth()
	b := make([]byte, 0, 1024)
	b = append(b, xmlDecl+`<w:ftr xmlns:w="`+nsW+`" xmlns:r="`+nsR+`"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:tabs>`...)
	b = appendTab(b, "center", "", width/2)
	b = appendTab(b, "right", "", width)
	b = append(b, `</w:tabs></w:pPr>`...)
	if w.brand != nil && w.brand.Footer != "" {
		// The organisation's line stands above the page numbers.
		b = append(b, `<w:r><w:t xml:space="preserve">`...)
		b = appendEscaped(b, w.brand.Footer)
		b = append(b, `</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Footer"/><w:tabs>`...)
		b = appendTab(b, "center", "", width/2)
		b = appendTab(b, "right", "", width)
		b = append(b, `</w:tabs></w:pPr>`...)
	}
	pages := fieldNumPages
	if w.sectionPages {
		pages = fieldSectionPages
	}
	texts := [...]string{f.Left, f.Center, f.Right}
	last := len(texts) - 1
	for last >= 0 && texts[last] == "" {
		last--
	}
	for i := 0; i <= last; i++ {
		if i > 0 {
			b = append(b, `<w:r><w:tab/></w:r>`...)
		}
		b = appendFooterText(b, texts[i], pages)
	}
	return append(b, `</w:p></w:ftr>`...)
}
