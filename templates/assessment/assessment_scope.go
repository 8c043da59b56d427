package assessment

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/ocs-project/ocs/internal/lazyre"
	"github.com/ocs-project/ocs/standard"
)

// packScope is what an assessment covers: the tasks chosen, with their
// indicators and outputs, and the K, S and A items those tasks use.
type packScope struct {
	all       bool          // the whole standard
	duties    []scopedDuty  // duties with at least one task in scope
	tasks     []*scopedTask // in standard order
	knowledge []scopedItem  // in catalogue order
	skills    []scopedItem  // in catalogue order
	attitudes []scopedAttitude
}

// scopedDuty is a duty and whether all of its tasks are in scope.
type scopedDuty struct {
	code, title string
	whole       bool
	tasks       []*scopedTask
}

// scopedTask is a task in scope with its codes resolved, or tasks in
// scope that share one row block (standard.Task.Shares): assessed
// together, once, under a heading naming each of them.
type scopedTask struct {
	code, title string
	level       int
	src         *standard.Task   // the first task in scope; its blocks are the row
	more        []*standard.Task // the other tasks in scope sharing the row
	blocks      []scopedBlock
	methods     []string // method identifiers, in AssessmentMethods() order
}

// codes returns the codes of the task, or of the tasks sharing its row.
func (t *scopedTask) codes() []string {
	out := []string{t.code}
	for _, m := range t.more {
		out = append(out, m.Code)
	}
	return out
}

// countTasks returns how many tasks ts hold, counting each task sharing
// a row.
func countTasks(ts []*scopedTask) int {
	n := 0
	for _, t := range ts {
		n += 1 + len(t.more)
	}
	return n
}

// tasks returns the task, or the tasks sharing its row.
func (t *scopedTask) tasks() []*standard.Task {
	return append([]*standard.Task{t.src}, t.more...)
}

// scopedBlock is one row block of a task: its level and coded entries.
type scopedBlock struct {
	level      int
	outputs    []codedText
	indicators []codedText
}

// codedText is an output or indicator with its code.
type codedText struct{ code, text string }

// scopedItem is a K or S item used by tasks in scope.
type scopedItem struct {
	code, text string
	tasks      []string // codes of the tasks in scope that use it
}

// scopedAttitude is an attitude and the tasks in scope marked for it (none
// when the standard has no task × attitude matrix).
type scopedAttitude struct {
	standard.Attitude
	tasks []string
}

// indicators returns every indicator of the task, across its blocks.
func (t *scopedTask) indicators() []codedText {
	var out []codedText
	for _, b := range t.blocks {
		out = append(out, b.indicators...)
	}
	return out
}

// levels returns the distinct levels of the task's blocks, in order.
func (t *scopedTask) levels() []int {
	var out []int
	for _, b := range t.blocks {
		if b.level != 0 && !slices.Contains(out, b.level) {
			out = append(out, b.level)
		}
	}
	return out
}

// hasOutputs reports whether any block of the task lists outputs.
func (t *scopedTask) hasOutputs() bool {
	for _, b := range t.blocks {
		if len(b.outputs) > 0 {
			return true
		}
	}
	return false
}

// packResolveScope picks the tasks of s named by codes (duties such as "T1" or
// tasks such as "T3.2"; none means all) and assigns their methods. An
// unknown code, in codes or as a key of methods, is an error listing the
// codes that exist.
func packResolveScope(s *standard.Standard, codes []string, methods map[string][]string) (*packScope, error) {
	type entry struct {
		duty int
		task int // -1 for the duty itself
	}
	known := make(map[string]entry)
	var dutyCodes, taskCodes []string
	for i := range s.Duties {
		d := &s.Duties[i]
		dc := d.Code
		known[strings.ToUpper(dc)] = entry{i, -1}
		dutyCodes = append(dutyCodes, dc)
		for j := range d.Tasks {
			tc := d.Tasks[j].Code
			known[strings.ToUpper(tc)] = entry{i, j}
			taskCodes = append(taskCodes, tc)
		}
	}
	unknown := func(what, code string) error {
		return fmt.Errorf("%s %q is not a duty or task of %s; the duties are %s and the tasks %s",
			what, code, packFooterName(s), strings.Join(dutyCodes, ", "), strings.Join(taskCodes, ", "))
	}

	wanted := make(map[entry]bool)
	for _, c := range codes {
		e, ok := known[strings.ToUpper(strings.TrimSpace(c))]
		if !ok {
			return nil, unknown("scope code", c)
		}
		wanted[e] = true
	}
	chosen := make(map[string][]string) // upper-case code → method ids
	for c, ms := range methods {
		if _, ok := known[strings.ToUpper(strings.TrimSpace(c))]; !ok {
			return nil, unknown("methods for", c)
		}
		ids, err := parseAssessmentMethods(ms)
		if err != nil {
			return nil, fmt.Errorf("methods for %s: %w", c, err)
		}
		chosen[strings.ToUpper(strings.TrimSpace(c))] = ids
	}

	sc := &packScope{all: len(wanted) == 0}
	for i := range s.Duties {
		d := &s.Duties[i]
		dc := d.Code
		whole := sc.all || wanted[entry{i, -1}]
		sd := scopedDuty{code: dc, title: d.Title, whole: whole}
		n := 0 // tasks in scope
		for _, g := range d.RowGroups() {
			var t *scopedTask
			for _, j := range g {
				if !whole && !wanted[entry{i, j}] {
					continue
				}
				n++
				if t == nil {
					t = newScopedTask(&d.Tasks[j])
				} else {
					t.more = append(t.more, &d.Tasks[j])
				}
			}
			if t == nil {
				continue
			}
			t.methods = packChosenMethods(t, chosen, dc)
			sd.tasks = append(sd.tasks, t)
			sc.tasks = append(sc.tasks, t)
		}
		if len(sd.tasks) > 0 {
			sd.whole = n == len(d.Tasks)
			sc.duties = append(sc.duties, sd)
		}
	}
	sc.knowledge = scopedItems(sc.tasks, s.Knowledge, func(b standard.Block) []standard.Ref { return b.Knowledge })
	sc.skills = scopedItems(sc.tasks, s.Skills, func(b standard.Block) []standard.Ref { return b.Skills })
	sc.attitudes = scopedAttitudes(s, sc.tasks)
	return sc, nil
}

// parseAssessmentMethods turns method names into identifiers in print order.
func parseAssessmentMethods(names []string) ([]string, error) {
	if len(names) == 0 {
		return nil, fmt.Errorf("no methods given; name at least one of %s", strings.Join(AssessmentMethods(), ", "))
	}
	set := make(map[string]bool)
	for _, n := range names {
		m, err := ParseMethod(n)
		if err != nil {
			return nil, err
		}
		set[m] = true
	}
	var out []string
	for _, m := range AssessmentMethods() {
		if set[m] {
			out = append(out, m)
		}
	}
	return out, nil
}

// packChosenMethods returns the methods chosen for a task in scope: those
// given for one of its tasks (the first that has some), else for its duty,
// else the defaults.
func packChosenMethods(t *scopedTask, chosen map[string][]string, duty string) []string {
	for _, c := range t.codes() {
		if ms := chosen[strings.ToUpper(c)]; ms != nil {
			return ms
		}
	}
	if ms := chosen[strings.ToUpper(duty)]; ms != nil {
		return ms
	}
	return packDefaultMethods(t)
}

// packDefaultMethods are a task's methods when the options name none:
// observation and oral questioning, and product review for a task with
// outputs.
func packDefaultMethods(t *scopedTask) []string {
	ms := []string{MethodObservation, MethodOral}
	if t.hasOutputs() {
		ms = append(ms, MethodProduct)
	}
	return ms
}

// newScopedTask takes a task's blocks with the codes of their outputs and
// indicators; an output shared by several blocks (Block.SharesOutputs) is
// taken once, with the first of them.
func newScopedTask(t *standard.Task) *scopedTask {
	st := &scopedTask{code: t.Code, title: t.Title, level: t.Level, src: t}
	outOwners := t.OutputsOwners()
	for k, b := range t.Blocks {
		sb := scopedBlock{level: b.Level}
		if sb.level == 0 {
			sb.level = t.Level
		}
		for _, e := range b.Outputs {
			if outOwners[k] != k {
				break
			}
			sb.outputs = append(sb.outputs, codedText{e.Code, e.Text})
		}
		for _, e := range b.Indicators {
			sb.indicators = append(sb.indicators, codedText{e.Code, e.Text})
		}
		st.blocks = append(st.blocks, sb)
	}
	return st
}

// scopedItems collects the K or S references of the tasks in scope: one
// item per distinct code and text, in catalogue order (codes missing from
// the catalogue last, as first used), each with the tasks using it.
func scopedItems(tasks []*scopedTask, catalogue []standard.Item, refs func(standard.Block) []standard.Ref) []scopedItem {
	var items []scopedItem
	index := make(map[[2]string]int)
	for _, t := range tasks {
		for _, b := range t.src.Blocks {
			for _, r := range refs(b) {
				key := [2]string{r.Code, r.Text}
				k, ok := index[key]
				if !ok {
					k = len(items)
					index[key] = k
					items = append(items, scopedItem{code: r.Code, text: r.Text})
				}
				for _, c := range t.codes() {
					if !slices.Contains(items[k].tasks, c) {
						items[k].tasks = append(items[k].tasks, c)
					}
				}
			}
		}
	}
	order := make(map[string]int, len(catalogue))
	for i, it := range catalogue {
		if _, ok := order[it.Code]; !ok {
			order[it.Code] = i
		}
	}
	rank := func(code string) int {
		if i, ok := order[code]; ok {
			return i
		}
		return len(catalogue)
	}
	sort.SliceStable(items, func(a, b int) bool { return rank(items[a].code) < rank(items[b].code) })
	return items
}

// scopedAttitudes returns the attitudes to observe. With a task × attitude
// matrix they are the attitudes marked for tasks in scope; without one,
// every attitude of the catalogue applies to the whole occupation.
func scopedAttitudes(s *standard.Standard, tasks []*scopedTask) []scopedAttitude {
	matrix := false
	for _, d := range s.Duties {
		for _, t := range d.Tasks {
			matrix = matrix || len(t.Attitudes) > 0
		}
	}
	var out []scopedAttitude
	for _, a := range s.Attitudes {
		sa := scopedAttitude{Attitude: a}
		if matrix {
			for _, t := range tasks {
				for _, tk := range t.tasks() { // each task's own marks
					if slices.Contains(tk.Attitudes, a.Code) {
						sa.tasks = append(sa.tasks, tk.Code)
					}
				}
			}
			if len(sa.tasks) == 0 {
				continue
			}
		}
		out = append(out, sa)
	}
	return out
}

// noteReference finds 【註N】 references (the loader also accepts 【註 N】).
var noteReference = lazyre.New(`【註\s*(\d+)】`)

// packNotes returns the notes of s referenced in texts, by number.
func packNotes(s *standard.Standard, texts []string) []standard.Note {
	used := make(map[string]bool)
	for _, t := range texts {
		for _, m := range noteReference().FindAllStringSubmatch(t, -1) {
			used[strings.TrimLeft(m[1], "0")] = true
		}
	}
	var out []standard.Note
	for _, n := range s.Notes {
		if used[fmt.Sprint(n.N)] {
			out = append(out, n)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].N < out[b].N })
	return out
}

// packFooterName names the standard in the footer: its code, which
// carries the version, or its name when it has no code.
func packFooterName(s *standard.Standard) string {
	if s.Code != "" {
		return s.Code
	}
	return s.Name()
}
