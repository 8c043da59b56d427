package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/render/docx"
	"github.com/ocs-project/ocs/render/html"
	"github.com/ocs-project/ocs/render/pdf"
	"github.com/ocs-project/ocs/render/text"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/standards"
)

// Document kinds and output formats, as named on the command line.
var (
	kinds   = []string{"standard", "assessment", "jobdesc"}
	formats = []string{"pdf", "docx", "html", "txt"}
)

// input is a standard's source: a file, or a bundled standard by code.
type input struct {
	Name string // file path, or "bundled:CODE.toml"
	Data []byte
}

// readInput reads arg as a file, or, when no such file exists and arg
// names a bundled standard's code, as that bundled standard.
func readInput(arg string) (input, error) {
	data, err := os.ReadFile(arg)
	if err == nil {
		return input{Name: arg, Data: data}, nil
	}
	if !errors.Is(err, os.ErrNotExist) || strings.ContainsAny(arg, `/\`) {
		return input{}, fmt.Errorf("read %s: %w", arg, err)
	}
	bdata, bname, berr := standards.Open(arg)
	if berr != nil {
		return input{}, fmt.Errorf("%s is neither a file nor a bundled standard (bundled: %s)",
			arg, strings.Join(standards.Codes(), ", "))
	}
	return input{Name: "bundled:" + bname, Data: bdata}, nil
}

// loadStandard parses and validates an input. It writes warnings to warn
// (when not nil) and returns an error carrying every problem when the
// standard has errors: rendering refuses what cannot be rendered faithfully.
func loadStandard(in input, warn io.Writer) (*standard.Standard, error) {
	s, err := standard.Parse(in.Name, in.Data)
	if err != nil {
		return nil, err
	}
	ps := standard.Validate(s)
	if errs := ps.Errors(); len(errs) > 0 {
		return nil, errs
	}
	if warn != nil {
		for _, p := range ps {
			if p.Severity == standard.Warning {
				fmt.Fprintln(warn, p)
			}
		}
	}
	return s, nil
}

// encoder turns a document into bytes in one format.
type encoder struct {
	fonts        *fonts.Set   // the configured set; system fallbacks are searched on demand
	system       bool         // search system fonts for characters the set lacks
	allowMissing bool         // draw missing characters as boxes instead of failing
	docx         docx.Options // DOCX font names
	warn         io.Writer    // where missing characters are reported when allowed; nil = nowhere
}

// encode writes doc in format ("pdf", "docx", "html" or "txt").
func (e *encoder) encode(doc *render.Document, format string) ([]byte, error) {
	switch format {
	case "pdf":
		set := e.fonts
		var rep *fonts.Report
		if e.system {
			rep = set.Cover(fonts.DocumentTexts(doc))
		} else {
			rep = fonts.Check(set, fonts.DocumentTexts(doc))
		}
		if !rep.OK() {
			if !e.allowMissing {
				return nil, fmt.Errorf("%w\n(add a font that has them with --fallback-font, or print them as empty boxes with --allow-missing-glyphs)", rep.Err())
			}
			if e.warn != nil {
				fmt.Fprintf(e.warn, "warning: printing empty boxes: %v\n", rep.Err())
			}
		}
		if rep.Set != nil {
			set = rep.Set
		}
		return pdf.Render(doc, pdf.Options{Fonts: set, AllowMissing: e.allowMissing})
	case "docx":
		return docx.Render(doc, e.docx)
	case "html":
		return html.Render(doc, html.Options{})
	case "txt":
		return text.Render(doc)
	}
	return nil, fmt.Errorf("unknown format %q (choose one of %s)", format, strings.Join(formats, ", "))
}

// missing returns a problem for every character of the standard that no
// face of the encoder's fonts can draw, placed at its field and line.
func (e *encoder) missing(s *standard.Standard) standard.Problems {
	var rep *fonts.Report
	if e.system {
		rep = e.fonts.Cover(s.Walk)
	} else {
		rep = fonts.Check(e.fonts, s.Walk)
	}
	var ps standard.Problems
	for _, c := range rep.Missing {
		for _, path := range c.Paths {
			msg := fmt.Sprintf("%s is in none of the fonts", c)
			if c.Holder != nil {
				msg += fmt.Sprintf(" (%s has it, but PDF output cannot draw characters above U+FFFF)", c.Holder)
			}
			ps = append(ps, standard.Problem{Rule: "FONT", Severity: standard.Error, File: s.Source,
				Line: s.Lines.Line(path), Path: path, Message: msg,
				Hint: "add a font that has it with --fallback-font, replace the character, or print an empty box with --allow-missing-glyphs"})
		}
	}
	return ps
}

// formatOf returns the format named by flag, or else by the extension of
// out. It is an error when neither says.
func formatOf(flag, out string) (string, error) {
	if flag != "" {
		f := strings.ToLower(strings.TrimPrefix(flag, "."))
		if f == "text" {
			f = "txt"
		}
		if !slices.Contains(formats, f) {
			return "", fmt.Errorf("unknown format %q (choose one of %s)", flag, strings.Join(formats, ", "))
		}
		return f, nil
	}
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(out), "."))
	switch {
	case ext == "htm":
		return "html", nil
	case ext == "text":
		return "txt", nil
	case slices.Contains(formats, ext):
		return ext, nil
	case out == "-" || out == "":
		return "pdf", nil
	}
	return "", fmt.Errorf("cannot tell the format from %q: use -f with one of %s", out, strings.Join(formats, ", "))
}

// stem is the base name of a standard's outputs: its code, or its file
// name without extension for a standard without a code.
func stem(s *standard.Standard, in input) string {
	if s.Code != "" {
		return safeName(s.Code)
	}
	base := filepath.Base(strings.TrimPrefix(in.Name, "bundled:"))
	return safeName(strings.TrimSuffix(base, filepath.Ext(base)))
}

// safeName keeps a file name to letters, digits, CJK and ._- so that a
// code from a file cannot climb out of the output folder.
func safeName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '.' || r == '-' || r == '_',
			r >= '0' && r <= '9', r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r > 0x2E7F:
			b.WriteRune(r)
		default:
			b.WriteRune('_')
		}
	}
	out := strings.Trim(b.String(), ".")
	if out == "" {
		return "standard"
	}
	return out
}
