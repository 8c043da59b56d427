package fill

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// A tag as written in a template.
type tag struct {
	kind byte   // 0 a field {{x}}, '#' a section, '^' an inverted section, '/' a section's end, '%' a picture
	name string // field path, e.g. "overlay.company", "@index", "."
}

// parseTag reads the text between {{ and }}.
func parseTag(s string) (tag, error) {
	s = strings.TrimSpace(s)
	var t tag
	if s != "" && strings.IndexByte("#^/%", s[0]) >= 0 {
		t.kind, s = s[0], strings.TrimSpace(s[1:])
	}
	if s == "" {
		return t, fmt.Errorf("empty tag")
	}
	for _, r := range s {
		if r == '{' || r == '}' || r == '#' || r == '/' {
			return t, fmt.Errorf("%q is not a field name", s)
		}
	}
	t.name = s
	return t, nil
}

// textRef is a w:t element of a paragraph and where its text starts in
// the paragraph's joined text.
type textRef struct {
	t     *node
	start int
}

// paraTexts returns the w:t elements that belong to paragraph p (not to a
// paragraph nested in it, as in a text box), in order, and their text.
func paraTexts(p *node) ([]textRef, string) {
	var refs []textRef
	var b strings.Builder
	p.walk(func(n *node) bool {
		if n.name == "w:p" {
			return false // a nested paragraph is handled on its own
		}
		if n.name == "w:t" {
			refs = append(refs, textRef{t: n, start: b.Len()})
			b.WriteString(n.text())
			return false
		}
		return true
	})
	return refs, b.String()
}

// isolateTags rewrites paragraph p so that every {{…}} tag is the only
// text of a run of its own, with the formatting of the run the tag
// started in. It returns the tag runs in order, and a problem for a tag
// that does not close within the paragraph.
func isolateTags(p *node) ([]*node, error) {
	refs, text := paraTexts(p)
	if !strings.Contains(text, "{{") {
		if strings.Contains(text, "}}") {
			return nil, nil // a lone }} is text
		}
		return nil, nil
	}
	type span struct{ start, end int }
	var spans []span
	for i := 0; ; {
		j := strings.Index(text[i:], "{{")
		if j < 0 {
			break
		}
		start := i + j
		k := strings.Index(text[start+2:], "}}")
		if k < 0 {
			return nil, fmt.Errorf("a tag opens with {{ but does not close with }} in this paragraph (a tag cannot run across paragraphs)")
		}
		end := start + 2 + k + 2
		if n := strings.Index(text[start+2:end-2], "{{"); n >= 0 {
			return nil, fmt.Errorf("tag %q holds another {{", text[start:end])
		}
		spans = append(spans, span{start, end})
		i = end
	}
	var runs []*node
	// Last tag first, so earlier offsets stay valid.
	for i := len(spans) - 1; i >= 0; i-- {
		sp := spans[i]
		run, err := cutTag(p, refs, sp.start, sp.end, text[sp.start:sp.end])
		if err != nil {
			return nil, err
		}
		runs = append(runs, run)
	}
	for i, j := 0, len(runs)-1; i < j; i, j = i+1, j-1 {
		runs[i], runs[j] = runs[j], runs[i]
	}
	return runs, nil
}

// cutTag removes the tag's text [start, end) from the w:t elements it
// spans and puts it, whole, in a new run after the part of the first run
// that precedes it.
func cutTag(p *node, refs []textRef, start, end int, tagText string) (*node, error) {
	first := -1
	for i, r := range refs {
		n := len(r.t.text())
		if r.start <= start && start < r.start+n {
			first = i
		}
		if first >= 0 && i > first {
			// Later w:t elements lose the part of the tag they hold.
			if r.start >= end {
				break
			}
			s := r.t.text()
			cut := min(end-r.start, len(s))
			r.t.setText(s[cut:])
		}
	}
	if first < 0 {
		return nil, fmt.Errorf("tag %q could not be placed", tagText)
	}
	t := refs[first].t
	s := t.text()
	off := start - refs[first].start
	before, after := s[:off], ""
	if e := end - refs[first].start; e <= len(s) {
		after = s[e:]
	}
	run := t.parent
	if !run.is("w:r") {
		return nil, fmt.Errorf("tag %q is not in a text run", tagText)
	}
	// The run splits into: [children up to t, with t = before] [tag run]
	// [t = after, and the children after t].
	idx := run.index(t)
	rpr := run.child("w:rPr")
	tagRun := newRun(rpr, tagText)
	rest := &node{name: "w:r", attrs: run.attrs}
	if rpr != nil {
		rest.add(rpr.clone())
	}
	if after != "" {
		rest.add(newText(after))
	}
	for _, c := range run.children[idx+1:] {
		rest.add(c)
	}
	run.children = run.children[:idx+1]
	t.setText(before)
	parent := run.parent
	at := parent.index(run)
	insert(parent, at+1, tagRun, rest)
	_ = p
	return tagRun, nil
}

// newRun makes a run with a copy of rpr (may be nil) and the text s.
func newRun(rpr *node, s string) *node {
	r := &node{name: "w:r"}
	if rpr != nil {
		r.add(rpr.clone())
	}
	r.add(newText(s))
	return r
}

// newText makes a w:t element that keeps its spaces.
func newText(s string) *node {
	t := &node{name: "w:t", attrs: ` xml:space="preserve"`}
	t.setText(s)
	return t
}

// insert puts nodes into parent's children at position at.
func insert(parent *node, at int, nodes ...*node) {
	for _, n := range nodes {
		n.parent = parent
	}
	tail := append([]*node(nil), parent.children[at:]...)
	parent.children = append(append(parent.children[:at], nodes...), tail...)
}

// tagOf returns the tag text of a tag run made by isolateTags.
func tagOf(run *node) (string, bool) {
	if !run.is("w:r") {
		return "", false
	}
	var texts []*node
	for _, c := range run.children {
		switch c.name {
		case "w:t":
			texts = append(texts, c)
		case "w:rPr", "":
		default:
			return "", false
		}
	}
	if len(texts) != 1 {
		return "", false
	}
	s := texts[0].text()
	if strings.HasPrefix(s, "{{") && strings.HasSuffix(s, "}}") && len(s) >= 4 {
		return s[2 : len(s)-2], true
	}
	return "", false
}

// quote is a paragraph's text for a message, shortened to 60 characters.
func quote(p *node) string {
	if p == nil {
		return ""
	}
	_, s := paraTexts(p)
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 60 {
		r := []rune(s)
		s = string(r[:57]) + "…"
	}
	return "「" + s + "」"
}
