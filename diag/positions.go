package diag

import (
	"strings"
	"unicode/utf8"
)

// Position is a place in a text: 1-based line and column, the column
// counted in characters as editors count them.
type Position struct{ Line, Col int }

// KeyPositions maps every key, table header and array element of a TOML
// document to the place where it is first written: a key where its first
// part starts, a header at its bracket, an element at its first character.
// Keys inside inline tables and arrays count too. The map is keyed by
// field path (see DutyPath): keys joined with dots, a key that is not a
// bare TOML key quoted, array elements, of [[tables]] as of [values], by
// 0-based index in brackets, for example
//
//	title                  title = "…"
//	salary                 [salary]
//	salary.min             min = 1 under [salary]
//	duty[1].task[0]        the first [[duty.task]] of the second [[duty]]
//	benefits[2]            the third value of benefits = […]
//	methods."T3.2"         "T3.2" = […] under [methods]
//
// The TOML library reports no positions for keys, hence this scanner. It
// reads the text once, in linear time without recursion, and expects a
// document the library accepts: at anything it does not understand it
// stops, keeping what it found so far.
func KeyPositions(src []byte) map[string]Position {
	sc := &scanner{src: src, line: 1, found: make(map[string]Position), arrays: make(map[string]int)}
	if strings.HasPrefix(string(src[:min(3, len(src))]), "\uFEFF") {
		sc.i, sc.lineStart, sc.counted = 3, 3, 3
	}
	sc.document()
	return sc.found
}

type scanner struct {
	src       []byte
	i         int
	line      int
	lineStart int // offset of the current line
	counted   int // offset up to which the current line's characters are counted
	cols      int // characters from lineStart to counted
	found     map[string]Position
	arrays    map[string]int // how many [[x]] tables each array path has so far
}

// frame is an open array or inline table while scanning a value.
type frame struct {
	path  string
	array bool
	n     int  // elements or keys so far
	sep   bool // an element ended: a comma or the closer comes next
}

// Results of scanner.item and scanner.next.
const (
	itemValue = iota
	itemClosed
	itemBad
)

func (sc *scanner) peek() byte {
	if sc.i < len(sc.src) {
		return sc.src[sc.i]
	}
	return 0
}

// newline moves past a line feed at the current position.
func (sc *scanner) newline() {
	sc.i++
	sc.line++
	sc.lineStart, sc.counted, sc.cols = sc.i, sc.i, 0
}

// pos returns the position of the current byte. It counts on from the
// previous call on the same line, so that a long line costs linear time.
func (sc *scanner) pos() Position {
	sc.cols += utf8.RuneCount(sc.src[sc.counted:sc.i])
	sc.counted = sc.i
	return Position{sc.line, sc.cols + 1}
}

// maxPath bounds the field paths the scanner records: deeper values
// (nesting no standard has) are scanned but not recorded, so that time
// and memory stay linear in the input.
const maxPath = 256

// untracked stands for a path too long to record.
const untracked = "\x00"

// sub extends path with a key or index; past maxPath it gives untracked.
func sub(path string, extend func(string) string) string {
	if path == untracked || len(path) > maxPath {
		return untracked
	}
	return extend(path)
}

// subKeys extends path with dotted keys, recording the tables that the
// keys before the last one define (a.b = 1 defines table a) at at.
func (sc *scanner) subKeys(path string, keys []string, at Position) string {
	for i, k := range keys {
		path = sub(path, func(p string) string { return JoinKey(p, k) })
		if i < len(keys)-1 {
			sc.record(path, at)
		}
	}
	return path
}

func (sc *scanner) record(path string, p Position) {
	if path == untracked {
		return
	}
	if _, ok := sc.found[path]; !ok {
		sc.found[path] = p
	}
}

// document scans table headers and key/value lines.
func (sc *scanner) document() {
	table := ""
	for {
		sc.skipBlank(true)
		if sc.i >= len(sc.src) {
			return
		}
		at := sc.pos()
		if sc.peek() == '[' {
			array := sc.i+1 < len(sc.src) && sc.src[sc.i+1] == '['
			sc.i++
			if array {
				sc.i++
			}
			keys := sc.keys()
			if sc.peek() != ']' || len(keys) == 0 {
				return
			}
			sc.i++
			if array {
				sc.i++
			}
			table = sc.resolve(keys, array, at)
			sc.record(table, at)
			continue
		}
		keys := sc.keys()
		if sc.peek() != '=' || len(keys) == 0 {
			return
		}
		sc.i++
		path := sc.subKeys(table, keys, at)
		sc.record(path, at)
		sc.skipBlank(false)
		if !sc.value(path) {
			return
		}
	}
}

// resolve turns a table header's keys into a field path: a key that names
// an array of tables stands for its last element so far, and a [[header]]
// adds a new element.
//
// The tables named by the keys before the last one are recorded at at,
// unless they were written before ([a.b] defines table a).
func (sc *scanner) resolve(keys []string, array bool, at Position) string {
	path := ""
	if len(keys) > 64 {
		return untracked
	}
	for i, k := range keys {
		path = sub(path, func(p string) string { return JoinKey(p, k) })
		if path == untracked {
			return untracked
		}
		if i == len(keys)-1 && array {
			n := sc.arrays[path]
			sc.arrays[path] = n + 1
			return Index(path, n)
		}
		if n := sc.arrays[path]; n > 0 && i < len(keys)-1 {
			path = Index(path, n-1)
		}
		if i < len(keys)-1 {
			sc.record(path, at)
		}
	}
	return path
}

// value scans one value starting at the current position, recording the
// positions of the elements and keys inside arrays and inline tables. It
// reports false when it met something it could not scan.
func (sc *scanner) value(path string) bool {
	var stack []frame
	for {
		switch c := sc.peek(); c {
		case '[', '{':
			sc.i++
			stack = append(stack, frame{path: path, array: c == '['})
		case '"', '\'':
			if _, ok := sc.str(); !ok {
				return false
			}
		default:
			if !sc.scalar() {
				return false
			}
		}
		p, st := sc.next(&stack)
		switch st {
		case itemBad:
			return false
		case itemClosed:
			return true
		}
		path = p
	}
}

// next moves on to the next element of the innermost open array or inline
// table, past commas and the closers of finished containers, and returns
// the element's path; itemClosed when every container is closed.
func (sc *scanner) next(stack *[]frame) (string, int) {
	for len(*stack) > 0 {
		top := &(*stack)[len(*stack)-1]
		sc.skipBlank(true)
		closer := byte('}')
		if top.array {
			closer = ']'
		}
		switch c := sc.peek(); {
		case c == closer:
			sc.i++
			*stack = (*stack)[:len(*stack)-1]
		case top.sep && c == ',':
			sc.i++
			top.sep = false
		case top.sep:
			return "", itemBad
		default:
			top.sep = true
			return sc.item(top)
		}
	}
	return "", itemClosed
}

// item records the element of an open array or inline table that starts
// at the current position and returns its path (for a table, the path of
// its key, past the '=').
func (sc *scanner) item(f *frame) (string, int) {
	at := sc.pos()
	path := sub(f.path, func(p string) string { return Index(p, f.n) })
	if !f.array {
		keys := sc.keys()
		if sc.peek() != '=' || len(keys) == 0 {
			return "", itemBad
		}
		sc.i++
		path = sc.subKeys(f.path, keys, at)
		sc.skipBlank(true)
	}
	f.n++
	sc.record(path, at)
	return path, itemValue
}

// keys scans a dotted key and stops at the first byte after it.
func (sc *scanner) keys() []string {
	var keys []string
	for {
		sc.skipSpaces()
		switch sc.peek() {
		case '"', '\'':
			k, ok := sc.str()
			if !ok {
				return nil
			}
			keys = append(keys, k)
		default:
			start := sc.i
			for sc.i < len(sc.src) && !strings.ContainsRune(" \t\r\n.=]#,{}[\"'", rune(sc.src[sc.i])) {
				sc.i++
			}
			if sc.i == start {
				return keys
			}
			keys = append(keys, string(sc.src[start:sc.i]))
		}
		sc.skipSpaces()
		if sc.peek() != '.' {
			return keys
		}
		sc.i++
	}
}

// skipBlank skips spaces and comments, and newlines too when asked.
func (sc *scanner) skipBlank(newlines bool) {
	for sc.i < len(sc.src) {
		switch sc.src[sc.i] {
		case ' ', '\t', '\r':
			sc.i++
		case '\n':
			if !newlines {
				return
			}
			sc.newline()
		case '#':
			for sc.i < len(sc.src) && sc.src[sc.i] != '\n' {
				sc.i++
			}
		default:
			return
		}
	}
}

func (sc *scanner) skipSpaces() {
	for sc.i < len(sc.src) && (sc.src[sc.i] == ' ' || sc.src[sc.i] == '\t') {
		sc.i++
	}
}

// LinesOf maps the field paths of a TOML document to the lines where
// KeyPositions finds them.
func LinesOf(src []byte) Lines {
	found := KeyPositions(src)
	lines := make(Lines, len(found))
	for path, p := range found {
		lines[path] = p.Line
	}
	return lines
}
