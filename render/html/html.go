// Package html writes a render.Document as one self-contained HTML5 page:
// an embedded style sheet that also prints on A4, the document's blocks,
// and its structured data (schema.org JSON-LD) in a
// <script type="application/ld+json"> element.
//
// The page is XHTML-compatible (every element closed, void elements
// written <br/>, only numeric or XML entities), so XML tools can read it
// too. Every text of the document is escaped; nothing in it can become
// markup or script. The same document always gives the same bytes.
package html

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	stdhtml "html"
	"strings"

	"github.com/ocs-project/ocs/render"
)

// DefaultFonts returns the CSS font stack used when Options.Fonts is empty: the
// Kai faces official forms use (標楷體 on Windows, TW-Kai from the Ministry
// of Education, BiauKai and Kaiti TC on macOS), then any serif face.
func DefaultFonts() []string {
	return []string{"標楷體", "DFKai-SB", "TW-Kai", "BiauKai", "Kaiti TC", "serif"}
}

// Options are the settings of the HTML backend.
type Options struct {
	// Fonts is the CSS font-family list in order of preference; empty
	// means DefaultFonts. Generic families (serif, sans-serif, …) may be
	// named too.
	Fonts []string
	// Stylesheet is extra CSS appended after the built-in rules, to
	// restyle the page. It may not contain '<' or '&' (write CSS escapes
	// such as \3c instead), so it cannot end the <style> element.
	Stylesheet string
}

// Render writes the document as a complete HTML page.
func Render(doc *render.Document, opt Options) ([]byte, error) {
	if doc == nil {
		return nil, errors.New("html: no document")
	}
	if err := render.Check(doc); err != nil {
		return nil, fmt.Errorf("html: %w", err)
	}
	if strings.ContainsAny(opt.Stylesheet, "<&") {
		return nil, errors.New(`html: the extra style sheet contains '<' or '&'; write them as CSS escapes (\3c, \26)`)
	}
	ld, err := structuredData(doc.Meta.StructuredData)
	if err != nil {
		return nil, err
	}
	w := &writer{}
	w.head(doc, opt, ld)
	if err := w.body(doc); err != nil {
		return nil, err
	}
	w.s("</html>\n")
	return w.buf.Bytes(), nil
}

// writer accumulates the page.
type writer struct {
	buf bytes.Buffer
}

// s writes markup as is.
func (w *writer) s(markup string) { w.buf.WriteString(markup) }

// text writes escaped text.
func (w *writer) text(t string) { w.buf.WriteString(escape(t)) }

// escape escapes text for element content and attribute values, and
// replaces characters XML does not allow with U+FFFD.
func escape(t string) string {
	t = stdhtml.EscapeString(t)
	if strings.IndexFunc(t, badXMLChar) < 0 {
		return t
	}
	return strings.Map(func(r rune) rune {
		if badXMLChar(r) {
			return '\uFFFD'
		}
		return r
	}, t)
}

// badXMLChar reports control characters that XML 1.0 forbids.
func badXMLChar(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF
}

// head writes the document type, <html> and <head>.
func (w *writer) head(doc *render.Document, opt Options, ld []byte) {
	m := doc.Meta
	lang := m.Lang
	if lang == "" {
		lang = "zh-TW"
	}
	w.s("<!DOCTYPE html>\n<html lang=\"" + escape(lang) + "\" xml:lang=\"" + escape(lang) + "\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n")
	w.s("<meta charset=\"utf-8\"/>\n")
	w.s("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
	w.s("<title>" + escape(pageTitle(doc)) + "</title>\n")
	meta := func(name, content string) {
		if content != "" {
			w.s("<meta name=\"" + name + "\" content=\"" + escape(content) + "\"/>\n")
		}
	}
	summary := m.Summary
	if summary == "" {
		summary = m.Subject
	}
	meta("description", summary)
	// Open Graph, for link previews in chat and social apps.
	og := func(prop, content string) {
		if content != "" {
			w.s("<meta property=\"" + prop + "\" content=\"" + escape(content) + "\"/>\n")
		}
	}
	og("og:title", pageTitle(doc))
	og("og:description", summary)
	og("og:type", "website")
	og("og:locale", strings.ReplaceAll(lang, "-", "_"))
	meta("keywords", strings.Join(m.Keywords, ", "))
	meta("author", m.Author)
	if !m.Date.IsZero() {
		meta("dcterms.modified", m.Date.UTC().Format("2006-01-02"))
	}
	meta("generator", "ocs")
	w.s("<style>\n")
	w.s(styleSheet(doc, opt))
	if opt.Stylesheet != "" {
		w.s(opt.Stylesheet)
		w.s("\n")
	}
	w.s("</style>\n")
	if ld != nil {
		w.s("<script type=\"application/ld+json\">\n")
		w.buf.Write(ld)
		w.s("\n</script>\n")
	}
	w.s("</head>\n")
}

// pageTitle is the page's <title>: the metadata title, else the first
// heading or title paragraph, else the subject.
func pageTitle(doc *render.Document) string {
	if doc.Meta.Title != "" {
		return doc.Meta.Title
	}
	for _, b := range doc.Blocks {
		switch b := b.(type) {
		case *render.Heading:
			return render.Texts(b.Runs)
		case *render.Paragraph:
			if b.Style == render.TitleText {
				return render.Texts(b.Runs)
			}
		}
	}
	if doc.Meta.Subject != "" {
		return doc.Meta.Subject
	}
	return "ocs"
}

// structuredData checks the JSON-LD and makes it safe inside <script>:
// '<', '>' and '&' can only stand inside JSON strings, where their \u
// escapes mean the same, so "</script>" can never close the element.
func structuredData(data []byte) ([]byte, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil
	}
	if !json.Valid(data) {
		return nil, errors.New("html: the document's structured data is not valid JSON")
	}
	var out bytes.Buffer
	if err := json.Indent(&out, data, "", "  "); err != nil {
		return nil, fmt.Errorf("html: structured data: %w", err)
	}
	r := strings.NewReplacer("<", `\u003c`, ">", `\u003e`, "&", `\u0026`, "\u2028", `\u2028`, "\u2029", `\u2029`)
	return []byte(r.Replace(out.String())), nil
}
