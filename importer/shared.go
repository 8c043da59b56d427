package importer

import (
	"fmt"
	"strings"
)

// sharers adds the tasks a 工作任務 cell names after its first, it: the
// form prints tasks that share one row block in one cell, each code and
// title on a line of its own. Each becomes a task sharing the first one's
// row (Task.Shares). When the first item has no code to share, the others
// are reported instead, as in any other title cell.
func (in *interp) sharers(duty *Duty, row *mainRow, it []coded) {
	if len(it) < 2 || it[0].Code == "" {
		in.extra(row, rTask, it, 1)
		return
	}
	first := it[0].Code
	for _, c := range it[1:] {
		duty.Tasks = append(duty.Tasks, Task{Code: c.Code, Title: c.Text, Shares: first})
	}
	msg := fmt.Sprintf("one 工作任務 cell names %s–%s: read as tasks sharing one row", first, it[len(it)-1].Code)
	in.add(Info, row.page, row.where+", "+roleNames[rTask], "", "%s", msg)
	t := &duty.Tasks[len(duty.Tasks)-len(it)]
	t.Comments = append(t.Comments, "import: "+msg)
}

// repeatedTasks reads a 工作任務 cell that a page break continued
// (「（續）」) for what the page before did not show: the tasks of a shared
// row's cell that did not fit there, and the rest of a title cut short.
// The cell names its tasks again by code; a task of the row (duty.Tasks
// from cur on) named with a longer title that starts as its own gets
// that title, a code the row lacks becomes another task sharing it.
func (in *interp) repeatedTasks(duty *Duty, cur int, row *mainRow) {
	owner := duty.Tasks[cur].Code
	for _, c := range splitCoded(row.repeat, 'T') {
		if c.Code == "" {
			continue
		}
		title := in.clean(c.Text, row.page, row.where+", "+roleNames[rTask])
		found := false
		for k := cur; k < len(duty.Tasks); k++ {
			t := &duty.Tasks[k]
			if t.Code != c.Code {
				continue
			}
			found = true
			if len(title) > len(t.Title) && strings.HasPrefix(title, t.Title) {
				msg := fmt.Sprintf("title cut by a page break and read whole from the next page: 「%s」", title)
				t.Title = title
				t.Comments = append(t.Comments, "import: "+msg)
				in.add(Info, row.page, c.Code, "", "%s", msg)
			}
			break
		}
		if found || owner == "" {
			continue
		}
		duty.Tasks = append(duty.Tasks, Task{Code: c.Code, Title: title, Shares: owner})
		msg := fmt.Sprintf("%s named in the 工作任務 cell continued on the next page: read as a task sharing %s's row", c.Code, owner)
		duty.Tasks[len(duty.Tasks)-1].Comments = []string{"import: " + msg}
		in.add(Info, row.page, c.Code, "", "%s", msg)
	}
}
