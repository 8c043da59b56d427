package diff

import (
	"fmt"
	"io"
	"strings"
)

// Marks used by the plain text report around deleted and inserted
// characters, the same as the text redline's.
const (
	delOpen, delClose = "[-", "-]"
	insOpen, insClose = "[+", "+]"
)

// ANSI escapes for the coloured report on a terminal.
const (
	ansiDel   = "\x1b[31;9m" // red, struck through
	ansiIns   = "\x1b[32;4m" // green, underlined
	ansiRed   = "\x1b[31m"
	ansiGreen = "\x1b[32m"
	ansiCyan  = "\x1b[36m"
	ansiReset = "\x1b[0m"
)

// sign is the first column of a change's line.
var sign = map[Action]string{Added: "+", Removed: "-", Moved: ">", Changed: "~"}

// WriteText writes the result for a person: one line per change (+ added,
// - removed, > moved, ~ changed), reworded text with its deleted and
// inserted characters marked, then a count. With colour, marks are ANSI
// colours (for a terminal) instead of [-…-] and [+…+].
func (r *Result) WriteText(w io.Writer, colour bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "--- %s\n+++ %s\n", label(r.Old.Code, r.Old.Name(), r.Old.Source), label(r.New.Code, r.New.Name(), r.New.Source))
	for _, c := range r.Changes {
		b.WriteString(paint(sign[c.Action]+" ", c.Action, colour))
		b.WriteString(c.Item)
		if c.Field != "" && c.Field != "text" {
			b.WriteString(" " + c.Field)
		}
		switch {
		case c.OldCode != "" && c.NewCode != "" && c.OldCode != c.NewCode:
			b.WriteString(" " + c.OldCode + " → " + c.NewCode)
		case c.NewCode != "":
			b.WriteString(" " + c.NewCode)
		case c.OldCode != "":
			b.WriteString(" " + c.OldCode)
		}
		if c.Parent != "" {
			b.WriteString(" (" + c.Parent + ")")
		}
		b.WriteString(": ")
		switch c.Action {
		case Added:
			b.WriteString(paint(oneLine(c.New), Added, colour))
		case Removed:
			b.WriteString(paint(oneLine(c.Old), Removed, colour))
		case Moved:
			b.WriteString(oneLine(c.New))
		default:
			spans := c.Spans()
			for k := range spans {
				spans[k].Text = oneLine(spans[k].Text)
			}
			writeSpans(&b, spans, colour)
		}
		b.WriteByte('\n')
	}
	s := r.Summary()
	if r.Equal() {
		b.WriteString("no differences\n")
	} else {
		fmt.Fprintf(&b, "%d changes: %d added, %d removed, %d moved, %d changed\n",
			len(r.Changes), s.Added, s.Removed, s.Moved, s.Changed)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteAssessment writes the assessment items a revision touches, one line
// each, grouped by form in the order checklist, knowledge, skills,
// attitude.
func (r *Result) WriteAssessment(w io.Writer, colour bool) error {
	items := r.Assessment()
	var b strings.Builder
	for _, form := range []string{Checklist, KnowledgeQuiz, SkillsItems, AttitudeRows} {
		first := true
		for _, it := range items {
			if it.Form != form {
				continue
			}
			if first {
				b.WriteString(paint(form, Moved, colour) + ":\n")
				first = false
			}
			b.WriteString("  " + paint(sign[it.Action]+" "+string(it.Action), it.Action, colour) + " ")
			switch {
			case it.OldCode != "" && it.NewCode != "" && it.OldCode != it.NewCode:
				b.WriteString(it.OldCode + " → " + it.NewCode)
			case it.NewCode != "":
				b.WriteString(it.NewCode)
			default:
				b.WriteString(it.OldCode)
			}
			b.WriteString(": ")
			switch it.Action {
			case Added, Moved:
				b.WriteString(oneLine(it.New))
			case Removed:
				b.WriteString(oneLine(it.Old))
			default:
				writeSpans(&b, Text(oneLine(it.Old), oneLine(it.New)), colour)
			}
			b.WriteByte('\n')
		}
	}
	if len(items) == 0 {
		b.WriteString("no assessment item changed\n")
	} else {
		fmt.Fprintf(&b, "%d assessment items to replace\n", len(items))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func label(code, name, src string) string {
	s := strings.TrimSpace(code + " " + name)
	if src != "" {
		s += " (" + src + ")"
	}
	return s
}

// oneLine keeps a multi-line text on one report line.
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ⏎ ") }

// paint colours s for an action when colour is on.
func paint(s string, a Action, colour bool) string {
	if !colour {
		return s
	}
	switch a {
	case Added:
		return ansiGreen + s + ansiReset
	case Removed:
		return ansiRed + s + ansiReset
	case Moved:
		return ansiCyan + s + ansiReset
	}
	return s
}

// writeSpans writes a character diff with marks or colours.
func writeSpans(b *strings.Builder, spans []Span, colour bool) {
	for _, s := range spans {
		switch {
		case s.Op == Equal:
			b.WriteString(s.Text)
		case colour && s.Op == Delete:
			b.WriteString(ansiDel + s.Text + ansiReset)
		case colour:
			b.WriteString(ansiIns + s.Text + ansiReset)
		case s.Op == Delete:
			b.WriteString(delOpen + s.Text + delClose)
		default:
			b.WriteString(insOpen + s.Text + insClose)
		}
	}
}
