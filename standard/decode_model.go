package standard

import (
	"github.com/ocs-project/ocs/diag"

	"fmt"
	"sort"
	"strconv"
	"strings"
)

// standard decodes the document's top-level table.
func (d *decoder) standard(root map[string]any) *Standard {
	t, _ := d.table(root, "", formatOf().root)
	s := &Standard{
		Code:        t.str("code"),
		Occupation:  t.str("occupation"),
		JobCategory: t.str("job_category"),
		Description: t.str("description"),
		Level:       t.int("level"),
		NoLevels:    t.str("no_levels"),
		Updated:     t.str("updated"),
	}
	if c, ok := t.sub("category"); ok {
		s.Category.Job = classes(c, "job")
		s.Category.Occupation = classes(c, "occupation")
		s.Category.Industry = classes(c, "industry")
	}
	for _, dt := range t.tables("duty") {
		s.Duties = append(s.Duties, d.duty(dt))
	}
	if c, ok := t.sub("knowledge"); ok {
		s.Knowledge = items(c)
	}
	if c, ok := t.sub("skills"); ok {
		s.Skills = items(c)
	}
	if c, ok := t.sub("attitudes"); ok {
		s.Attitudes = d.attitudes(c)
	}
	if c, ok := t.sub("notes"); ok {
		s.Notes = d.notes(c)
	}
	if r, ok := t.sub("remarks"); ok {
		s.Prerequisites = r.strs("prerequisites")
		s.Supplements = r.strs("supplements")
	}
	for _, h := range t.tables("history") {
		s.History = append(s.History, Version{
			Version: h.str("version"), Code: h.str("code"), Name: h.str("name"),
			Status: h.str("status"), Note: h.str("note"), Date: h.str("date"),
		})
	}
	return s
}

func classes(t tbl, key string) []Class {
	var out []Class
	for _, c := range t.tables(key) {
		out = append(out, Class{Name: c.str("name"), Code: c.str("code")})
	}
	return out
}

func (d *decoder) duty(t tbl) Duty {
	duty := Duty{Code: t.str("code"), Title: t.str("title")}
	for _, tt := range t.tables("task") {
		duty.Tasks = append(duty.Tasks, d.task(tt))
	}
	return duty
}

// rowKeys are the keys of a row block, which a one-block task writes on
// the task itself.
var rowKeys = []string{"outputs", "indicators", "knowledge", "skills"}

func (d *decoder) task(t tbl) Task {
	task := Task{
		Code:      t.str("code"),
		Title:     t.str("title"),
		Level:     t.int("level"),
		Attitudes: t.strs("attitudes"),
		Shares:    t.str("shares"),
	}
	if !t.has("block") {
		task.Blocks = []Block{row(t)}
		task.Shorthand = true
		return task
	}
	var direct []string
	for _, k := range rowKeys {
		if t.has(k) {
			direct = append(direct, k)
		}
	}
	if len(direct) > 0 {
		d.errorAt(diag.JoinKey(t.path, direct[0]),
			fmt.Sprintf("task writes %s directly and also has [[duty.task.block]] tables", strings.Join(direct, ", ")),
			"a task either writes its one block directly or uses blocks: move these into a [[duty.task.block]]")
	}
	for _, bt := range t.tables("block") {
		b := row(bt)
		b.Level = bt.int("level")
		b.SharesOutputs = bt.bool("shares_outputs")
		task.Blocks = append(task.Blocks, b)
	}
	if len(task.Blocks) == 0 {
		task.Blocks = []Block{{}} // block = []: readers may count on one block
	}
	return task
}

// row decodes the outputs, indicators and references of a block (or of a
// task written in the one-block shorthand).
func row(t tbl) Block {
	return Block{
		Outputs:    t.entries("outputs"),
		Indicators: t.entries("indicators"),
		Knowledge:  t.refs("knowledge"),
		Skills:     t.refs("skills"),
	}
}

// items decodes a knowledge or skills catalogue in file order.
func items(t tbl) []Item {
	var out []Item
	for _, k := range t.mapKeys() {
		path := diag.JoinKey(t.path, k)
		s, ok := t.m[k].(string)
		if !ok {
			t.d.wrongType(path, t.node.elem, t.m[k])
			continue
		}
		out = append(out, Item{Code: k, Text: s})
	}
	return out
}

func (d *decoder) attitudes(t tbl) []Attitude {
	var out []Attitude
	for _, k := range t.mapKeys() {
		s, e, ok := d.textOr(t.m[k], diag.JoinKey(t.path, k), t.node.elem)
		switch {
		case !ok:
		case e.m == nil:
			out = append(out, Attitude{Code: k, Name: s})
		default:
			out = append(out, Attitude{Code: k, Name: e.str("name"), Definition: e.str("definition")})
		}
	}
	return out
}

// notes decodes the [notes] table; the keys are note numbers, and the
// notes come out in number order.
func (d *decoder) notes(t tbl) []Note {
	var out []Note
	for _, k := range t.mapKeys() {
		path := diag.JoinKey(t.path, k)
		n, err := strconv.Atoi(k)
		if err != nil || n < 1 || n > 999999 || k != strconv.Itoa(n) {
			d.errorAt(path, fmt.Sprintf("note key %q is not a note number", k),
				"number notes 1, 2, 3 … as they are referenced with 【註N】: "+t.node.example)
			continue
		}
		s, e, ok := d.textOr(t.m[k], path, t.node.elem)
		switch {
		case !ok:
		case e.m == nil:
			out = append(out, Note{N: n, Text: s})
		default:
			out = append(out, Note{N: n, Term: e.str("term"), Text: e.str("text")})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].N < out[j].N })
	return out
}
