package diff

import (
	"strconv"
	"strings"

	"github.com/ocs-project/ocs/standard"
)

// taskRef locates a task in a standard.
type taskRef struct{ duty, task int }

// entryRef locates an output or indicator: its task (index into the flat
// task list) and its index among the task's entries of that kind.
type entryRef struct{ task, n int }

// flatTasks lists the tasks of s in order, with their place. A task that
// shares the row block of another (standard.Task.Shares) is listed
// without blocks: the row is compared once, with the task that holds it,
// and a change of the row is reported there, not again for every task
// sharing it.
func flatTasks(s *standard.Standard) ([]*standard.Task, []taskRef) {
	var ts []*standard.Task
	var refs []taskRef
	for i := range s.Duties {
		d := &s.Duties[i]
		owners := d.RowOwners()
		for j := range d.Tasks {
			t := &d.Tasks[j]
			if owners[j] != j {
				view := *t
				view.Blocks = nil
				t = &view
			}
			ts = append(ts, t)
			refs = append(refs, taskRef{i, j})
		}
	}
	return ts, refs
}

// entries returns a task's outputs or indicators over all its blocks.
func entries(t *standard.Task, indicators bool) []standard.Entry {
	var es []standard.Entry
	for _, b := range t.Blocks {
		if indicators {
			es = append(es, b.Indicators...)
		} else {
			es = append(es, b.Outputs...)
		}
	}
	return es
}

// taskKey is the text a task is recognised by: its title and indicators.
func taskKey(t *standard.Task) string {
	var b strings.Builder
	b.WriteString(t.Title)
	for _, e := range entries(t, true) {
		b.WriteByte('\n')
		b.WriteString(e.Text)
	}
	return b.String()
}

// dutyKey is the text a duty is recognised by: its title and task titles.
func dutyKey(d *standard.Duty) string {
	var b strings.Builder
	b.WriteString(d.Title)
	for _, t := range d.Tasks {
		b.WriteByte('\n')
		b.WriteString(t.Title)
	}
	return b.String()
}

// duties compares the main table: duties, tasks, their levels and
// references, outputs and indicators.
func (c *comparer) duties(o, n *standard.Standard, refs refMaps) {
	od, nd := make([]item, len(o.Duties)), make([]item, len(n.Duties))
	for i := range o.Duties {
		od[i] = item{o.Duties[i].Code, dutyKey(&o.Duties[i])}
	}
	for i := range n.Duties {
		nd[i] = item{n.Duties[i].Code, dutyKey(&n.Duties[i])}
	}
	dp := match(od, nd)

	ot, oref := flatTasks(o)
	nt, _ := flatTasks(n)
	oi, ni := make([]item, len(ot)), make([]item, len(nt))
	for i, t := range ot {
		oi[i] = item{t.Code, taskKey(t)}
	}
	for i, t := range nt {
		ni[i] = item{t.Code, taskKey(t)}
	}
	tp := match(oi, ni)
	for j, i := range tp.newToOld {
		if i >= 0 {
			c.r.tasks = append(c.r.tasks, taskPair{ot[i], nt[j]})
		}
	}

	outs := matchEntries(ot, nt, tp, false)
	inds := matchEntries(ot, nt, tp, true)

	// Removed tasks are listed after the tasks of the new duty their old
	// duty matched, or with their removed duty.
	removedTasks := make(map[int][]int) // old duty → old task indexes
	for i, j := range tp.oldToNew {
		if j < 0 {
			removedTasks[oref[i].duty] = append(removedTasks[oref[i].duty], i)
		}
	}
	task := 0
	for dj := range n.Duties {
		d := &n.Duties[dj]
		di := dp.newToOld[dj]
		switch {
		case di < 0:
			c.add(Change{Action: Added, Item: Duty, NewCode: d.Code, New: d.Title})
		default:
			od := &o.Duties[di]
			if od.Code != d.Code {
				c.add(Change{Action: Moved, Item: Duty, OldCode: od.Code, NewCode: d.Code, Old: od.Title, New: d.Title})
			}
			if od.Title != d.Title {
				c.add(Change{Action: Changed, Item: Duty, Field: "title", OldCode: od.Code, NewCode: d.Code, Old: od.Title, New: d.Title})
			}
		}
		for range d.Tasks {
			c.task(ot, nt, task, tp, outs, inds, refs)
			task++
		}
		if di >= 0 {
			for _, i := range removedTasks[di] {
				c.removedTask(ot[i], outs, inds, i)
			}
		}
	}
	for di, dj := range dp.oldToNew {
		if dj >= 0 {
			continue
		}
		od := &o.Duties[di]
		c.add(Change{Action: Removed, Item: Duty, OldCode: od.Code, Old: od.Title})
		for _, i := range removedTasks[di] {
			c.removedTask(ot[i], outs, inds, i)
		}
	}
}

// removedTask records a removed task and its entries that went nowhere.
func (c *comparer) removedTask(t *standard.Task, outs, inds *entryMatch, i int) {
	c.add(Change{Action: Removed, Item: Task, OldCode: t.Code, Old: t.Title})
	c.removedEntries(Output, t.Code, entries(t, false), outs, i)
	c.removedEntries(Indicator, t.Code, entries(t, true), inds, i)
}

// removedEntries records the entries of old task i that went nowhere;
// parent is the code of the task they are listed under.
func (c *comparer) removedEntries(kind, parent string, es []standard.Entry, m *entryMatch, i int) {
	for k, e := range es {
		if _, ok := m.oldToNew[entryRef{i, k}]; !ok {
			c.add(Change{Action: Removed, Item: kind, OldCode: e.Code, Old: e.Text, Parent: parent})
		}
	}
}

// task records the changes of new task j and of its entries.
func (c *comparer) task(ot, nt []*standard.Task, j int, tp pairing, outs, inds *entryMatch, refs refMaps) {
	t := nt[j]
	i := tp.newToOld[j]
	if i < 0 {
		c.add(Change{Action: Added, Item: Task, NewCode: t.Code, New: t.Title})
	} else {
		old := ot[i]
		if old.Code != t.Code {
			c.add(Change{Action: Moved, Item: Task, OldCode: old.Code, NewCode: t.Code, Old: old.Title, New: t.Title})
		}
		ch := func(field, a, b string) {
			if a != b {
				c.add(Change{Action: Changed, Item: Task, Field: field, OldCode: old.Code, NewCode: t.Code, Old: a, New: b})
			}
		}
		ch("title", old.Title, t.Title)
		ch("shares", old.Shares, t.Shares)
		ch("blocks", strconv.Itoa(len(old.Blocks)), strconv.Itoa(len(t.Blocks)))
		ch("level", levels(old), levels(t))
		refChange := func(field string, a, b []string, m map[string]string) {
			if !sameSet(translate(a, m), b) {
				ch(field, strings.Join(a, " "), strings.Join(b, " "))
			}
		}
		refChange("knowledge", refCodes(old, true), refCodes(t, true), refs.k)
		refChange("skills", refCodes(old, false), refCodes(t, false), refs.s)
		refChange("attitudes", old.Attitudes, t.Attitudes, refs.a)
	}
	c.entries(Output, ot, t, j, i, entries(t, false), outs)
	c.entries(Indicator, ot, t, j, i, entries(t, true), inds)
}

// entries records the changes of the outputs or indicators of new task j
// (matched to old task i, or -1).
func (c *comparer) entries(kind string, ot []*standard.Task, t *standard.Task, j, i int, es []standard.Entry, m *entryMatch) {
	for k, e := range es {
		at, ok := m.newToOld[entryRef{j, k}]
		if !ok {
			c.add(Change{Action: Added, Item: kind, NewCode: e.Code, New: e.Text, Parent: t.Code})
			continue
		}
		oe := entries(ot[at.task], kind == Indicator)[at.n]
		if at.task != i {
			c.add(Change{Action: Moved, Item: kind, OldCode: oe.Code, NewCode: e.Code, Old: oe.Text, New: e.Text, Parent: t.Code})
		}
		if oe.Text != e.Text {
			c.add(Change{Action: Changed, Item: kind, Field: "text", OldCode: oe.Code, NewCode: e.Code, Old: oe.Text, New: e.Text, Parent: t.Code})
		}
	}
	if i >= 0 {
		c.removedEntries(kind, t.Code, entries(ot[i], kind == Indicator), m, i)
	}
}

// entryMatch pairs the outputs or indicators of two standards.
type entryMatch struct {
	oldToNew, newToOld map[entryRef]entryRef
}

// matchEntries pairs entries within each pair of matched tasks first (by
// their place in the task, then by text), then the rest across tasks: an
// indicator that went to another task is a move.
func matchEntries(ot, nt []*standard.Task, tp pairing, indicators bool) *entryMatch {
	m := &entryMatch{oldToNew: map[entryRef]entryRef{}, newToOld: map[entryRef]entryRef{}}
	pos := func(k int) string { return strconv.Itoa(k + 1) }
	for i, j := range tp.oldToNew {
		if j < 0 {
			continue
		}
		oe, ne := entries(ot[i], indicators), entries(nt[j], indicators)
		oi, ni := make([]item, len(oe)), make([]item, len(ne))
		for k, e := range oe {
			oi[k] = item{pos(k), e.Text}
		}
		for k, e := range ne {
			ni[k] = item{pos(k), e.Text}
		}
		p := match(oi, ni)
		for a, b := range p.oldToNew {
			if b >= 0 {
				m.oldToNew[entryRef{i, a}] = entryRef{j, b}
				m.newToOld[entryRef{j, b}] = entryRef{i, a}
			}
		}
	}
	// What is left, across tasks; codes no longer help.
	var ol, nl []entryRef
	var oi, ni []item
	for i, t := range ot {
		for k, e := range entries(t, indicators) {
			if _, ok := m.oldToNew[entryRef{i, k}]; !ok {
				ol = append(ol, entryRef{i, k})
				oi = append(oi, item{"", e.Text})
			}
		}
	}
	for j, t := range nt {
		for k, e := range entries(t, indicators) {
			if _, ok := m.newToOld[entryRef{j, k}]; !ok {
				nl = append(nl, entryRef{j, k})
				ni = append(ni, item{"", e.Text})
			}
		}
	}
	p := match(oi, ni)
	for a, b := range p.oldToNew {
		if b >= 0 {
			m.oldToNew[ol[a]] = nl[b]
			m.newToOld[nl[b]] = ol[a]
		}
	}
	return m
}

// levels prints the levels of a task's blocks, e.g. "3" or "3 4".
func levels(t *standard.Task) string {
	var ls []string
	for _, b := range t.Blocks {
		l := b.Level
		if l == 0 {
			l = t.Level
		}
		ls = append(ls, levelText(l))
	}
	return strings.Join(ls, " ")
}

// refCodes lists a task's K or S codes over its blocks, without repeats.
func refCodes(t *standard.Task, knowledge bool) []string {
	var out []string
	seen := map[string]bool{}
	for _, b := range t.Blocks {
		rs := b.Skills
		if knowledge {
			rs = b.Knowledge
		}
		for _, r := range rs {
			if !seen[r.Code] {
				seen[r.Code] = true
				out = append(out, r.Code)
			}
		}
	}
	return out
}

// translate maps old codes to the new catalogue's codes; a code of a
// removed entry stays as it was, so it cannot equal a new code by chance
// unless the new catalogue reuses it.
func translate(codes []string, m map[string]string) []string {
	out := make([]string, len(codes))
	for k, c := range codes {
		if n, ok := m[c]; ok && n != "" {
			out[k] = n
		} else {
			out[k] = "\x00" + c
		}
	}
	return out
}

// sameSet reports whether two code lists hold the same codes.
func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := make(map[string]int, len(a))
	for _, x := range a {
		seen[x]++
	}
	for _, x := range b {
		if seen[x] == 0 {
			return false
		}
		seen[x]--
	}
	return true
}
