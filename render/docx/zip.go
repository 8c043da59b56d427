package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ocs-project/ocs/render"
)

// part is one file of the package.
type part struct {
	name string
	data []byte
}

// Relationship and content types of the parts.
const (
	relBase  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	typeBase = "application/vnd.openxmlformats-officedocument.wordprocessingml."
)

// firstFooterRel is the relationship number of word/footer1.xml in
// word/_rels/document.xml.rels; styles, settings and fontTable come first.
const firstFooterRel = 4

func footerRelID(n int) string { return "rId" + strconv.Itoa(firstFooterRel-1+n) }

// pack assembles the package: the parts in a fixed order, each with date
// as its time, so the same document gives the same bytes.
func (w *writer) pack(d *render.Document, date time.Time, emb []embedded) ([]byte, error) {
	lang := d.Meta.Lang
	if lang == "" {
		lang = "zh-TW"
	}
	var types, rels strings.Builder
	types.WriteString(xmlDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>`)
	if len(emb) > 0 {
		types.WriteString(`<Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"/>`)
	}
	types.WriteString(
		`<Override PartName="/word/document.xml" ContentType="` + typeBase + `document.main+xml"/>` +
			`<Override PartName="/word/styles.xml" ContentType="` + typeBase + `styles+xml"/>` +
			`<Override PartName="/word/settings.xml" ContentType="` + typeBase + `settings+xml"/>` +
			`<Override PartName="/word/fontTable.xml" ContentType="` + typeBase + `fontTable+xml"/>`)
	rels.WriteString(xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="` + relBase + `styles" Target="styles.xml"/>` +
		`<Relationship Id="rId2" Type="` + relBase + `settings" Target="settings.xml"/>` +
		`<Relationship Id="rId3" Type="` + relBase + `fontTable" Target="fontTable.xml"/>`)
	var footers []part
	ref := w.opt.Reference
	if ref == nil || ref.footer == nil {
		for i, f := range w.footers {
			name := "footer" + strconv.Itoa(i+1) + ".xml"
			footers = append(footers, part{"word/" + name, f})
			types.WriteString(`<Override PartName="/word/` + name + `" ContentType="` + typeBase + `footer+xml"/>`)
			rels.WriteString(`<Relationship Id="` + footerRelID(i+1) + `" Type="` + relBase + `footer" Target="` + name + `"/>`)
		}
	}
	if ref != nil {
		footers = append(footers, ref.parts(&types, &rels)...)
	}
	footers = append(footers, brandParts(d.Brand, w.geo.textWidth(), &types, &rels)...)
	types.WriteString(`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`)
	rels.WriteString(`</Relationships>`)

	parts := []part{
		{"[Content_Types].xml", []byte(types.String())},
		{"_rels/.rels", []byte(xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + relBase + `officeDocument" Target="word/document.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
			`</Relationships>`)},
		{"word/document.xml", w.b},
		{"word/_rels/document.xml.rels", []byte(rels.String())},
		{"word/styles.xml", stylesPart(w.opt, lang, d.Brand)},
		{"word/settings.xml", settingsPart(lang, len(emb) > 0)},
		{"word/fontTable.xml", fontTablePart(w.opt, emb)},
	}
	if len(emb) > 0 {
		parts = append(parts, part{"word/_rels/fontTable.xml.rels", fontRelsPart(emb)})
		for _, e := range emb {
			parts = append(parts, part{e.part, e.data})
		}
	}
	parts = append(parts, footers...)
	parts = append(parts, part{"docProps/core.xml", corePart(&d.Meta, lang, date)})
	return writeZip(parts, date)
}

// corePart returns docProps/core.xml: title, subject, author, keywords,
// language and the creation and modification dates.
func corePart(m *render.Meta, lang string, date time.Time) []byte {
	b := make([]byte, 0, 1024)
	b = append(b, xmlDecl+`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"`+
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`...)
	elem := func(name, value string) {
		if value == "" {
			return
		}
		b = append(b, '<')
		b = append(b, name...)
		b = append(b, '>')
		b = appendEscaped(b, value)
		b = append(b, "</"...)
		b = append(b, name...)
		b = append(b, '>')
	}
	elem("dc:title", m.Title)
	elem("dc:subject", m.Subject)
	elem("dc:creator", m.Author)
	elem("cp:keywords", strings.Join(m.Keywords, "; "))
	elem("dc:language", lang)
	stamp := date.Format("2006-01-02T15:04:05Z")
	b = append(b, `<dcterms:created xsi:type="dcterms:W3CDTF">`+stamp+`</dcterms:created>`+
		`<dcterms:modified xsi:type="dcterms:W3CDTF">`+stamp+`</dcterms:modified></cp:coreProperties>`...)
	return b
}

// Zip stores times from 1980 to 2107 only.
var (
	zipFirst = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	zipLast  = time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC)
)

// deflaters keeps deflate compressors for reuse.
var deflaters = sync.Pool{New: func() any {
	fw, err := flate.NewWriter(io.Discard, flate.DefaultCompression)
	if err != nil {
		panic(err) // only for an invalid level
	}
	return fw
}}

// writeZip writes the parts, deflated, in the order given, all with the
// same time.
func writeZip(parts []part, date time.Time) ([]byte, error) {
	if date.Before(zipFirst) {
		date = zipFirst
	}
	if date.After(zipLast) {
		date = zipLast
	}
	size := 0
	for _, p := range parts {
		size += len(p.data)
	}
	var buf bytes.Buffer
	buf.Grow(size/5 + 4096)
	zw := zip.NewWriter(&buf)
	// A deflate compressor holds about a megabyte of state: one serves
	// every entry (they are written one after another) and goes back to
	// the pool for the next document.
	fw := deflaters.Get().(*flate.Writer)
	defer deflaters.Put(fw)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw.Reset(out)
		return fw, nil
	})
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipTime(date)})
		if err != nil {
			return nil, fmt.Errorf("docx: writing %s: %w", p.name, err)
		}
		if _, err := f.Write(p.data); err != nil {
			return nil, fmt.Errorf("docx: writing %s: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("docx: finishing the archive: %w", err)
	}
	return buf.Bytes(), nil
}
