package importer

import (
	"fmt"
	"strings"
)

// Severity of a finding.
type Severity string

// Severities of findings, from least to most serious.
const (
	Info    Severity = "info"    // a normalisation, shown so nothing changes silently
	Warning Severity = "warning" // a judgement worth a look
	Error   Severity = "error"   // text that could not be placed
)

// Finding is one entry of the import report: a judgement the interpreter
// made or text it could not place, with where it stands in the input.
type Finding struct {
	Severity Severity `json:"severity"`
	Page     int      `json:"page,omitempty"`  // 1-based; 0 when the format has no pages
	Where    string   `json:"where,omitempty"` // e.g. "table 2, row 5, 行為指標" or "P1.1.9"
	Message  string   `json:"message"`
	Text     string   `json:"text,omitempty"` // the text concerned, as read
}

// String formats a finding for people: "warning: P1.1.9 (page 2): message: 「text」".
func (f Finding) String() string {
	var b strings.Builder
	b.WriteString(string(f.Severity))
	b.WriteString(": ")
	if f.Where != "" {
		b.WriteString(f.Where)
		if f.Page > 0 {
			fmt.Fprintf(&b, " (page %d)", f.Page)
		}
		b.WriteString(": ")
	} else if f.Page > 0 {
		fmt.Fprintf(&b, "page %d: ", f.Page)
	}
	b.WriteString(f.Message)
	if f.Text != "" {
		b.WriteString(": 「")
		b.WriteString(short(f.Text))
		b.WriteString("」")
	}
	return b.String()
}

// short cuts a text to at most 60 characters for a message.
func short(s string) string {
	s = strings.ReplaceAll(s, "\n", "⏎")
	r := []rune(s)
	if len(r) <= 60 {
		return s
	}
	return string(r[:28]) + "…" + string(r[len(r)-28:])
}
