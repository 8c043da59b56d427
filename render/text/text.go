// Package text writes a render.Document as plain UTF-8 text laid out for
// pasting into forms such as job-board postings: headings underlined or
// in brackets, lists with their bullets, label–value pairs as
// 「label：value」 lines and tables as one labelled group of lines per row.
//
// Lines are not wrapped (the form the text is pasted into wraps it);
// styling (bold, superscript) is dropped, check boxes become ☐ and ☑. The
// running footer is page furniture and is left out, as is structured data.
package text

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"github.com/ocs-project/ocs/render"
)

// Render writes the document as plain text ending in a newline.
func Render(doc *render.Document) ([]byte, error) {
	if doc == nil {
		return nil, errors.New("text: no document")
	}
	if err := render.Check(doc); err != nil {
		return nil, fmt.Errorf("text: %w", err)
	}
	w := &writer{cjk: isCJK(doc.Meta.Lang)}
	w.sep = ": "
	if w.cjk {
		w.sep = "："
	}
	if doc.Watermark != "" {
		w.lines = append(w.lines, "【"+doc.Watermark+"】", "")
	}
	for i, b := range doc.Blocks {
		if err := w.block(b, fmt.Sprintf("blocks[%d]", i)); err != nil {
			return nil, err
		}
	}
	return []byte(w.String()), nil
}

// isCJK reports whether a language tag is Chinese, Japanese or Korean,
// where ambiguous-width characters take two columns.
func isCJK(lang string) bool {
	lang = strings.ToLower(lang)
	return lang == "" || strings.HasPrefix(lang, "zh") || strings.HasPrefix(lang, "ja") || strings.HasPrefix(lang, "ko")
}

// writer collects lines; a "" line is a blank line between blocks.
type writer struct {
	lines []string
	cjk   bool
	sep   string // between a label and its value
	// joined is set after a block that keeps with the next one, so no
	// blank line comes between them.
	joined bool
}

// gap starts a new block: a blank line unless the previous block asked to
// keep with this one.
func (w *writer) gap() {
	if !w.joined && len(w.lines) > 0 && w.lines[len(w.lines)-1] != "" {
		w.lines = append(w.lines, "")
	}
	w.joined = false
}

// line adds one line, without trailing spaces.
func (w *writer) line(s string) { w.lines = append(w.lines, strings.TrimRight(s, " \t\u3000")) }

// String returns the text: no leading or doubled blank lines, a final
// newline.
func (w *writer) String() string {
	var out []string
	for _, l := range w.lines {
		if l == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return ""
	}
	return strings.Join(out, "\n") + "\n"
}

// block writes one block.
func (w *writer) block(b render.Block, where string) error {
	switch b := b.(type) {
	case *render.Heading:
		w.gap()
		w.heading(b.Level, runsText(b.Runs))
	case *render.Paragraph:
		w.gap()
		if b.Style == render.TitleText {
			w.heading(1, runsText(b.Runs))
			break
		}
		w.indented(runsText(b.Runs), spaces(b.Indent), spaces(b.Indent+b.Hanging))
		w.joined = b.KeepWithNext
	case *render.KeyValue:
		w.gap()
		w.keyValue(b)
	case *render.Table:
		w.gap()
		return w.table(b, where)
	case *render.List:
		w.gap()
		w.list(b)
	case *render.Signature:
		w.gap()
		w.signature(b)
	case *render.PageBreak:
		w.gap()
		w.line(strings.Repeat("─", 20))
	default:
		return fmt.Errorf("text: %s: unknown block type %T", where, b)
	}
	return nil
}

// heading writes a level-1 heading underlined with ═, level 2 with ─, and
// deeper ones in 【】 brackets.
func (w *writer) heading(level int, text string) {
	text = strings.ReplaceAll(text, "\n", " ")
	switch {
	case level <= 1:
		w.line(text)
		w.line(w.rule('═', text))
	case level == 2:
		w.line(text)
		w.line(w.rule('─', text))
	default:
		w.line("【" + text + "】")
	}
	w.joined = true
}

// rule returns a line of c as wide as text.
func (w *writer) rule(c rune, text string) string {
	n := w.width(text)
	cw := w.runeWidth(c)
	return strings.Repeat(string(c), max(1, (n+cw-1)/cw))
}

// indented writes text whose first line starts with first and further
// lines (from "\n" in the text) with rest.
func (w *writer) indented(text, first, rest string) {
	for i, l := range strings.Split(text, "\n") {
		if i == 0 {
			w.line(first + l)
		} else {
			w.line(rest + l)
		}
	}
}

// spaces turns an indent in millimetres into spaces (one per 2.5 mm, the
// width of a character at 10 points or so).
func spaces(mm float64) string {
	if mm <= 0 {
		return ""
	}
	return strings.Repeat(" ", int(mm/2.5+0.5))
}

// runsText joins runs as plain text; check boxes become ☐ and ☑,
// inserted text is written [+…+] and deleted text [-…-].
func runsText(runs []render.Run) string {
	var b strings.Builder
	for _, r := range runs {
		if r.Box {
			if r.Checked {
				b.WriteString("☑ ")
			} else {
				b.WriteString("☐ ")
			}
		}
		switch r.Change {
		case render.Inserted:
			b.WriteString("[+" + r.Text + "+]")
		case render.Deleted:
			b.WriteString("[-" + r.Text + "-]")
		default:
			b.WriteString(r.Text)
		}
	}
	return b.String()
}

// parasText joins paragraphs with line breaks.
func parasText(ps []render.Paragraph) string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, runsText(p.Runs))
	}
	return strings.Join(out, "\n")
}

// keyValue writes each pair as 「label：value」; further lines of the value
// line up under its first.
func (w *writer) keyValue(kv *render.KeyValue) {
	for _, p := range kv.Pairs {
		head := p.Label + w.sep
		w.indented(head+parasText(p.Value), "", strings.Repeat(" ", w.width(head)))
	}
}

// list writes each item after its bullet, or numbered without a bullet.
func (w *writer) list(l *render.List) {
	for i, it := range l.Items {
		mark := l.Bullet + " "
		if l.Bullet == "" {
			mark = strconv.Itoa(i+1) + ". "
		}
		w.indented(mark+runsText(it), "", strings.Repeat(" ", w.width(mark)))
	}
}

// signature writes the fields to fill in on one line.
func (w *writer) signature(s *render.Signature) {
	parts := make([]string, len(s.Fields))
	for i, f := range s.Fields {
		parts[i] = f + w.sep + strings.Repeat("_", 16)
	}
	w.line(strings.Join(parts, "    "))
}

// width is the display width of s in columns: East Asian wide characters
// take two, ambiguous ones too in CJK text.
func (w *writer) width(s string) int {
	n := 0
	for _, r := range s {
		n += w.runeWidth(r)
	}
	return n
}

func (w *writer) runeWidth(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	case width.EastAsianAmbiguous:
		if w.cjk {
			return 2
		}
	}
	return 1
}
