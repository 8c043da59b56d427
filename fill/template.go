package fill

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Limits on what a template may hold and what filling may write, so a
// hostile template (a zip bomb, a loop of a million rows) costs little.
const (
	MaxTemplate = 64 << 20  // the template file
	maxPart     = 32 << 20  // one part, uncompressed
	maxParts    = 128 << 20 // all parts, uncompressed
	maxOutput   = 256 << 20 // one filled document's XML
)

// Template is a parsed DOCX template, ready to fill any number of times. It
// is read-only and safe to share.
type Template struct {
	files []*zip.File // the archive's entries, in order
	parts map[string]*node
	// sections and tags are the template's structure, checked once.
}

// Problem is one thing wrong with a template or its data, with the place
// it stands.
type Problem struct {
	Part    string // e.g. "word/document.xml"
	Where   string // e.g. "table 1, row 2, cell 3"; empty in body text
	Quote   string // the paragraph's text, 「…」
	Message string
}

func (p Problem) String() string {
	s := path.Base(p.Part)
	if p.Where != "" {
		s += ", " + p.Where
	}
	if p.Quote != "" {
		s += " " + p.Quote
	}
	return s + ": " + p.Message
}

// Problems are every problem found at once.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	n := "1 problem"
	if len(ps) != 1 {
		n = strconv.Itoa(len(ps)) + " problems"
	}
	return "template: " + n + ":\n  " + strings.Join(lines, "\n  ")
}

// fillable reports whether an archive entry is a part tags may stand in:
// the body, headers, footers, footnotes and endnotes.
func fillable(name string) bool {
	if !strings.HasPrefix(name, "word/") || !strings.HasSuffix(name, ".xml") || strings.Count(name, "/") != 1 {
		return false
	}
	base := strings.TrimSuffix(path.Base(name), ".xml")
	for _, p := range []string{"document", "header", "footer", "footnotes", "endnotes"} {
		if base == p || (strings.HasPrefix(base, p) && strings.Trim(base[len(p):], "0123456789") == "") {
			return true
		}
	}
	return false
}

// Parse reads a DOCX template and checks its tags and sections. All
// problems are returned at once, as Problems.
func Parse(data []byte) (*Template, error) {
	if len(data) > MaxTemplate {
		return nil, fmt.Errorf("template is %d MB; at most %d MB", len(data)>>20, MaxTemplate>>20)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("template is not a Word file (DOCX): %w", err)
	}
	t := &Template{files: zr.File, parts: map[string]*node{}}
	var total uint64
	var probs Problems
	names := []string{}
	for _, f := range zr.File {
		if !fillable(f.Name) {
			continue
		}
		if f.UncompressedSize64 > maxPart {
			return nil, fmt.Errorf("template part %s is larger than %d MB", f.Name, maxPart>>20)
		}
		if total += f.UncompressedSize64; total > maxParts {
			return nil, fmt.Errorf("template parts add up to more than %d MB", maxParts>>20)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("template part %s: %w", f.Name, err)
		}
		b, err := io.ReadAll(io.LimitReader(rc, maxPart+1))
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("template part %s: %w", f.Name, err)
		}
		if len(b) > maxPart {
			return nil, fmt.Errorf("template part %s is larger than %d MB", f.Name, maxPart>>20)
		}
		root, err := parseXML(string(b))
		if err != nil {
			return nil, fmt.Errorf("template part %s is not well-formed XML: %w", f.Name, err)
		}
		probs = append(probs, prepare(f.Name, root)...)
		t.parts[f.Name] = root
		names = append(names, f.Name)
	}
	if _, ok := t.parts["word/document.xml"]; !ok {
		return nil, errors.New("template has no word/document.xml: save it from Word as .docx")
	}
	if len(probs) > 0 {
		return nil, probs
	}
	sort.Strings(names)
	return t, nil
}

// where describes the table cell a node stands in: "table 2, row 3, cell 1"
// (counted in its part, from 1), or "" outside tables.
func where(n *node) string {
	tc := n.ancestor("w:tc")
	if tc == nil {
		return ""
	}
	tr, tbl := tc.ancestor("w:tr"), tc.ancestor("w:tbl")
	if tr == nil || tbl == nil {
		return ""
	}
	root := tbl
	for root.parent != nil {
		root = root.parent
	}
	ti, found := 0, false
	root.walk(func(x *node) bool {
		if found {
			return false
		}
		if x.name == "w:tbl" {
			ti++
			found = x == tbl
		}
		return !found
	})
	count := func(parent *node, name string, upto *node) int {
		k := 0
		for _, c := range parent.children {
			if c.name == name {
				k++
			}
			if c == upto {
				break
			}
		}
		return k
	}
	return fmt.Sprintf("table %d, row %d, cell %d", ti, count(tbl, "w:tr", tr), count(tr, "w:tc", tc))
}

// prepare isolates the tags of every paragraph of a part and turns
// section tag pairs into section nodes. It returns the problems found.
func prepare(part string, root *node) Problems {
	var probs Problems
	problem := func(n *node, msg string) {
		probs = append(probs, Problem{Part: part, Where: where(n), Quote: quote(n.ancestor("w:p")), Message: msg})
	}
	var paras []*node
	root.walk(func(n *node) bool {
		if n.name == "w:p" {
			paras = append(paras, n)
		}
		return true
	})
	var runs []*node
	for _, p := range paras {
		rs, err := isolateTags(p)
		if err != nil {
			probs = append(probs, Problem{Part: part, Where: where(p), Quote: quote(p), Message: err.Error()})
			continue
		}
		runs = append(runs, rs...)
	}
	// Runs come paragraph by paragraph; a nested paragraph (text box) was
	// listed after its container, so put them in document order.
	order := map[*node]int{}
	i := 0
	root.walk(func(n *node) bool { order[n] = i; i++; return true })
	sort.SliceStable(runs, func(a, b int) bool { return order[runs[a]] < order[runs[b]] })

	type open struct {
		run *node
		tag tag
	}
	var stack []open
	for _, r := range runs {
		text, _ := tagOf(r)
		tg, err := parseTag(text)
		if err != nil {
			problem(r, fmt.Sprintf("{{%s}}: %v", text, err))
			continue
		}
		switch tg.kind {
		case '#', '^':
			stack = append(stack, open{r, tg})
		case '/':
			if len(stack) == 0 {
				problem(r, fmt.Sprintf("{{/%s}} closes a section that was not opened", tg.name))
				continue
			}
			top := stack[len(stack)-1]
			if top.tag.name != tg.name {
				deeper := false
				for _, o := range stack {
					deeper = deeper || o.tag.name == tg.name
				}
				if deeper {
					problem(r, fmt.Sprintf("{{/%s}} comes before {{/%s}}: close the inner section {{%c%s}} first", tg.name, top.tag.name, top.tag.kind, top.tag.name))
				} else {
					problem(r, fmt.Sprintf("{{/%s}} closes a section that was not opened", tg.name))
				}
				continue
			}
			stack = stack[:len(stack)-1]
			if err := makeSection(top.run, r, top.tag); err != nil {
				problem(top.run, err.Error())
			}
		}
	}
	for _, o := range stack {
		problem(o.run, fmt.Sprintf("{{%c%s}} is never closed: add {{/%s}}", o.tag.kind, o.tag.name, o.tag.name))
	}
	return probs
}

// sectionName marks the nodes that stand for a section: its attrs hold
// the kind and the field, its children what repeats.
const sectionName = "\x00section"

// makeSection gathers what lies between the opening run o and the closing
// run c into a section node: the runs between them in one paragraph, the
// table row holding both, the paragraphs between them, or the rows from
// the one to the other.
func makeSection(o, c *node, t tag) error {
	po, pc := o.ancestor("w:p"), c.ancestor("w:p")
	sec := &node{name: sectionName, attrs: string(t.kind) + t.name}
	switch {
	case po == pc:
		if o.parent != c.parent {
			return fmt.Errorf("{{%c%s}} and {{/%s}} stand at different levels of the paragraph (one inside a link or field): put both at the same level", t.kind, t.name, t.name)
		}
		parent := o.parent
		i, j := parent.index(o), parent.index(c)
		for _, n := range parent.children[i+1 : j] {
			sec.add(n)
		}
		parent.children = append(parent.children[:i], parent.children[j+1:]...)
		insert(parent, i, sec)
		return nil
	case po.ancestor("w:tr") != nil && po.ancestor("w:tr") == pc.ancestor("w:tr"):
		// An inner section of the same row already wraps it: wrap that.
		tr := lift(po.ancestor("w:tr"))
		remove(o)
		remove(c)
		replace(tr, sec)
		sec.add(tr)
		return nil
	case lift(po).parent == lift(pc).parent:
		lo, lc := lift(po), lift(pc)
		parent := lo.parent
		i, j := parent.index(lo), parent.index(lc)
		if i > j {
			return fmt.Errorf("{{/%s}} stands before {{%c%s}}", t.name, t.kind, t.name)
		}
		remove(o)
		remove(c)
		for _, n := range parent.children[i+1 : j] {
			sec.add(n)
		}
		// The tag paragraphs go when the tag was all they held.
		var keep []*node
		if lo != po || hasContent(po) {
			keep = append(keep, lo)
		}
		keep = append(keep, sec)
		if lc != pc || hasContent(pc) {
			keep = append(keep, lc)
		}
		tail := append([]*node(nil), parent.children[j+1:]...)
		parent.children = parent.children[:i]
		for _, n := range keep {
			parent.add(n)
		}
		parent.children = append(parent.children, tail...)
		return nil
	}
	tro, trc := po.ancestor("w:tr"), pc.ancestor("w:tr")
	if tro != nil && trc != nil {
		tro, trc = lift(tro), lift(trc)
	}
	if tro != nil && trc != nil && tro.parent == trc.parent {
		tbl := tro.parent
		i, j := tbl.index(tro), tbl.index(trc)
		if i > j {
			return fmt.Errorf("{{/%s}} stands before {{%c%s}}", t.name, t.kind, t.name)
		}
		remove(o)
		remove(c)
		for _, n := range tbl.children[i : j+1] {
			sec.add(n)
		}
		tbl.children = append(tbl.children[:i], tbl.children[j+1:]...)
		insert(tbl, i, sec)
		return nil
	}
	return fmt.Errorf("{{%c%s}} closes in %s, elsewhere than it opens: put {{%c%s}} and {{/%s}} in one paragraph, one table row, or in paragraphs side by side",
		t.kind, t.name, quote(pc), t.kind, t.name, t.name)
}

// lift returns the outermost section node that wraps n alone or with its
// siblings, or n itself: a row or paragraph already inside a section
// counts, for an enclosing section, as that section.
func lift(n *node) *node {
	for n.parent != nil && n.parent.name == sectionName {
		n = n.parent
	}
	return n
}

// remove takes n out of its parent.
func remove(n *node) {
	if p := n.parent; p != nil {
		if i := p.index(n); i >= 0 {
			p.children = append(p.children[:i], p.children[i+1:]...)
		}
	}
}

// replace puts repl where n stands.
func replace(n, repl *node) {
	p := n.parent
	i := p.index(n)
	p.children[i] = repl
	repl.parent = p
}

// hasContent reports whether a paragraph holds text or anything drawn
// besides its properties.
func hasContent(p *node) bool {
	_, text := paraTexts(p)
	if strings.TrimSpace(text) != "" {
		return true
	}
	found := false
	p.walk(func(n *node) bool {
		switch n.name {
		case "w:drawing", "w:pict", "w:object", "w:br", "w:tab", "w:sym", "w:fldChar", "w:instrText":
			found = true
		}
		return !found
	})
	return found
}
