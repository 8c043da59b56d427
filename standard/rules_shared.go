package standard

import (
	"fmt"
	"strings"

	"github.com/ocs-project/ocs/diag"
)

// shared checks R15, the rows a standard shares (see shared.go): a task's
// shares names an earlier task of its duty and stands next to it (or to
// the tasks already sharing it), and the sharing task writes no row and
// no other level of its own; a block's shares_outputs has a block above
// it and the block writes no outputs of its own. What cannot be printed as
// one row is an error, a roundabout way of saying it a warning.
func (v *validator) shared() {
	var where map[string][2]int // task code → duty and task, built when needed
	for i := range v.s.Duties {
		d := &v.s.Duties[i]
		targets, owners := d.shareTargets(), d.RowOwners()
		for j := range d.Tasks {
			switch {
			case d.Tasks[j].Shares == "":
			case targets[j] < 0:
				if where == nil {
					where = v.taskIndex()
				}
				v.shareUnknown(d, i, j, where)
			default:
				v.sharedTask(d, i, j, targets[j], owners)
			}
			if owners[j] == j {
				v.sharedOutputs(d, i, j)
			}
		}
	}
}

// taskIndex maps each task code to its first duty and task.
func (v *validator) taskIndex() map[string][2]int {
	m := make(map[string][2]int)
	for i, d := range v.s.Duties {
		for j, t := range d.Tasks {
			if _, ok := m[t.Code]; !ok {
				m[t.Code] = [2]int{i, j}
			}
		}
	}
	return m
}

// sharedTask checks the shares of task j of duty i, which names the
// earlier task target; owners are d.RowOwners().
func (v *validator) sharedTask(d *Duty, i, j, target int, owners []int) {
	t := &d.Tasks[j]
	path := TaskPath(i, j)
	at := path + ".shares"
	root := owners[target]
	rt := &d.Tasks[root]
	if root != target {
		v.add("R15", Warning, at, fmt.Sprintf(`name the task that holds the row: shares = "%s"`, rt.Code),
			"task %s shares the row of %s, which itself shares the row of %s", t.Code, t.Shares, rt.Code)
	}
	if owners[j] == j {
		keys := v.ownRowKeys(path, t)
		v.add("R15", Error, keys[0].path, fmt.Sprintf("a task that shares a row prints none of its own: remove %s, or remove shares and keep the task's own row", keys[0].key),
			"task %s shares the row of %s but also writes %s", t.Code, rt.Code, keys[0].key)
		return
	}
	// Next to the row: the task before it is the row's or shares it.
	if prev := j - 1; prev != root && owners[prev] != root {
		v.add("R15", Error, at, fmt.Sprintf("put the tasks that share a row one after the other, right after %s", rt.Code),
			"task %s shares the row of %s, but task %s between them does not", t.Code, rt.Code, d.Tasks[prev].Code)
	}
	if t.Level != rt.Level && v.s.isSet(path+".level") {
		v.add("R15", Error, path+".level", "a shared row has one 職能級別, the one of the task that holds it: remove level from this task",
			"task %s has level %d but shares the row of %s, of level %d", t.Code, t.Level, rt.Code, rt.Level)
	}
}

// shareUnknown reports a shares that names no earlier task of the duty,
// saying what it does name; where maps task codes to duty and task.
func (v *validator) shareUnknown(d *Duty, i, j int, where map[string][2]int) {
	t := &d.Tasks[j]
	at := TaskPath(i, j) + ".shares"
	if w, ok := where[t.Shares]; ok {
		od := &v.s.Duties[w[0]]
		switch {
		case w[0] != i:
			v.add("R15", Error, at, fmt.Sprintf("tasks share a row only within their duty: move the task under %s, or remove shares", od.Code),
				"task %s shares the row of %s, a task of another duty (%s)", t.Code, t.Shares, od.Code)
		case w[1] == j:
			v.add("R15", Error, at, "name the earlier task whose row this task shares, or remove shares",
				"task %s shares its own row", t.Code)
		default:
			v.add("R15", Error, at, fmt.Sprintf(`write shares on the tasks after the first one of the row, naming it: shares = "%s" on %s`, t.Code, t.Shares),
				"task %s shares the row of %s, which comes after it", t.Code, t.Shares)
		}
		return
	}
	hint := "name an earlier task of the same duty, or remove shares"
	if j > 0 {
		hint = fmt.Sprintf(`name an earlier task of duty %s, e.g. shares = "%s"`, d.Code, d.Tasks[0].Code)
	}
	v.add("R15", Error, at, hint, "task %s shares the row of %s, which the standard does not have", t.Code, t.Shares)
}

// rowKey is a key a sharing task writes of its own, and its path.
type rowKey struct{ key, path string }

// ownRowKeys returns the row keys a sharing task writes, first written
// first; for a task built in code (no lines), the fields it fills.
func (v *validator) ownRowKeys(path string, t *Task) []rowKey {
	var out []rowKey
	line := func(k rowKey) int { return v.s.lineOf(k.path) }
	for _, k := range rowKeys {
		if p := diag.JoinKey(path, k); v.s.isSet(p) {
			out = append(out, rowKey{k, p})
		}
	}
	if p := diag.Index(diag.JoinKey(path, "block"), 0); v.s.isSet(p) {
		out = append(out, rowKey{"[[duty.task.block]]", p})
	}
	for a := 1; a < len(out); a++ { // few keys: insertion sort by line
		for b := a; b > 0 && line(out[b]) < line(out[b-1]); b-- {
			out[b], out[b-1] = out[b-1], out[b]
		}
	}
	if len(out) > 0 {
		return out
	}
	var filled []string
	for _, k := range rowKeys {
		for _, b := range t.Blocks {
			if n := map[string]int{"outputs": len(b.Outputs), "indicators": len(b.Indicators), "knowledge": len(b.Knowledge), "skills": len(b.Skills)}[k]; n > 0 {
				filled = append(filled, k)
				break
			}
		}
	}
	if len(filled) == 0 {
		filled = []string{"blocks"}
	}
	return []rowKey{{strings.Join(filled, ", "), path}}
}

// sharedOutputs checks the shares_outputs of the blocks of task j of duty i.
func (v *validator) sharedOutputs(d *Duty, i, j int) {
	t := &d.Tasks[j]
	for b := range t.Blocks {
		if !t.Blocks[b].SharesOutputs {
			continue
		}
		bp := v.s.BlockPath(i, j, b)
		switch {
		case b == 0:
			v.add("R15", Error, bp+".shares_outputs", "remove shares_outputs, or write the block's outputs: outputs = [\"…\"]",
				"the first block of task %s has no block above to share outputs with", t.Code)
		case !t.outputsShared(b):
			v.add("R15", Error, bp+".outputs", "a block that shares the outputs above writes none: remove outputs, or remove shares_outputs",
				"block %d of task %s shares the outputs above but also writes outputs", b+1, t.Code)
		}
	}
}
