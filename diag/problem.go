// Package diag holds what every reader of ocs's input files shares: a
// Problem placed at file, line, column and field path, with a hint and a
// structured suggestion; the positions of the keys of a TOML text; likely
// typo suggestions; and Decode, the one bounded front door through which
// every TOML file ocs reads passes (size cap, nesting limit, syntax, type
// and unknown-key problems in linear time).
package diag

import (
	"fmt"
	"sort"
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

// Rule ids of the problems this package reports.
const (
	RuleTOML = "TOML" // syntax, types, unknown keys, structure, size
	RuleFile = "FILE" // the file cannot be read
)

// Problem is one diagnostic about an input file, placed as precisely as
// the reader could: file, line and column, and the field path.
type Problem struct {
	Rule     string   // rule id, e.g. "R07"; "TOML" for syntax, type and key errors; "FILE" for an unreadable file
	Severity Severity //
	File     string   // the input file
	Line     int      // 1-based; 0 = unknown
	Col      int      // 1-based; 0 = unknown
	Path     string   // field path, e.g. "duty[1].task[0].indicators[2]"
	Message  string   // what is wrong
	Hint     string   // how to fix it (without the suggestion)
	// Suggestion is the key or value the input most likely meant (for an
	// unknown key, the known key it is a typo of); "" when there is none.
	// String shows it as `did you mean "…"?` before the hint.
	Suggestion string
}

// Advice returns the hint as printed: the suggestion, if any, as a
// question, then the hint.
func (p Problem) Advice() string {
	if p.Suggestion == "" {
		return p.Hint
	}
	q := fmt.Sprintf("did you mean %q?", p.Suggestion)
	if p.Hint == "" {
		return q
	}
	return q + " " + p.Hint
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
	if a := p.Advice(); a != "" {
		b.WriteString(" — ")
		b.WriteString(a)
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

// Sort orders problems by file, line, path, rule, column and message, so
// that output is deterministic.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Message < b.Message
	})
}
