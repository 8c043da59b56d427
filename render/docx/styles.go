package docx

import (
	"strconv"

	"github.com/ocs-project/ocs/render"
)

// A paragraph style of the document: its id in styles.xml, the name Word
// shows (built-in names in Word's lowercase spelling, so Word treats them
// as its own Title and Heading styles), font size and spacing.
type styleDef struct {
	id, name      string
	size          int // points
	before, after int // twips
	bold          bool
	keepNext      bool
	outline       int // outline level + 1; 0 = body text
}

// styleDefs are the paragraph styles, Normal first; every other one is
// based on Normal.
var styleDefs = [...]styleDef{
	{id: "Normal", name: "Normal", size: 12, after: 120},
	{id: "Title", name: "Title", size: 18, after: 240, bold: true, keepNext: true},
	{id: "Heading1", name: "heading 1", size: 16, before: 240, after: 120, bold: true, keepNext: true, outline: 1},
	{id: "Heading2", name: "heading 2", size: 14, before: 180, after: 120, bold: true, keepNext: true, outline: 2},
	{id: "TableText", name: "Table Text", size: 10},
	{id: "Small", name: "Small Text", size: 9, after: 60},
	{id: "Footer", name: "footer", size: 9},
	{id: "Header", name: "header", size: 10},
}

// styleID maps a render style to the id of its Word style.
func styleID(s render.Style) string {
	switch s {
	case render.TableText:
		return "TableText"
	case render.Small:
		return "Small"
	case render.TitleText:
		return "Title"
	}
	return ""
}

// styleSize is the font size, in points, of the style with the given id
// ("" is Normal).
func styleSize(id string) int {
	for _, s := range styleDefs {
		if s.id == id {
			return s.size
		}
	}
	return styleDefs[0].size
}

// styleXML is one w:style element of styles.xml and its id.
type styleXML struct {
	id  string
	xml []byte
}

// stylesPart returns word/styles.xml: document defaults (fonts, zh-TW
// language), the paragraph styles, and the Table Grid style the tables
// use; with a reference document, its styles plus those of ours it lacks.
func stylesPart(opt Options, lang string, brand *render.Brand) []byte {
	ours := ourStyles(brand)
	if opt.Reference != nil {
		return opt.Reference.stylesWith(ours)
	}
	b := make([]byte, 0, 4096)
	b = append(b, xmlDecl+`<w:styles xmlns:w="`+nsW+`"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="`...)
	b = appendEscaped(b, opt.ASCIIFont)
	b = append(b, `" w:hAnsi="`...)
	b = appendEscaped(b, opt.ASCIIFont)
	b = append(b, `" w:eastAsia="`...)
	b = appendEscaped(b, opt.EastAsiaFont)
	b = append(b, `" w:cs="`...)
	b = appendEscaped(b, opt.ASCIIFont)
	b = append(b, `" w:hint="eastAsia"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="`...)
	b = appendEscaped(b, lang)
	b = append(b, `" w:eastAsia="zh-TW"/></w:rPr></w:rPrDefault>`+
		`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`...)
	for _, s := range ours {
		b = append(b, s.xml...)
	}
	return append(b, `</w:styles>`...)
}

// ourStyles returns the w:style elements of ocs's own styles: the
// paragraph styles, Normal first, then the table styles.
func ourStyles(brand *render.Brand) []styleXML {
	out := make([]styleXML, 0, len(styleDefs)+2)
	for i, s := range styleDefs {
		b := make([]byte, 0, 256)
		b = append(b, `<w:style w:type="paragraph"`...)
		if i == 0 {
			b = append(b, ` w:default="1"`...)
		}
		b = append(b, ` w:styleId="`+s.id+`"><w:name w:val="`+s.name+`"/>`...)
		if i > 0 {
			b = append(b, `<w:basedOn w:val="Normal"/>`...)
		}
		if s.keepNext {
			b = append(b, `<w:next w:val="Normal"/>`...)
		}
		b = append(b, `<w:qFormat/><w:pPr>`...)
		if s.keepNext {
			b = append(b, `<w:keepNext/><w:keepLines/>`...)
		}
		b = append(b, `<w:spacing w:before="`...)
		b = strconv.AppendInt(b, int64(s.before), 10)
		b = append(b, `" w:after="`...)
		b = strconv.AppendInt(b, int64(s.after), 10)
		b = append(b, `"/>`...)
		if s.outline > 0 {
			b = append(b, `<w:outlineLvl w:val="`...)
			b = strconv.AppendInt(b, int64(s.outline-1), 10)
			b = append(b, `"/>`...)
		}
		b = append(b, `</w:pPr><w:rPr>`...)
		if s.bold {
			b = append(b, `<w:b/><w:bCs/>`...)
		}
		if s.keepNext && brand != nil { // titles and headings in the accent colour
			b = appendColor(b, brand.Color)
		}
		b = append(b, `<w:sz w:val="`...)
		b = strconv.AppendInt(b, int64(s.size*2), 10)
		b = append(b, `"/><w:szCs w:val="`...)
		b = strconv.AppendInt(b, int64(s.size*2), 10)
		b = append(b, `"/></w:rPr></w:style>`...)
		out = append(out, styleXML{s.id, b})
	}
	out = append(out,
		styleXML{"TableNormal", []byte(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
			`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)},
		styleXML{"TableGrid", []byte(`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr>` + tblBorders + cellMargins + `</w:tblPr></w:style>`)},
	)
	return out
}

// Borders (single, ½ pt) and cell margins of every table, written both in
// the Table Grid style and on each table, for readers that ignore table
// styles.
const (
	tblBorders = `<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
		`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
		`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>`
	cellPadH = 85 // 1.5 mm, left and right
	cellPadV = 28 // 0.5 mm, top and bottom
)

// cellMargins are the cell margins of every table.
var cellMargins = `<w:tblCellMar><w:top w:w="` + strconv.Itoa(cellPadV) + `" w:type="dxa"/><w:left w:w="` + strconv.Itoa(cellPadH) + `" w:type="dxa"/>` +
	`<w:bottom w:w="` + strconv.Itoa(cellPadV) + `" w:type="dxa"/><w:right w:w="` + strconv.Itoa(cellPadH) + `" w:type="dxa"/></w:tblCellMar>`

// fontTablePart returns word/fontTable.xml, which names the fonts and, for
// 標楷體, gives TW-Kai as the alternative name for readers without it
// (charset 0x88 is Big5).
func fontTablePart(opt Options, emb []embedded) []byte {
	b := make([]byte, 0, 1024)
	b = append(b, xmlDecl+`<w:fonts xmlns:w="`+nsW+`"`...)
	if len(emb) > 0 {
		b = append(b, ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`...)
	}
	b = append(b, `><w:font w:name="`...)
	b = appendEscaped(b, opt.EastAsiaFont)
	b = append(b, `">`...)
	if opt.EastAsiaFont == DefaultEastAsiaFont {
		b = append(b, `<w:altName w:val="`+kaiAltName+`"/>`...)
	}
	b = append(b, `<w:charset w:val="88"/><w:family w:val="script"/><w:pitch w:val="fixed"/>`...)
	b = appendEmbeds(b, emb, opt.EastAsiaFont)
	b = append(b, `</w:font>`...)
	if opt.ASCIIFont != opt.EastAsiaFont {
		b = append(b, `<w:font w:name="`...)
		b = appendEscaped(b, opt.ASCIIFont)
		b = append(b, `"><w:family w:val="roman"/><w:pitch w:val="variable"/>`...)
		b = appendEmbeds(b, emb, opt.ASCIIFont)
		b = append(b, `</w:font>`...)
	}
	b = append(b, `<w:font w:name="`+boxFont+`"><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>`...)
	return b
}

// settingsPart returns word/settings.xml: Word 2013+ layout (no
// compatibility mode), East Asian line breaking, the default tab stop.
func settingsPart(lang string, embedded bool) []byte {
	b := make([]byte, 0, 512)
	b = append(b, xmlDecl+`<w:settings xmlns:w="`+nsW+`">`...)
	if embedded {
		b = append(b, `<w:embedTrueTypeFonts/><w:saveSubsetFonts/>`...)
	}
	b = append(b, `<w:defaultTabStop w:val="480"/><w:characterSpacingControl w:val="doNotCompress"/>`+
		`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>`+
		`<w:themeFontLang w:val="`...)
	b = appendEscaped(b, lang)
	return append(b, `" w:eastAsia="zh-TW"/></w:settings>`...)
}
