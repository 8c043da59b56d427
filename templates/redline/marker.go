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
	// tasks holds "code " of every task of the new standard, to find the
	// rows of each task in the main table; levels the old and new levels
	// (one per row block) of the tasks whose level changed.
	tasks  map[string]bool
	levels map[string][2][]string
	// refs are the K and S references each task gained and lost, keyed by
	// task code and "knowledge" or "skills"; column tells which codes
	// belong to which column; blocks counts each new task's row blocks.
	refs   map[[2]string]refChange
	column map[string]string
	blocks map[string]int
}

// refChange is what a task's K or S cell gained (new codes) and lost
// (struck-through paragraphs of the old references).
type refChange struct {
	added map[string]bool
	lost  []render.Paragraph
}

func newMarker(r *diff.Result) *marker {
	m := &marker{runs: map[string][]render.Run{}, gone: map[string][]render.Paragraph{},
		tasks: map[string]bool{}, levels: map[string][2][]string{}}
	m.refs, m.column, m.blocks = map[[2]string]refChange{}, map[string]string{}, map[string]int{}
	for _, d := range r.New.Duties {
		for _, t := range d.Tasks {
			m.tasks[t.Code+" "] = true
			m.blocks[t.Code] = len(t.Blocks)
		}
	}
	for _, it := range r.New.Knowledge {
		m.column[it.Code] = "knowledge"
	}
	for _, it := range r.New.Skills {
		m.column[it.Code] = "skills"
	}
	m.refChanges(r)
	for _, c := range r.Changes {
		switch {
		case c.Action == diff.Changed && c.Item == diff.Task && c.Field == "level":
			m.levels[c.NewCode] = [2][]string{strings.Fields(c.Old), strings.Fields(c.New)}
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
		task, block := "", 0
		for i := range b.Rows {
			cells := b.Rows[i].Cells
			if t := m.taskOf(cells); t != "" {
				task, block = t, 0
			} else {
				block++
			}
			for j := range cells {
				c := &cells[j]
				m.level(c, task, block)
				if block == 0 {
					m.references(c, task)
				}
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

// taskOf returns the code of the task whose cell starts in a row of the
// main table, or "".
func (m *marker) taskOf(cells []render.Cell) string {
	for _, c := range cells {
		if len(c.Paras) == 0 {
			continue
		}
		t := render.Texts(c.Paras[0].Runs)
		if k := strings.IndexByte(t, ' '); k > 0 && m.tasks[t[:k+1]] {
			return t[:k]
		}
	}
	return ""
}

// level marks the level cell of a task's row block whose level changed:
// the old level struck through, the new one inserted.
func (m *marker) level(c *render.Cell, task string, block int) {
	lv, ok := m.levels[task]
	if !ok || len(c.Paras) != 1 || c.Align != render.Center {
		return
	}
	t := render.Texts(c.Paras[0].Runs)
	if block >= len(lv[1]) || t != lv[1][block] || strings.Trim(t, "0123456789") != "" {
		return
	}
	old := ""
	if block < len(lv[0]) {
		old = lv[0][block]
	}
	if old == t {
		return
	}
	var runs []render.Run
	if old != "" {
		// A space keeps the two numbers apart where colour cannot.
		runs = append(runs, render.Run{Text: old, Change: render.Deleted}, render.Run{Text: " "})
	}
	c.Paras[0].Runs = append(runs, render.Run{Text: t, Change: render.Inserted})
}

// refChanges collects the references each task gained and lost, reading
// old codes through the renumbering of the catalogues.
func (m *marker) refChanges(r *diff.Result) {
	renamed := map[string]string{} // old K/S code → new code, "" when removed
	for _, c := range r.Changes {
		if c.Item != diff.Knowledge && c.Item != diff.Skill {
			continue
		}
		switch c.Action {
		case diff.Moved:
			renamed[c.OldCode] = c.NewCode
		case diff.Removed:
			renamed[c.OldCode] = ""
		}
	}
	oldText := map[string]string{}
	for _, it := range r.Old.Knowledge {
		oldText["knowledge"+it.Code] = it.Text
	}
	for _, it := range r.Old.Skills {
		oldText["skills"+it.Code] = it.Text
	}
	for _, c := range r.Changes {
		if c.Item != diff.Task || c.Action != diff.Changed || (c.Field != "knowledge" && c.Field != "skills") {
			continue
		}
		now := map[string]bool{}
		for _, code := range strings.Fields(c.New) {
			now[code] = true
		}
		was := map[string]bool{}
		rc := refChange{added: map[string]bool{}}
		for _, code := range strings.Fields(c.Old) {
			n, ok := renamed[code]
			if !ok {
				n = code
			}
			was[n] = true
			if n == "" || !now[n] {
				rc.lost = append(rc.lost, render.Paragraph{
					Runs: coded(code, mark(templates.Runs(oldText[c.Field+code]), render.Deleted), render.Deleted),
				})
			}
		}
		for code := range now {
			if !was[code] {
				rc.added[code] = true
			}
		}
		m.refs[[2]string{c.NewCode, c.Field}] = rc
	}
}

// references marks, in the K or S cell that starts in a task's first row
// and covers that task alone, the references the task gained, and lists
// those it lost struck through.
func (m *marker) references(c *render.Cell, task string) {
	if len(c.Paras) == 0 || max(c.RowSpan, 1) > m.blocks[task] {
		return
	}
	code, _, _ := strings.Cut(render.Texts(c.Paras[0].Runs), " ")
	col, ok := m.column[code]
	if !ok {
		return
	}
	rc, ok := m.refs[[2]string{task, col}]
	if !ok {
		return
	}
	for i := range c.Paras {
		code, _, _ := strings.Cut(render.Texts(c.Paras[i].Runs), " ")
		if rc.added[code] {
			c.Paras[i].Runs = mark(append([]render.Run(nil), c.Paras[i].Runs...), render.Inserted)
		}
	}
	c.Paras = append(c.Paras, rc.lost...)
}
