// Package diff compares two versions of an occupational competency
// standard as models, not as text: it matches duties, tasks, outputs,
// indicators and the K/S/A catalogues by code and, where codes were
// renumbered, by text similarity, and lists what was added, removed,
// moved or changed, with character-level marks for reworded text.
//
// The change list is stable and documented (see Change and the README's
// "ocs diff" section): scripts and CI read it as JSON.
package diff

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ocs-project/ocs/standard"
)

// Action is what happened to an item.
type Action string

// Actions. An item both moved and reworded gets two changes: "moved", then
// "changed".
const (
	Added   Action = "added"   // only in the new standard
	Removed Action = "removed" // only in the old standard
	Moved   Action = "moved"   // renumbered or moved to another parent
	Changed Action = "changed" // a field of the item changed; see Field
)

// Item kinds, the values of Change.Item.
const (
	Header       = "header"
	Duty         = "duty"
	Task         = "task"
	Output       = "output"
	Indicator    = "indicator"
	Knowledge    = "knowledge"
	Skill        = "skill"
	Attitude     = "attitude"
	Note         = "note"
	Prerequisite = "prerequisite"
	Supplement   = "supplement"
	History      = "history"
)

// Change is one difference between two standards.
type Change struct {
	// Action is added, removed, moved or changed.
	Action Action `json:"action"`
	// Item is the kind of item: header, duty, task, output, indicator,
	// knowledge, skill, attitude, note, prerequisite, supplement, history.
	Item string `json:"item"`
	// Field names what changed for Action "changed": for the header the
	// field (code, occupation, job_category, description, level,
	// no_levels, updated, category); for a duty or task "title"; for a task
	// also "shares" (the task whose row it shares), "level", "blocks",
	// "knowledge", "skills", "attitudes" (a task sharing a row has none of
	// its own: the row's changes are the task's that holds it); for an
	// output, indicator, K or S item "text"; for an attitude "name" or
	// "definition"; for a note "term" or "text".
	Field string `json:"field,omitempty"`
	// OldCode and NewCode are the item's codes in each version (P1.1.2,
	// T3.1, K07, 【註N】 number for notes); one is empty for added and
	// removed items.
	OldCode string `json:"old_code,omitempty"`
	NewCode string `json:"new_code,omitempty"`
	// Old and New are the text of the item (added, removed, moved) or of
	// the changed field. Reference and attitude lists are codes separated
	// by spaces.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
	// Parent is the code, in the new version when it has one, of the task
	// or duty the item belongs to (outputs, indicators, tasks).
	Parent string `json:"parent,omitempty"`
}

// Spans returns the diff of the change's old and new text: by code for
// lists of codes (a task's level, knowledge, skills, attitudes), by
// character for text.
func (c Change) Spans() []Span {
	switch c.Field {
	case "level", "knowledge", "skills", "attitudes":
		return Codes(c.Old, c.New)
	}
	return Text(c.Old, c.New)
}

// Result is the comparison of two standards.
type Result struct {
	Old, New *standard.Standard
	// Changes in the order of the form: header, duties and tasks with
	// their outputs and indicators, knowledge, skills, attitudes, notes,
	// remarks, history.
	Changes []Change

	tasks []taskPair // matched tasks, for Assessment
}

// taskPair is a task of the old version and the task it became.
type taskPair struct{ old, new *standard.Task }

// Equal reports whether the two standards have no differences.
func (r *Result) Equal() bool { return len(r.Changes) == 0 }

// Compare compares two normalised standards (loaded, or passed through
// standard.Normalize).
func Compare(old, new *standard.Standard) (*Result, error) {
	if old == nil || new == nil {
		return nil, fmt.Errorf("diff: two standards needed")
	}
	if err := old.CheckNormal(); err != nil {
		return nil, fmt.Errorf("diff: old standard: %w", err)
	}
	if err := new.CheckNormal(); err != nil {
		return nil, fmt.Errorf("diff: new standard: %w", err)
	}
	// The catalogues are compared first, to translate the references of
	// tasks, but are listed after the duties, in the order of the form.
	cat := &comparer{r: &Result{}}
	kmap := cat.catalogue(Knowledge, old.Knowledge, new.Knowledge)
	smap := cat.catalogue(Skill, old.Skills, new.Skills)
	amap := cat.attitudes(old.Attitudes, new.Attitudes)
	c := &comparer{r: &Result{Old: old, New: new}}
	c.header(old, new)
	c.duties(old, new, refMaps{kmap, smap, amap})
	c.r.Changes = append(c.r.Changes, cat.r.Changes...)
	c.notes(old.Notes, new.Notes)
	c.lines(Prerequisite, old.Prerequisites, new.Prerequisites)
	c.lines(Supplement, old.Supplements, new.Supplements)
	c.history(old.History, new.History)
	return c.r, nil
}

// comparer collects the changes of one comparison.
type comparer struct {
	r *Result
}

func (c *comparer) add(ch Change) { c.r.Changes = append(c.r.Changes, ch) }

// header compares the fields above the table.
func (c *comparer) header(o, n *standard.Standard) {
	field := func(name, a, b string) {
		if a != b {
			c.add(Change{Action: Changed, Item: Header, Field: name, Old: a, New: b})
		}
	}
	field("code", o.Code, n.Code)
	field("occupation", o.Occupation, n.Occupation)
	field("job_category", o.JobCategory, n.JobCategory)
	field("description", o.Description, n.Description)
	field("level", levelText(o.Level), levelText(n.Level))
	field("no_levels", o.NoLevels, n.NoLevels)
	field("updated", o.Updated, n.Updated)
	field("category", classes(o.Category), classes(n.Category))
}

func levelText(l int) string {
	if l == 0 {
		return ""
	}
	return strconv.Itoa(l)
}

// classes prints the 所屬類別 rows, one "kind name code" a line.
func classes(cs standard.Categories) string {
	var b strings.Builder
	for _, g := range []struct {
		kind string
		cs   []standard.Class
	}{{"job", cs.Job}, {"occupation", cs.Occupation}, {"industry", cs.Industry}} {
		for _, cl := range g.cs {
			fmt.Fprintf(&b, "%s %s %s\n", g.kind, cl.Name, cl.Code)
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// refMaps translate old K, S and A codes to new ones (renumbered catalogue
// entries); a removed entry maps to "".
type refMaps struct{ k, s, a map[string]string }

// catalogue compares the K or S catalogue and returns the code map.
func (c *comparer) catalogue(kind string, o, n []standard.Item) map[string]string {
	oi, ni := make([]item, len(o)), make([]item, len(n))
	for i, it := range o {
		oi[i] = item{it.Code, it.Text}
	}
	for i, it := range n {
		ni[i] = item{it.Code, it.Text}
	}
	return c.list(kind, oi, ni, "")
}

// list matches two coded lists of texts and records their changes; it
// returns the map from old codes to new codes.
func (c *comparer) list(kind string, o, n []item, parent string) map[string]string {
	p := match(o, n)
	m := make(map[string]string, len(o))
	for i, j := range p.oldToNew {
		if j >= 0 {
			m[o[i].code] = n[j].code
		} else {
			m[o[i].code] = ""
		}
	}
	c.report(kind, o, n, p, func(int) string { return parent })
	return m
}

// report records the changes of a matched list in the order of the new
// list, each removed item after the new item its predecessor matched.
// parentOf gives an item's parent code (new list index, or -1-old index
// for removed items).
func (c *comparer) report(kind string, o, n []item, p pairing, parentOf func(int) string) {
	removed := func(i int) {
		c.add(Change{Action: Removed, Item: kind, OldCode: o[i].code, Old: o[i].text, Parent: parentOf(-1 - i)})
	}
	// Removed items before the first matched old item.
	next := 0
	flushRemoved := func(upto int) {
		for ; next < upto; next++ {
			if p.oldToNew[next] < 0 {
				removed(next)
			}
		}
	}
	for j, it := range n {
		i := p.newToOld[j]
		if i < 0 {
			c.add(Change{Action: Added, Item: kind, NewCode: it.code, New: it.text, Parent: parentOf(j)})
			continue
		}
		if i >= next {
			flushRemoved(i)
			next = i + 1
		}
		if o[i].code != it.code {
			c.add(Change{Action: Moved, Item: kind, OldCode: o[i].code, NewCode: it.code, Old: o[i].text, New: it.text, Parent: parentOf(j)})
		}
		if o[i].text != it.text {
			c.add(Change{Action: Changed, Item: kind, Field: "text", OldCode: o[i].code, NewCode: it.code, Old: o[i].text, New: it.text, Parent: parentOf(j)})
		}
	}
	flushRemoved(len(o))
}

// attitudes compares the attitude catalogue and returns the code map.
func (c *comparer) attitudes(o, n []standard.Attitude) map[string]string {
	oi, ni := make([]item, len(o)), make([]item, len(n))
	for i, a := range o {
		oi[i] = item{a.Code, a.Name}
	}
	for i, a := range n {
		ni[i] = item{a.Code, a.Name}
	}
	p := match(oi, ni)
	m := make(map[string]string, len(o))
	for i, j := range p.oldToNew {
		m[o[i].Code] = ""
		if j >= 0 {
			m[o[i].Code] = n[j].Code
		}
	}
	start := len(c.r.Changes)
	c.report(Attitude, oi, ni, p, func(int) string { return "" })
	// The name is the attitude's text; rename "text" to "name".
	for k := start; k < len(c.r.Changes); k++ {
		if c.r.Changes[k].Field == "text" {
			c.r.Changes[k].Field = "name"
		}
	}
	for j, a := range n {
		if i := p.newToOld[j]; i >= 0 && o[i].Definition != a.Definition {
			c.add(Change{Action: Changed, Item: Attitude, Field: "definition", OldCode: o[i].Code, NewCode: a.Code, Old: o[i].Definition, New: a.Definition})
		}
	}
	return m
}

// notes compares the 【註N】 notes, matched by term and text.
func (c *comparer) notes(o, n []standard.Note) {
	oi, ni := make([]item, len(o)), make([]item, len(n))
	for i, x := range o {
		oi[i] = item{strconv.Itoa(x.N), x.Term + "：" + x.Text}
	}
	for i, x := range n {
		ni[i] = item{strconv.Itoa(x.N), x.Term + "：" + x.Text}
	}
	c.report(Note, oi, ni, match(oi, ni), func(int) string { return "" })
}

// lines compares uncoded lines such as prerequisites and supplements.
func (c *comparer) lines(kind string, o, n []string) {
	oi, ni := make([]item, len(o)), make([]item, len(n))
	for i, x := range o {
		oi[i] = item{strconv.Itoa(i + 1), x}
	}
	for i, x := range n {
		ni[i] = item{strconv.Itoa(i + 1), x}
	}
	p := match(oi, ni)
	start := len(c.r.Changes)
	c.report(kind, oi, ni, p, func(int) string { return "" })
	// Lines have no codes of their own: a line that only shifted is no move.
	out := c.r.Changes[:start]
	for _, ch := range c.r.Changes[start:] {
		if ch.Action != Moved {
			out = append(out, ch)
		}
	}
	c.r.Changes = out
}

// history compares the rows of the 基準更新紀錄, keyed by version code.
func (c *comparer) history(o, n []standard.Version) {
	row := func(v standard.Version) item {
		return item{v.Code, strings.Join([]string{v.Version, v.Code, v.Name, v.Status, v.Note, v.Date}, " | ")}
	}
	oi, ni := make([]item, len(o)), make([]item, len(n))
	for i, v := range o {
		oi[i] = row(v)
	}
	for i, v := range n {
		ni[i] = row(v)
	}
	c.report(History, oi, ni, match(oi, ni), func(int) string { return "" })
}
