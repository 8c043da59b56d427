package standard

import (
	"fmt"
	"strings"
)

// Severity ranks a problem: an Error means the document cannot be rendered
// faithfully; a Warning breaks the official guideline; Info is style.
type Severity int

// Severities, most severe first.
const (
	Error Severity = iota
	Warning
	Info
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	default:
		return "info"
	}
}

// Problem is one diagnostic about an input file, placed as precisely as
// the loader could: file, line and column, and the field path.
type Problem struct {
	Rule     string   // rule id, e.g. "R07"; "TOML" for syntax, type and key errors; "FILE" for an unreadable file
	Severity Severity //
	File     string   // the input file
	Line     int      // 1-based; 0 = unknown
	Col      int      // 1-based; 0 = unknown
	Path     string   // field path, e.g. "duty[1].task[0].indicators[2]"
	Message  string   // what is wrong
	Hint     string   // how to fix it
}

// String formats the problem like a compiler diagnostic:
// "file:line:col: error R07: message (path) — hint".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	fmt.Fprintf(&b, ": %s %s: %s", p.Severity, p.Rule, p.Message)
	if p.Path != "" {
		fmt.Fprintf(&b, " (%s)", p.Path)
	}
	if p.Hint != "" {
		b.WriteString(" — ")
		b.WriteString(p.Hint)
	}
	return b.String()
}

// Problems is a list of diagnostics. As an error it reports its errors.
type Problems []Problem

// Errors returns only the problems of severity Error.
func (ps Problems) Errors() Problems {
	var out Problems
	for _, p := range ps {
		if p.Severity == Error {
			out = append(out, p)
		}
	}
	return out
}

// Count returns how many problems have the given severity.
func (ps Problems) Count(s Severity) int {
	n := 0
	for _, p := range ps {
		if p.Severity == s {
			n++
		}
	}
	return n
}

// Error implements error: one problem per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}
