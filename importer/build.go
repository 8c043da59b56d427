package importer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ocs-project/ocs/importer/grid"
)

// cellRefs is a K or S cell read once: its references in order.
type cellRefs struct{ refs []Entry }

// build turns the rows of the duty/task table into duties, tasks and
// blocks, and fills the K and S catalogues.
func (in *interp) build() {
	kCells := map[*grid.Cell]*cellRefs{}
	sCells := map[*grid.Cell]*cellRefs{}
	kCat := map[string]int{} // code → index in Knowledge
	sCat := map[string]int{}
	var duty *Duty
	cur := 0                     // index in duty.Tasks of the task the rows go to
	var above [nRoles]*grid.Cell // the cell of each column in the row before
	for i := range in.rows {
		row := &in.rows[i]
		row.finish()
		for r := range row.cont {
			marked := row.cont[r] || row.cells[r] != nil && !row.origin[r] && continuedRe().MatchString(row.cells[r].Text)
			if marked && above[r] != nil {
				// 「（續）」: the merged cell of the row above goes on.
				row.cells[r], row.origin[r] = above[r], false
			}
		}
		above = row.cells
		if row.page == 0 && in.pages > 0 {
			row.page = 1 // before the first repeated header
		}
		d := in.d.Duties
		switch {
		case row.origin[rDuty] && row.text[rDuty] != "":
			it := in.items(row, rDuty)
			in.d.Duties = append(d, Duty{})
			duty = &in.d.Duties[len(in.d.Duties)-1]
			if len(it) > 0 {
				duty.Code, duty.Title = it[0].Code, it[0].Text
			}
			in.extra(row, rDuty, it, 1)
		case duty == nil:
			in.add(Warning, row.page, row.where, "", "a task row before any 主要職責; it is filed under a duty without a title")
			in.d.Duties = append(d, Duty{})
			duty = &in.d.Duties[len(in.d.Duties)-1]
		}
		newTask := row.origin[rTask] && row.text[rTask] != ""
		prevOutput := above[rOutput]
		if newTask || len(duty.Tasks) == 0 || row.origin[rDuty] && row.text[rDuty] != "" {
			it := in.items(row, rTask)
			cur = len(duty.Tasks)
			duty.Tasks = append(duty.Tasks, Task{})
			t := &duty.Tasks[cur]
			if len(it) > 0 {
				t.Code, t.Title = it[0].Code, it[0].Text
			} else {
				in.add(Warning, row.page, row.where, "", "a row with no 工作任務 starts a duty; the task has no title")
			}
			in.sharers(duty, row, it)
			t = &duty.Tasks[cur] // sharers may have moved the tasks
			for _, j := range row.joins[rTask] {
				if len(it) > 0 {
					msg := "title " + rejoined(row.text[rTask], it[0], j)
					t.Comments = append(t.Comments, "import: "+msg)
					in.add(Info, j.page, orPos(t.Code, "a task"), "", "%s", msg)
				}
			}
		}
		if row.repeat != "" {
			in.repeatedTasks(duty, cur, row)
		}
		task := &duty.Tasks[cur]
		blk := Block{
			Outputs:    toEntries(in.items(row, rOutput)),
			Indicators: toEntries(in.items(row, rIndicator)),
			Level:      in.level(row),
		}
		// An output cell merged down from the task's block above: the two
		// blocks share their outputs.
		if c := row.cells[rOutput]; !newTask && len(task.Blocks) > 0 && c != nil && !row.origin[rOutput] && c == prevOutput &&
			len(blk.Outputs) == 0 && (len(task.Blocks[len(task.Blocks)-1].Outputs) > 0 || task.Blocks[len(task.Blocks)-1].SharesOutputs) {
			blk.SharesOutputs = true
		}
		blk.Knowledge = in.refs(row, rK, kCells, kCat, &in.d.Knowledge)
		blk.Skills = in.refs(row, rS, sCells, sCat, &in.d.Skills)
		in.placed = append(in.placed, placed{duty: len(in.d.Duties) - 1, task: cur,
			block: len(task.Blocks), k: row.cells[rK], s: row.cells[rS], afterBreak: row.afterBreak, newTask: newTask})
		if len(task.Blocks) == 0 {
			task.Level = blk.Level
			blk.Level = 0
		} else if blk.Level == task.Level {
			blk.Level = 0
		}
		in.noteJoins(task, row, rOutput)
		in.noteJoins(task, row, rIndicator)
		task.Blocks = append(task.Blocks, blk)
	}
	if !in.merged {
		in.spread()
	} else {
		in.acrossBreaks()
	}
	slices.SortStableFunc(in.d.Knowledge, func(a, b Item) int { return cmpCode(a.Code, b.Code) })
	slices.SortStableFunc(in.d.Skills, func(a, b Item) int { return cmpCode(a.Code, b.Code) })
}

func cmpCode(a, b string) int {
	switch {
	case codeLess(a, b):
		return -1
	case codeLess(b, a):
		return 1
	}
	return 0
}

// items splits a cell of the row into its coded items, each cleaned.
func (in *interp) items(row *mainRow, r role) []coded {
	if roleLetter[r] == 0 {
		return nil
	}
	it := splitCoded(row.text[r], roleLetter[r])
	for k := range it {
		it[k].Text = in.clean(it[k].Text, row.page, row.where+", "+roleNames[r])
	}
	return it
}

// extra reports items of a title cell beyond the first n.
func (in *interp) extra(row *mainRow, r role, it []coded, n int) {
	for _, c := range it[min(n, len(it)):] {
		in.add(Error, row.page, row.where+", "+roleNames[r], strings.TrimSpace(c.Code+" "+c.Text), "a second code in one %s cell, not imported", roleNames[r])
	}
}

func toEntries(it []coded) []Entry {
	out := make([]Entry, len(it))
	for k, c := range it {
		out[k] = Entry{Code: c.Code, Text: c.Text}
	}
	return out
}

func (in *interp) level(row *mainRow) int {
	c := row.cells[rLevel]
	if c == nil {
		return 0
	}
	t := squash(row.text[rLevel])
	if !row.origin[rLevel] {
		t = squash(c.Text)
	}
	if t == "" {
		return 0
	}
	n, err := strconv.Atoi(t)
	if err != nil {
		in.add(Error, row.page, row.where+", 職能級別", t, "職能級別 is not a number, not imported")
		return 0
	}
	return n
}

// refs reads the K or S cell covering a row. A cell merged over several
// rows is read once and gives the same references to each of them.
func (in *interp) refs(row *mainRow, r role, cells map[*grid.Cell]*cellRefs, cat map[string]int, items *[]Item) []Entry {
	c := row.cells[r]
	if c == nil {
		return nil
	}
	if !row.origin[r] {
		if cr, ok := cells[c]; ok {
			return slices.Clone(cr.refs)
		}
	}
	text := row.text[r]
	if !row.origin[r] {
		text = c.Text
	}
	if more := in.tails[c]; len(more) > 0 {
		text += strings.Join(more, "")
	}
	cr := &cellRefs{}
	for _, it := range splitCoded(text, roleLetter[r]) {
		t := in.clean(it.Text, row.page, row.where+", "+roleNames[r])
		if it.Code == "" {
			in.add(Error, row.page, row.where+", "+roleNames[r], t, "text before the first %c code, not imported", roleLetter[r])
			continue
		}
		ref := Entry{Code: it.Code}
		if k, ok := cat[it.Code]; ok {
			if squash((*items)[k].Text) != squash(t) {
				ref.Text = t
				in.add(Warning, row.page, row.where, t, "%s is printed here with another text than 「%s」; this task keeps its own text", it.Code, short((*items)[k].Text))
			}
		} else {
			cat[it.Code] = len(*items)
			*items = append(*items, Item{Code: it.Code, Text: t})
		}
		for _, j := range row.joinsIn(r, it.Start, it.End) {
			{
				k := cat[it.Code]
				msg := rejoined(text, it, j)
				(*items)[k].Comment = "import: " + msg
				in.add(Info, j.page, it.Code, "", "%s", msg)
			}
		}
		cr.refs = append(cr.refs, ref)
	}
	cells[c] = cr
	return slices.Clone(cr.refs)
}

// noteJoins writes a comment on the task for each output or indicator of
// the row that was cut by a page break and rejoined.
func (in *interp) noteJoins(task *Task, row *mainRow, r role) {
	if len(row.joins[r]) == 0 {
		return
	}
	for _, it := range splitCoded(row.text[r], roleLetter[r]) {
		for _, j := range row.joinsIn(r, it.Start, it.End) {
			name := orPos(it.Code, roleNames[r])
			msg := rejoined(row.text[r], it, j)
			task.Comments = append(task.Comments, "import: "+name+" "+msg)
			in.add(Info, j.page, name, "", "%s", msg)
		}
	}
}

// rejoined describes a join inside an item: the text before and after
// the page break, each cut short.
func rejoined(text string, it coded, j join) string {
	start := it.Start + len(it.Code)
	left, right := text[start:j.at], text[j.at:it.End]
	return fmt.Sprintf("cut by a page break and rejoined: 「%s」+「%s」", tail(left), head(right))
}

// tail returns the last 8 characters of s, after "…" when cut; it looks
// at no more of s than it needs.
func tail(s string) string {
	s = strings.TrimSpace(s)
	i, n := len(s), 0
	for i > 0 && n < 8 {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		n++
	}
	if i > 0 {
		return "…" + s[i:]
	}
	return s
}

// head returns the first 8 characters of s, before "…" when cut.
func head(s string) string {
	s = strings.TrimSpace(s)
	i, n := 0, 0
	for i < len(s) && n < 8 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
	}
	if i < len(s) {
		return s[:i] + "…"
	}
	return s
}

// spread reconstructs K and S cells merged over the tasks of a duty in an
// extraction that shows no merges: the merged cell's lines are spread over
// the rows it spans, leaving later rows empty. When the codes of a duty's
// rows, read in order, rise strictly and never repeat, they are one cell,
// and every block of the duty gets all of them. Codes that repeat mean one
// cell per task, kept as read.
func (in *interp) spread() {
	for di := range in.d.Duties {
		d := &in.d.Duties[di]
		var blocks []*Block
		for ti := range d.Tasks {
			for bi := range d.Tasks[ti].Blocks {
				blocks = append(blocks, &d.Tasks[ti].Blocks[bi])
			}
		}
		if len(blocks) < 2 {
			continue
		}
		for _, get := range []func(*Block) *[]Entry{
			func(b *Block) *[]Entry { return &b.Knowledge },
			func(b *Block) *[]Entry { return &b.Skills },
		} {
			var all []Entry
			same := true
			for _, b := range blocks {
				all = append(all, *get(b)...)
				if !slices.Equal(*get(b), *get(blocks[0])) {
					same = false
				}
			}
			if same || len(all) == 0 || !rising(all) {
				continue
			}
			for _, b := range blocks {
				*get(b) = slices.Clone(all)
			}
			first, last := d.Tasks[0].Code, d.Tasks[len(d.Tasks)-1].Code
			msg := fmt.Sprintf("import: %s read as one cell merged over %s–%s (the extraction spreads a merged cell's lines over the rows it spans); every task lists them",
				ranges(all), first, last)
			d.Comments = append(d.Comments, msg)
			in.add(Warning, 0, d.Code, "", "%s", strings.TrimPrefix(msg, "import: "))
		}
	}
}

// rising reports codes that strictly increase.
func rising(es []Entry) bool {
	for i := 1; i < len(es); i++ {
		if !codeLess(es[i-1].Code, es[i].Code) {
			return false
		}
	}
	return true
}

// ranges writes rising codes compactly: "S01–S06, S12".
func ranges(es []Entry) string {
	var parts []string
	for i := 0; i < len(es); {
		j := i
		for j+1 < len(es) && next(es[j].Code) == es[j+1].Code {
			j++
		}
		if j > i {
			parts = append(parts, es[i].Code+"–"+es[j].Code)
		} else {
			parts = append(parts, es[i].Code)
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}
