package standard

import (
	"strconv"
	"strings"
)

// joinKey appends a key to a field path.
func joinKey(path, key string) string {
	if !isBareKey(key) {
		key = strconv.Quote(key)
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// index appends an array index to a field path.
func index(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// isBareKey reports whether key can be written in TOML without quotes.
func isBareKey(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// parentPath drops the last element (key or index) of a field path; it
// returns "" for a top-level key.
func parentPath(path string) string {
	if strings.HasSuffix(path, "]") {
		if i := strings.LastIndexByte(path, '['); i >= 0 {
			return path[:i]
		}
	}
	// Skip a quoted last key, which may contain dots.
	end := len(path)
	if strings.HasSuffix(path, `"`) {
		if i := strings.LastIndex(path[:len(path)-1], `."`); i >= 0 {
			return path[:i]
		}
		return ""
	}
	if i := strings.LastIndexByte(path[:end], '.'); i >= 0 {
		return path[:i]
	}
	return ""
}

// lineOf returns the source line of path, or of its nearest ancestor the
// loader recorded; 0 when none is known.
func (s *Standard) lineOf(path string) int {
	for p := path; p != ""; p = parentPath(p) {
		if n, ok := s.Lines[p]; ok {
			return n
		}
	}
	return 0
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
func DutyPath(d int) string { return index("duty", d) }

// TaskPath returns the field path of task t of duty d.
func TaskPath(d, t int) string { return index(DutyPath(d)+".task", t) }

// BlockPath returns the field path of block b of task t of duty d: the
// task's own path when the file wrote that task's only block directly on
// the task (Task.Shorthand).
func (s *Standard) BlockPath(d, t, b int) string {
	if s.Duties[d].Tasks[t].Shorthand {
		return TaskPath(d, t)
	}
	return index(TaskPath(d, t)+".block", b)
}
