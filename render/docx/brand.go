package docx

import (
	"strconv"

	"github.com/ocs-project/ocs/render"
)

// The brand header's part, relationship and logo.
const (
	brandHeaderName = "brandheader.xml"
	brandHeaderRel  = "rIdBrandHeader"
	logoHeightMM    = 12.0 // the logo's height in the header
	logoMaxWidthMM  = 60.0 // and its widest
	emuPerMM        = 36000
)

// hasBrandHeader reports whether the document's brand puts anything in the
// page header.
func hasBrandHeader(b *render.Brand) bool {
	return b != nil && (b.Name != "" || b.Line != "" || b.Logo != nil)
}

// shadeColor is the fill of shaded (header) cells: a light tint of the
// brand's accent colour, else the usual grey.
func shadeColor(b *render.Brand) string {
	if b != nil && b.Color.Set {
		return b.Color.Tint(0.8).Hex()
	}
	return shadeFill
}

// brandHeaderPart returns the page header of a branded document: the logo,
// the organisation's name in bold and, at the right margin, its line, over
// a rule in the accent colour.
func brandHeaderPart(b *render.Brand, width int) []byte {
	out := make([]byte, 0, 2048)
	out = append(out, xmlDecl+`<w:hdr xmlns:w="`+nsW+`" xmlns:r="`+nsR+`"`+
		` xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"`+
		` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"`+
		` xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">`+
		`<w:p><w:pPr><w:pStyle w:val="Header"/><w:pBdr><w:bottom w:val="single" w:sz="8" w:space="4" w:color="`...)
	rule := "000000"
	if b.Color.Set {
		rule = b.Color.Hex()
	}
	out = append(out, rule...)
	out = append(out, `"/></w:pBdr><w:tabs>`...)
	out = appendTab(out, "right", "", width)
	out = append(out, `</w:tabs></w:pPr>`...)
	if b.Logo != nil {
		h := logoHeightMM
		w := h * float64(b.Logo.Width) / float64(b.Logo.Height)
		if w > logoMaxWidthMM {
			w, h = logoMaxWidthMM, logoMaxWidthMM*float64(b.Logo.Height)/float64(b.Logo.Width)
		}
		cx, cy := strconv.Itoa(int(w*emuPerMM)), strconv.Itoa(int(h*emuPerMM))
		out = append(out, `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="`+cx+`" cy="`+cy+`"/>`+
			`<wp:docPr id="1" name="Logo"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">`+
			`<pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="logo.`+b.Logo.Format+`"/><pic:cNvPicPr/></pic:nvPicPr>`+
			`<pic:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
			`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="`+cx+`" cy="`+cy+`"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`+
			`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`...)
		if b.Name != "" {
			out = append(out, `<w:r><w:t xml:space="preserve"> </w:t></w:r>`...)
		}
	}
	if b.Name != "" {
		out = append(out, `<w:r><w:rPr><w:b/><w:bCs/>`...)
		out = appendColor(out, b.Color)
		out = append(out, `</w:rPr><w:t xml:space="preserve">`...)
		out = appendEscaped(out, b.Name)
		out = append(out, `</w:t></w:r>`...)
	}
	if b.Line != "" {
		out = append(out, `<w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">`...)
		out = appendEscaped(out, b.Line)
		out = append(out, `</w:t></w:r>`...)
	}
	return append(out, `</w:p></w:hdr>`...)
}

// appendColor writes a run colour when c is set.
func appendColor(b []byte, c render.Color) []byte {
	if !c.Set {
		return b
	}
	return append(b, `<w:color w:val="`+c.Hex()+`"/>`...)
}

// brandParts returns the brand header and its logo, and declares them.
func brandParts(b *render.Brand, width int, types, rels interface{ WriteString(string) (int, error) }) []part {
	if !hasBrandHeader(b) {
		return nil
	}
	types.WriteString(`<Override PartName="/word/` + brandHeaderName + `" ContentType="` + typeBase + `header+xml"/>`)
	rels.WriteString(`<Relationship Id="` + brandHeaderRel + `" Type="` + relBase + `header" Target="` + brandHeaderName + `"/>`)
	out := []part{{"word/" + brandHeaderName, brandHeaderPart(b, width)}}
	if b.Logo != nil {
		logo := "media/brandlogo." + b.Logo.Format
		types.WriteString(`<Override PartName="/word/` + logo + `" ContentType="image/` + b.Logo.Format + `"/>`)
		out = append(out,
			part{"word/_rels/" + brandHeaderName + ".rels", []byte(xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
				`<Relationship Id="rId1" Type="` + relBase + `image" Target="` + logo + `"/></Relationships>`)},
			part{"word/" + logo, b.Logo.Data})
	}
	return out
}
