package standard

import (
	"bytes"
	"fmt"
)

// Limits on the shape of a file. The TOML library takes time that grows
// much faster than the input with the depth of nested values and the
// number of parts of a dotted key (a 64 KB file of nested inline tables
// takes it most of a minute), so files beyond these limits are rejected
// before parsing. The format needs at most 8 levels even written
// entirely inline (duty = [{task = [{block = [{indicators = [{…}]}]}]}])
// and 3 key parts ([[duty.task.block]]).
const (
	maxDepth    = 8 // nested arrays and inline tables
	maxKeyParts = 8 // dots in a key or table header, plus one
)

// shapeCheck scans the raw text once, skipping strings and comments, and
// reports the first place that nests too deep or has too long a key.
func shapeCheck(file string, data []byte) (Problem, bool) {
	depth, dots, line, col := 0, 0, 1, 0
	for i := 0; i < len(data); i++ {
		c := data[i]
		col++
		switch c {
		case '\n':
			line, col, dots = line+1, 0, 0
		case '#':
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			end := stringEnd(data, i)
			line += bytes.Count(data[i:end], []byte("\n"))
			i = end - 1
		case '[', '{':
			depth, dots = depth+1, 0
			if depth > maxDepth {
				return shapeProblem(file, line, col, fmt.Sprintf("values are nested more than %d levels deep", maxDepth)), true
			}
		case ']', '}':
			depth, dots = max(depth-1, 0), 0
		case '=', ',':
			dots = 0
		case '.':
			dots++
			if dots >= maxKeyParts {
				return shapeProblem(file, line, col, fmt.Sprintf("a key has more than %d dotted parts", maxKeyParts)), true
			}
		}
	}
	return Problem{}, false
}

func shapeProblem(file string, line, col int, msg string) Problem {
	return Problem{Rule: ruleTOML, Severity: Error, File: file, Line: line, Col: col, Message: msg,
		Hint: "a standard needs only a few levels: check for unbalanced brackets [ ] { } or a run of dots"}
}

// stringEnd returns the offset just past the string starting at data[i]
// (basic, literal or multi-line); an unclosed string ends at the end of
// its line, or of the data for a multi-line one.
func stringEnd(data []byte, i int) int {
	q := data[i]
	if bytes.HasPrefix(data[i:], []byte{q, q, q}) {
		for j := i + 3; j < len(data); j++ {
			if data[j] == '\\' && q == '"' {
				j++
				continue
			}
			if bytes.HasPrefix(data[j:], []byte{q, q, q}) {
				return j + 3
			}
		}
		return len(data)
	}
	for j := i + 1; j < len(data); j++ {
		switch {
		case data[j] == '\\' && q == '"':
			j++
		case data[j] == q:
			return j + 1
		case data[j] == '\n':
			return j
		}
	}
	return len(data)
}
