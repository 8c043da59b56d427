package standard

import "github.com/ocs-project/ocs/diag"

// lineOf returns the source line of path, or of its nearest ancestor the
// loader recorded; 0 when none is known.
func (s *Standard) lineOf(path string) int {
	return s.Lines.Line(path)
}

// DutyPath returns the field path of duty d.
//
// Field paths name a place in a standard the way its TOML file spells it:
// keys joined with dots, array elements by 0-based index in brackets, for
// example
//
//	code
//	category.industry[0].code
//	duty[1].task[0].title
//	duty[1].task[0].indicators[2]        (a task that writes its one block directly)
//	duty[1].task[2].block[1].skills[0]   (a task with [[duty.task.block]] tables)
//	knowledge.K05
//	attitudes.A01.definition
//	notes.3.text
//	remarks.prerequisites[0]
//	history[0].status
//
// A key that is not a bare TOML key is quoted: knowledge."K 5". Problems,
// Standard.Lines and Walk all use this style.
func DutyPath(d int) string { return diag.Index("duty", d) }

// TaskPath returns the field path of task t of duty d.
func TaskPath(d, t int) string { return diag.Index(DutyPath(d)+".task", t) }

// BlockPath returns the field path of block b of task t of duty d: the
// task's own path when the file wrote that task's only block directly on
// the task (Task.Shorthand).
func (s *Standard) BlockPath(d, t, b int) string {
	if s.Duties[d].Tasks[t].Shorthand {
		return TaskPath(d, t)
	}
	return diag.Index(TaskPath(d, t)+".block", b)
}
