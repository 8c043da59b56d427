package redline

import (
	"strings"

	"github.com/ocs-project/ocs/diff"
	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/templates"
)

// marker marks the paragraphs of the new standard table that a change
// touched. The table prints items as "code text" (T1.1 和顧客有效溝通,
// P1.1.2 根據…, K01 …) and header values as written, so a paragraph is
// found by its text.
type marker struct {
	// runs maps the text of a paragraph of the new table to its marked runs.
	runs map[string][]render.Run
	// gone maps a code prefix of the new table ("P2.1.", "O2.1.") to the
	// removed outputs and indicators printed struck through at the end of
	// the cell that holds that task's items.
	gone map[string][]render.Paragraph
}

func newMarker(r *diff.Result) *marker {
	m := &marker{runs: map[string][]render.Run{}, gone: map[string][]render.Paragraph{}}
	for _, c := range r.Changes {
		switch {
		case c.Action == diff.Added && c.Item != diff.Header:
			m.runs[join(c.NewCode, c.New)] = coded(c.NewCode, mark(templates.Runs(c.New), render.Inserted), render.Inserted)
		case c.Action == diff.Changed && (c.Field == "text" || c.Field == "title"):
			m.runs[join(c.NewCode, c.New)] = coded(c.NewCode, marked(c.Spans()), render.Unchanged)
		case c.Action == diff.Changed && c.Item == diff.Header && c.Field == "description":
			m.runs[c.New] = marked(c.Spans())
		case c.Action == diff.Removed && (c.Item == diff.Indicator || c.Item == diff.Output) && c.Parent != "" && c.OldCode != "":
			prefix := c.OldCode[:1] + strings.TrimPrefix(c.Parent, "T") + "."
			m.gone[prefix] = append(m.gone[prefix], render.Paragraph{
				Runs: coded(c.OldCode, mark(templates.Runs(c.Old), render.Deleted), render.Deleted),
			})
		}
	}
	return m
}

// join is how the table prints an item: "code text".
func join(code, text string) string {
	if code == "" {
		return text
	}
	return code + " " + text
}

// coded puts the item's code before its runs, marked ch.
func coded(code string, runs []render.Run, ch render.Change) []render.Run {
	if code == "" {
		return runs
	}
	if len(runs) > 0 && runs[0] == (render.Run{Text: runs[0].Text, Change: ch}) {
		// A plain first run of the same change takes the code in.
		runs[0].Text = code + " " + runs[0].Text
		return runs
	}
	return append([]render.Run{{Text: code + " ", Change: ch}}, runs...)
}

// block marks the paragraphs of a block of the standard table.
func (m *marker) block(b render.Block) {
	switch b := b.(type) {
	case *render.Table:
		for i := range b.Rows {
			for j := range b.Rows[i].Cells {
				c := &b.Rows[i].Cells[j]
				m.paras(c.Paras)
				c.Paras = append(c.Paras, m.removed(c.Paras)...)
			}
		}
	case *render.KeyValue:
		for i := range b.Pairs {
			m.paras(b.Pairs[i].Value)
		}
	case *render.Paragraph:
		m.para(b)
	}
}

func (m *marker) paras(ps []render.Paragraph) {
	for i := range ps {
		m.para(&ps[i])
	}
}

func (m *marker) para(p *render.Paragraph) {
	if runs, ok := m.runs[render.Texts(p.Runs)]; ok {
		p.Runs = append([]render.Run(nil), runs...)
	}
}

// removed returns the struck-through paragraphs of removed items that
// belong in a cell: the cell lists outputs or indicators of the task they
// were removed from. Each is returned once.
func (m *marker) removed(ps []render.Paragraph) []render.Paragraph {
	for _, p := range ps {
		t := render.Texts(p.Runs)
		for prefix, gone := range m.gone {
			if strings.HasPrefix(t, prefix) && strings.IndexByte(t[len(prefix):], ' ') >= 0 && !strings.Contains(t[len(prefix):strings.IndexByte(t, ' ')], ".") {
				delete(m.gone, prefix)
				return gone
			}
		}
	}
	return nil
}
