// Package redline builds the redline (修訂對照) of two versions of a
// standard as a render.Document: a summary table of every change, then the
// standard table of the new version with inserted text marked and deleted
// text struck through, for authors to hand to reviewers.
package redline

import (
	"errors"
	"strings"

	"github.com/ocs-project/ocs/diff"
	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/table"
)

// Redline builds the redline of a comparison. The second part is the
// official standard table of r.New (see table.Standard) in which reworded
// texts show their deleted and inserted characters, added items are marked
// inserted, and removed outputs and indicators appear struck through at the
// end of their task's cell. Every change, including those the table cannot
// show (levels, references, moves), is listed in the summary.
func Redline(r *diff.Result, opt templates.Options) (*render.Document, error) {
	if r == nil || r.Old == nil || r.New == nil {
		return nil, errors.New("redline: no comparison given")
	}
	l, err := opt.LabelsFor("redline")
	if err != nil {
		return nil, err
	}
	std, err := table.Standard(r.New, opt)
	if err != nil {
		return nil, err
	}
	title := r.New.Name() + l.Get("title_suffix")
	doc := &render.Document{
		Meta: render.Meta{
			Title:    title,
			Subject:  versionLine(r),
			Keywords: std.Meta.Keywords,
			Lang:     std.Meta.Lang,
			Date:     opt.Date,
		},
		Page:   std.Page,
		Footer: render.Footer{Left: title, Right: l.Get("footer_pages")},
	}
	doc.Blocks = append(doc.Blocks,
		&render.Paragraph{Runs: []render.Run{{Text: title}}, Align: render.Center, Style: render.TitleText, KeepWithNext: true},
		&render.KeyValue{Columns: 2, Pairs: []render.Pair{
			{Label: l.Get("versions"), Value: []render.Paragraph{render.Text(side(r.Old))}},
			{Label: l.Get("versions_to"), Value: []render.Paragraph{render.Text(side(r.New))}},
		}},
		&render.Heading{Level: 2, Runs: []render.Run{{Text: l.Get("summary")}}},
	)
	if r.Equal() {
		doc.Blocks = append(doc.Blocks, &render.Paragraph{Runs: []render.Run{{Text: l.Get("no_changes")}}})
	} else {
		doc.Blocks = append(doc.Blocks,
			&render.Paragraph{Runs: []render.Run{{Text: l.Get("legend")}}, Style: render.Small},
			summary(r, l))
	}
	doc.Blocks = append(doc.Blocks,
		&render.PageBreak{},
		&render.Heading{Level: 2, Runs: []render.Run{{Text: l.Get("marked")}}},
	)
	m := newMarker(r)
	for _, b := range std.Blocks {
		m.block(b)
	}
	doc.Blocks = append(doc.Blocks, std.Blocks...)
	return doc, nil
}

// side names one version: its code and name, and where it was read from.
func side(s *standard.Standard) string {
	out := s.Name()
	if s.Code != "" {
		out = s.Code + " " + out
	}
	if s.Source != "" {
		out += "（" + s.Source + "）"
	}
	return out
}

// versionLine is "OLD → NEW" by code, for the document's subject.
func versionLine(r *diff.Result) string {
	return r.Old.Code + " → " + r.New.Code
}

// summary is the table of changes: item, change, old code, new code, and
// the content with its deleted and inserted characters marked.
func summary(r *diff.Result, l templates.Labels) *render.Table {
	head := render.Row{KeepTogether: true}
	for _, k := range []string{"col_item", "col_action", "col_old", "col_new", "col_content"} {
		head.Cells = append(head.Cells, render.Cell{
			Paras: []render.Paragraph{{Runs: []render.Run{{Text: l.Get(k), Bold: true}}, Align: render.Center}},
			Align: render.Center, VAlign: render.Middle, Shade: true,
		})
	}
	t := &render.Table{Widths: []float64{16, 10, 11, 11, 52}, HeaderRows: 1, Rows: []render.Row{head}}
	for _, c := range r.Changes {
		item := l.Get("item_" + c.Item)
		if c.Field != "" && c.Field != "text" {
			item += "：" + l.Get("field_"+c.Field)
		}
		t.Rows = append(t.Rows, render.Row{KeepTogether: true, Cells: []render.Cell{
			{Paras: []render.Paragraph{render.Text(item)}},
			{Paras: []render.Paragraph{render.Text(l.Get("action_" + string(c.Action)))}, Align: render.Center},
			{Paras: []render.Paragraph{render.Text(c.OldCode)}},
			{Paras: []render.Paragraph{render.Text(c.NewCode)}},
			{Paras: content(c)},
		}})
	}
	return t
}

// content is what a change's summary row shows: the old and new text with
// the changed characters marked; a moved item's text as it now reads.
func content(c diff.Change) []render.Paragraph {
	switch c.Action {
	case diff.Added:
		return lines(c.New, render.Inserted)
	case diff.Removed:
		return lines(c.Old, render.Deleted)
	case diff.Moved:
		return lines(c.New, render.Unchanged)
	}
	return []render.Paragraph{{Runs: marked(c.Spans())}}
}

// lines returns one paragraph per line of s, each run marked ch.
func lines(s string, ch render.Change) []render.Paragraph {
	var ps []render.Paragraph
	for _, line := range strings.Split(s, "\n") {
		ps = append(ps, render.Paragraph{Runs: mark(templates.Runs(line), ch)})
	}
	return ps
}

// marked turns the spans of a character diff into runs: kept text plain,
// deleted and inserted text marked, 【註N】 references as superscripts.
func marked(spans []diff.Span) []render.Run {
	var runs []render.Run
	for _, s := range spans {
		ch := render.Unchanged
		switch s.Op {
		case diff.Delete:
			ch = render.Deleted
		case diff.Insert:
			ch = render.Inserted
		}
		runs = append(runs, mark(templates.Runs(s.Text), ch)...)
	}
	return runs
}

// mark sets the change of every run.
func mark(runs []render.Run, ch render.Change) []render.Run {
	for i := range runs {
		runs[i].Change = ch
	}
	return runs
}
