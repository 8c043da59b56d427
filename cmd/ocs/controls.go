package main

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/ocs-project/ocs/standard"
)

// badControl reports characters no text of a document may hold: C0
// controls but tab, line feed and carriage return, DEL, C1 controls, and
// the bidirectional embeddings, overrides and isolates, which reorder what
// a reader sees (and can recolour or retitle a terminal, or make a DOCX
// unreadable).
func badControl(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// controlProblems finds the control characters of a TOML file, written
// raw or as escapes (\u001b, \U0000202E, \b, \f) inside basic strings, and
// reports each at its line and column (rule CTRL). Comments are searched
// for raw characters too; literal strings hold no escapes. One pass, no
// recursion: linear in the size of the file.
func controlProblems(file string, data []byte) standard.Problems {
	var ps standard.Problems
	line, lineStart := 1, 0
	report := func(at int, r rune, how string) {
		col := utf8.RuneCount(data[lineStart:at]) + 1
		ps = append(ps, standard.Problem{
			Rule: "CTRL", Severity: standard.Error, File: file, Line: line, Col: col,
			Message: fmt.Sprintf("the text holds the control character U+%04X%s, which no document can show", r, how),
			Hint:    "delete it (a tab or a line break is written \\t or \\n)",
		})
	}
	const (
		plain = iota
		comment
		basic     // "…"
		mlBasic   // """…"""
		literal   // '…'
		mlLiteral // '''…'''
	)
	state := plain
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == '\n' {
			line, lineStart = line+1, i+1
			if state == comment || state == basic || state == literal {
				state = plain // a single-line string cannot go on (the parser says so)
			}
			i++
			continue
		}
		if badControl(r) && !(r == utf8.RuneError && size == 1) {
			report(i, r, "")
		}
		switch state {
		case plain:
			switch {
			case r == '#':
				state = comment
			case hasAt(data, i, `"""`):
				state, size = mlBasic, 3
			case r == '"':
				state = basic
			case hasAt(data, i, `'''`):
				state, size = mlLiteral, 3
			case r == '\'':
				state = literal
			}
		case basic, mlBasic:
			switch {
			case r == '\\' && i+1 < len(data):
				esc, n := escapedRune(data[i+1:])
				if esc >= 0 && badControl(esc) {
					report(i, esc, " (written as an escape)")
				}
				size = 1 + n
			case state == basic && r == '"':
				state = plain
			case state == mlBasic && hasAt(data, i, `"""`):
				// Up to two more quotes belong to the string: """"" ends it too.
				size = 3
				for size < 5 && i+size < len(data) && data[i+size] == '"' {
					size++
				}
				state = plain
			}
		case literal:
			if r == '\'' {
				state = plain
			}
		case mlLiteral:
			if hasAt(data, i, `'''`) {
				size = 3
				for size < 5 && i+size < len(data) && data[i+size] == '\'' {
					size++
				}
				state = plain
			}
		}
		i += size
	}
	return ps
}

// hasAt reports whether data holds s at i.
func hasAt(data []byte, i int, s string) bool {
	return len(data)-i >= len(s) && string(data[i:i+len(s)]) == s
}

// escapedRune decodes the escape after a backslash: the rune it stands
// for (-1 when it stands for none or is malformed) and its length.
func escapedRune(b []byte) (rune, int) {
	switch b[0] {
	case 'b':
		return '\b', 1
	case 'f':
		return '\f', 1
	case 'e':
		return 0x1b, 1 // TOML 1.1
	case 'u', 'U':
		n := 4
		if b[0] == 'U' {
			n = 8
		}
		if len(b) < 1+n {
			return -1, 1
		}
		v, err := strconv.ParseUint(string(b[1:1+n]), 16, 32)
		if err != nil {
			return -1, 1
		}
		return rune(v), 1 + n
	case 'x':
		if len(b) >= 3 {
			if v, err := strconv.ParseUint(string(b[1:3]), 16, 8); err == nil {
				return rune(v), 3
			}
		}
		return -1, 1
	}
	return -1, 1 // \n, \t, \", \\ and the rest
}
