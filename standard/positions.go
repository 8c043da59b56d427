package standard

import "strings"

// scanLines maps the field path of every key, table header and array
// element of a TOML document to the 1-based line where it starts. The
// TOML library reports no positions for keys, so this small scanner walks
// the text once (linear time, no recursion). It expects a document the
// library has already accepted and simply stops at anything it does not
// understand.
func scanLines(src []byte) map[string]int {
	sc := &lineScanner{src: src, line: 1, lines: make(map[string]int), arrays: make(map[string]int)}
	if strings.HasPrefix(string(src[:min(3, len(src))]), "\uFEFF") {
		sc.i = 3
	}
	sc.document()
	return sc.lines
}

type lineScanner struct {
	src    []byte
	i      int
	line   int
	lines  map[string]int
	arrays map[string]int // how many [[x]] tables each array path has so far
}

// frame is an open array or inline table while scanning a value.
type frame struct {
	path  string
	array bool
	n     int // elements or keys so far
}

// Results of lineScanner.item.
const (
	itemValue = iota
	itemClosed
	itemBad
)

func (sc *lineScanner) peek() byte {
	if sc.i < len(sc.src) {
		return sc.src[sc.i]
	}
	return 0
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

func (sc *lineScanner) record(path string, line int) {
	if path == untracked {
		return
	}
	if _, ok := sc.lines[path]; !ok {
		sc.lines[path] = line
	}
}

// document scans table headers and key/value lines.
func (sc *lineScanner) document() {
	table := ""
	for {
		sc.skipBlank(true)
		if sc.i >= len(sc.src) {
			return
		}
		line := sc.line
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
			table = sc.resolve(keys, array)
			sc.record(table, line)
			continue
		}
		keys := sc.keys()
		if sc.peek() != '=' || len(keys) == 0 {
			return
		}
		sc.i++
		path := table
		for _, k := range keys {
			path = sub(path, func(p string) string { return joinKey(p, k) })
		}
		sc.record(path, line)
		sc.skipBlank(false)
		if !sc.value(path) {
			return
		}
	}
}

// resolve turns a table header's keys into a field path: a key that names
// an array of tables stands for its last element so far, and a [[header]]
// adds a new element.
func (sc *lineScanner) resolve(keys []string, array bool) string {
	path := ""
	if len(keys) > 64 {
		return untracked
	}
	for i, k := range keys {
		path = sub(path, func(p string) string { return joinKey(p, k) })
		if path == untracked {
			return untracked
		}
		if i == len(keys)-1 && array {
			n := sc.arrays[path]
			sc.arrays[path] = n + 1
			return index(path, n)
		}
		if n := sc.arrays[path]; n > 0 && i < len(keys)-1 {
			path = index(path, n-1)
		}
	}
	return path
}

// value scans one value starting at the current position, recording the
// lines of the elements and keys inside arrays and inline tables. It
// reports false when it met something it could not scan.
func (sc *lineScanner) value(path string) bool {
	var stack []frame
outer:
	for {
		switch c := sc.peek(); c {
		case '[', '{':
			sc.i++
			stack = append(stack, frame{path: path, array: c == '['})
			p, st := sc.item(&stack[len(stack)-1])
			switch st {
			case itemValue:
				path = p
				continue outer
			case itemBad:
				return false
			}
			stack = stack[:len(stack)-1]
		case '"', '\'':
			if _, ok := sc.str(); !ok {
				return false
			}
		default:
			if !sc.scalar() {
				return false
			}
		}
		// After a value: continue or close the open containers.
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			sc.skipBlank(true)
			switch c := sc.peek(); {
			case c == ',':
				sc.i++
				p, st := sc.item(top)
				switch st {
				case itemValue:
					path = p
					continue outer
				case itemBad:
					return false
				}
				stack = stack[:len(stack)-1]
			case c == ']' && top.array, c == '}' && !top.array:
				sc.i++
				stack = stack[:len(stack)-1]
			default:
				return false
			}
		}
		return true
	}
}

// item starts the next element of an open array or inline table: it
// records the element's line and returns its path, or reports that the
// container closed.
func (sc *lineScanner) item(f *frame) (string, int) {
	sc.skipBlank(true)
	closer := byte('}')
	if f.array {
		closer = ']'
	}
	if sc.peek() == closer {
		sc.i++
		return "", itemClosed
	}
	line := sc.line
	path := sub(f.path, func(p string) string { return index(p, f.n) })
	if !f.array {
		keys := sc.keys()
		if sc.peek() != '=' || len(keys) == 0 {
			return "", itemBad
		}
		sc.i++
		path = f.path
		for _, k := range keys {
			path = sub(path, func(p string) string { return joinKey(p, k) })
		}
		sc.skipBlank(true)
	}
	f.n++
	sc.record(path, line)
	return path, itemValue
}

// keys scans a dotted key and stops at the first byte after it.
func (sc *lineScanner) keys() []string {
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

// str scans a basic, literal or multi-line string and returns its value
// (escapes decoded for basic strings, which keys need).
func (sc *lineScanner) str() (string, bool) {
	q := sc.src[sc.i]
	if strings.HasPrefix(string(sc.src[sc.i:min(sc.i+3, len(sc.src))]), strings.Repeat(string(q), 3)) {
		return sc.multiline(q)
	}
	sc.i++
	start := sc.i
	for sc.i < len(sc.src) {
		switch c := sc.src[sc.i]; {
		case c == '\\' && q == '"':
			sc.i += 2
		case c == q:
			raw := string(sc.src[start:sc.i])
			sc.i++
			if q == '"' {
				raw = unescape(raw)
			}
			return raw, true
		case c == '\n':
			return "", false
		default:
			sc.i++
		}
	}
	return "", false
}

// multiline scans a """ or ”' string, counting its lines.
func (sc *lineScanner) multiline(q byte) (string, bool) {
	sc.i += 3
	start := sc.i
	for sc.i < len(sc.src) {
		switch c := sc.src[sc.i]; {
		case c == '\\' && q == '"':
			if sc.i+1 < len(sc.src) && sc.src[sc.i+1] == '\n' {
				sc.line++
			}
			sc.i += 2
		case c == '\n':
			sc.line++
			sc.i++
		case c == q && sc.i+2 < len(sc.src) && sc.src[sc.i+1] == q && sc.src[sc.i+2] == q:
			sc.i += 3
			// Up to two more quotes belong to the content.
			for k := 0; k < 2 && sc.peek() == q; k++ {
				sc.i++
			}
			return string(sc.src[start : sc.i-3]), true
		default:
			sc.i++
		}
	}
	return "", false
}

// scalar scans a number, boolean or date.
func (sc *lineScanner) scalar() bool {
	start := sc.i
	for sc.i < len(sc.src) && !strings.ContainsRune(",]}\r\n#", rune(sc.src[sc.i])) {
		sc.i++
	}
	return sc.i > start
}

// skipBlank skips spaces and comments, and newlines too when asked.
func (sc *lineScanner) skipBlank(newlines bool) {
	for sc.i < len(sc.src) {
		switch sc.src[sc.i] {
		case ' ', '\t', '\r':
			sc.i++
		case '\n':
			if !newlines {
				return
			}
			sc.line++
			sc.i++
		case '#':
			for sc.i < len(sc.src) && sc.src[sc.i] != '\n' {
				sc.i++
			}
		default:
			return
		}
	}
}

func (sc *lineScanner) skipSpaces() {
	for sc.i < len(sc.src) && (sc.src[sc.i] == ' ' || sc.src[sc.i] == '\t') {
		sc.i++
	}
}
