// Package table builds the official-format standard table (職能基準) of a
// normalised standard as a render.Document: header block, the duty / task /
// output / indicator / level / K / S table with merged cells and a header
// row repeated on every page, attitudes, the task × attitude matrix, notes,
// remarks and version history.
package table

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
)

// Standard builds the official standard table (職能基準) of s: the title,
// the header block, the main table of duties and tasks, the attitudes with
// their task × attitude matrix, the remarks and the version history, laid
// out like the iCAP form. Fixed words come from labels/standard.toml in
// opt.Lang; the standard's own text is printed as written, with 【註N】
// references as superscripts.
//
// s must be normalised (loaded, or passed through standard.Normalize).
func Standard(s *standard.Standard, opt templates.Options) (*render.Document, error) {
	if s == nil {
		return nil, errors.New("standard table: no standard given")
	}
	if err := s.CheckNormal(); err != nil {
		return nil, fmt.Errorf("standard table: %w", err)
	}
	l, err := opt.LabelsFor("standard")
	if err != nil {
		return nil, err
	}
	b := &standardBuilder{s: s, l: l, landscape: opt.Landscape, rows: stdTableRows(s)}
	name := s.Name()
	title := name + l.Get("title_suffix")

	doc := &render.Document{
		Meta: render.Meta{
			Title:    title,
			Subject:  s.Description,
			Keywords: stdNonEmpty(s.Code, name),
			Lang:     stdLang(opt),
			Date:     opt.Date,
		},
		Page: render.Page{Landscape: opt.Landscape, Top: stdMargin, Right: stdMargin, Bottom: stdMargin, Left: stdMargin},
		Footer: render.Footer{
			Left:  stdFooterName(s),
			Right: l.Get("footer_pages"),
		},
	}
	doc.Blocks = append(doc.Blocks, &render.Paragraph{
		Runs:         []render.Run{{Text: title}},
		Align:        render.Center,
		Style:        render.TitleText,
		KeepWithNext: true,
	})
	doc.Blocks = append(doc.Blocks, b.header())
	doc.Blocks = append(doc.Blocks, b.mainTable())
	doc.Blocks = append(doc.Blocks, b.attitudes()...)
	doc.Blocks = append(doc.Blocks, b.remarks()...)
	return doc, nil
}

// standardBuilder carries what every part of the standard table needs.
// Its helpers are its methods, and the unexported names of the standard
// table's files start with "std", so that they cannot clash with the other
// templates of the package.
type standardBuilder struct {
	s         *standard.Standard
	l         templates.Labels
	landscape bool
	rows      []stdRow // the main table's rows, one per task block
}

// stdLang returns the document language of the options.
func stdLang(opt templates.Options) string {
	if opt.Lang == "" {
		return "zh-TW"
	}
	return opt.Lang
}

// stdFooterName is the left footer: the code, which carries the version
// (THM2431-001v1), or the name for a standard without a code.
func stdFooterName(s *standard.Standard) string {
	if s.Code != "" {
		return s.Code
	}
	return s.Name()
}

// stdNonEmpty returns the strings that are not empty.
func stdNonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// stdPara returns a paragraph of text with its 【註N】 references as
// superscripts.
func stdPara(text string) render.Paragraph {
	return render.Paragraph{Runs: templates.Runs(text)}
}

// stdCoded returns the paragraph "code text", e.g. "P1.1.1 辨識…", or the
// text alone when there is no code.
func stdCoded(code, text string) render.Paragraph {
	if code == "" {
		return stdPara(text)
	}
	if text == "" {
		return stdPara(code)
	}
	return stdPara(code + " " + text)
}

// stdTextCell is a cell of one paragraph of text, or an empty cell for "".
func stdTextCell(text string) render.Cell {
	if text == "" {
		return render.Cell{}
	}
	return render.Cell{Paras: []render.Paragraph{stdPara(text)}}
}

// stdLabelCell is a shaded cell holding a label, as in header rows.
func stdLabelCell(text string) render.Cell {
	return render.Cell{
		Paras:  []render.Paragraph{{Runs: []render.Run{{Text: text, Bold: true}}, Align: render.Center}},
		Align:  render.Center,
		VAlign: render.Middle,
		Shade:  true,
	}
}
