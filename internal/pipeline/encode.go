package pipeline

import (
	"context"
	"fmt"
	"unicode"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/render/docx"
	"github.com/ocs-project/ocs/render/html"
	"github.com/ocs-project/ocs/render/pdf"
	"github.com/ocs-project/ocs/render/text"
	"github.com/ocs-project/ocs/standard"
)

// Encoder turns documents into bytes. Make one with NewEncoder for a run
// (a command, a server) and use it from any number of goroutines: it
// holds only values that are read, never written, while encoding.
type Encoder struct {
	fonts        *fonts.Set // the configured set; system fallbacks are searched on demand
	system       bool       // search system fonts for characters the set lacks
	allowMissing bool       // draw missing characters as boxes instead of failing
	docx         docx.Options
	html         html.Options
	brand        *render.Brand    // house style on every document; nil = none
	template     *render.Document // see WithTemplate; nil = none
}

// EncoderConfig are the settings of an Encoder.
type EncoderConfig struct {
	// Fonts is the font set PDFs are drawn with; nil means the embedded
	// fonts without system fallbacks.
	Fonts *fonts.Set
	// System takes characters Fonts lacks from fonts installed on this
	// machine (output then depends on them).
	System bool
	// AllowMissing draws characters no font has as empty boxes (with a
	// warning) instead of failing.
	AllowMissing bool
	// DOCX are the font names a DOCX asks for.
	DOCX docx.Options
	// HTML are the options of HTML output.
	HTML html.Options
	// Brand is the organisation's house style put on every document the
	// encoder writes (PDF, DOCX, HTML); nil for the plain official form.
	Brand *render.Brand
}

// NewEncoder returns an encoder with the given settings.
func NewEncoder(c EncoderConfig) (*Encoder, error) {
	set := c.Fonts
	if set == nil {
		var err error
		if set, err = (fonts.Config{CFF: true, MaxRune: unicode.MaxRune}).Load(); err != nil {
			return nil, fmt.Errorf("load the embedded fonts: %w", err)
		}
	}
	return &Encoder{fonts: set, system: c.System, allowMissing: c.AllowMissing, docx: c.DOCX, html: c.HTML, brand: c.Brand}, nil
}

// WithTemplate returns an encoder like e for the documents of a batch
// filled in from one template, such as the forms of a roster's
// candidates built from a candidate with empty fields: PDFs then share
// fonts and page bodies, compressed once for the batch (pdf.Options
// Template). A document's bytes depend on it and the template only, not
// on the other documents of the batch or their order.
func (e *Encoder) WithTemplate(doc *render.Document) *Encoder {
	c := *e
	c.template = c.branded(doc)
	return &c
}

// branded returns doc with the encoder's house style, doc itself when
// there is none or doc has its own.
func (e *Encoder) branded(doc *render.Document) *render.Document {
	if e.brand != nil && doc != nil && doc.Brand == nil {
		d := *doc // the caller's document is not changed
		d.Brand = e.brand
		return &d
	}
	return doc
}

// Fonts returns the encoder's configured font set.
func (e *Encoder) Fonts() *fonts.Set { return e.fonts }

// Config returns the settings the encoder was made with.
func (e *Encoder) Config() EncoderConfig {
	return EncoderConfig{Fonts: e.fonts, System: e.system, AllowMissing: e.allowMissing, DOCX: e.docx, HTML: e.html, Brand: e.brand}
}

// Encode writes doc in format f. Warnings are what the caller should tell
// the user (characters printed as empty boxes when that is allowed). Encode
// returns ctx's error, and no bytes, when ctx is done before it finishes.
func (e *Encoder) Encode(ctx context.Context, doc *render.Document, f Format) (data []byte, warnings []string, err error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	doc = e.branded(doc)
	switch f {
	case PDF:
		set := e.fonts
		if !covered(set, doc) {
			rep := e.cover(fonts.DocumentTexts(doc))
			if !rep.OK() {
				if !e.allowMissing {
					return nil, nil, fmt.Errorf("%w\n(add a font that has them with --fallback-font, or print them as empty boxes with --allow-missing-glyphs)", rep.Err())
				}
				warnings = append(warnings, fmt.Sprintf("printing empty boxes: %v", rep.Err()))
			}
			if rep.Set != nil {
				set = rep.Set
			}
		}
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		data, err = pdf.RenderContext(ctx, doc, pdf.Options{Fonts: set, AllowMissing: e.allowMissing, Template: e.template})
	case DOCX:
		data, err = docx.Render(doc, e.docx)
	case HTML:
		data, err = html.Render(doc, e.html)
	case TXT:
		data, err = text.Render(doc)
	default:
		return nil, nil, fmt.Errorf("unknown format %q (choose one of %s)", f, joinFormats(Formats()))
	}
	if err != nil {
		return nil, warnings, err
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	return data, warnings, nil
}

// The rules of FontProblems: a character no font draws, and one only a
// fallback face draws.
const (
	RuleFont     = "FONT"
	RuleFallback = "FALLBACK"
)

// FontProblems checks the characters of s against the encoder's fonts.
// Every character no font can draw is a problem at each of its fields and
// lines, so that a PDF's missing glyph is reported where the user can fix
// it: an Error, or a Warning when the encoder allows missing glyphs. Every
// character only a fallback face draws is a Warning at its first field,
// naming the face, since it prints in another typeface than its
// neighbours.
func (e *Encoder) FontProblems(s *standard.Standard) standard.Problems {
	rep := e.cover(s.Walk)
	sev := standard.Error
	if e.allowMissing {
		sev = standard.Warning
	}
	var ps standard.Problems
	for _, c := range rep.Missing {
		for _, path := range c.Paths {
			msg := fmt.Sprintf("%s is in none of the fonts", c)
			if c.Holder != nil {
				msg += fmt.Sprintf(" (%s has it, but PDF output cannot draw characters above U+FFFF)", c.Holder)
			}
			hint := "add a font that has it with --fallback-font, replace the character, or print an empty box with --allow-missing-glyphs"
			if e.allowMissing {
				hint = "printed as an empty box (--allow-missing-glyphs)"
			}
			ps = append(ps, standard.Problem{Rule: RuleFont, Severity: sev, File: s.Source,
				Line: s.Lines.Line(path), Path: path, Message: msg, Hint: hint})
		}
	}
	for _, c := range rep.Fallback {
		path := c.Paths[0]
		ps = append(ps, standard.Problem{Rule: RuleFallback, Severity: standard.Warning, File: s.Source,
			Line: s.Lines.Line(path), Path: path, Message: fallbackMessage(c),
			Hint: "the main font lacks it; give a --font that has it to print it in the same typeface, or --no-system-fonts to refuse it"})
	}
	return ps
}

// FallbackWarnings returns a line for every character of texts that only
// a fallback face draws: the character, the face and where it occurs (the
// path texts gives, such as a roster's file and line).
func (e *Encoder) FallbackWarnings(texts fonts.Texts) []string {
	var ws []string
	for _, c := range e.cover(texts).Fallback {
		ws = append(ws, c.Paths[0]+": "+fallbackMessage(c))
	}
	return ws
}

// fallbackMessage says which fallback face draws c, and in how many
// fields it occurs.
func fallbackMessage(c fonts.Char) string {
	msg := fmt.Sprintf("%s is drawn from the fallback font %s", c, c.Face)
	if c.Fields > 1 {
		msg += fmt.Sprintf(" (here and in %d more %s)", c.Fields-1, places(c.Fields-1))
	}
	return msg
}

// cover checks texts against the encoder's fonts, with the system's
// fonts when the encoder may use them.
func (e *Encoder) cover(texts fonts.Texts) *fonts.Report {
	if e.system {
		return e.fonts.Cover(texts)
	}
	return fonts.Check(e.fonts, texts)
}

func places(n int) string {
	if n == 1 {
		return "place"
	}
	return "places"
}

// covered reports whether faces of set draw every character of doc (but
// the control characters, which coverage reports leave out): the quick
// test that spares a document the full report, which also finds where
// each missing character is and looks for system fonts.
func covered(set *fonts.Set, doc *render.Document) bool {
	ok := true
	seen := make(map[rune]bool)
	render.WalkTexts(doc, func(text string) {
		for _, r := range text {
			if !ok {
				return
			}
			if seen[r] || unicode.Is(unicode.Cc, r) {
				continue
			}
			seen[r] = true
			ok = r <= set.MaxRune() && set.Face(r, false) != nil
		}
	})
	return ok
}
