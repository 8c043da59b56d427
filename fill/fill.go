package fill

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// scope is one level of data a tag is looked up in: the whole data, then
// each section's item inside it.
type scope struct {
	value  any
	index  int // 1-based position in the list the item comes from; 0 outside lists
	parent *scope
}

// lookup finds a field: "." is the current item, "@index" its position,
// and a dotted path is looked up from the innermost scope outwards by its
// first name.
func (s *scope) lookup(name string) (any, bool) {
	switch name {
	case ".":
		return s.value, true
	case "@index":
		for x := s; x != nil; x = x.parent {
			if x.index > 0 {
				return x.index, true
			}
		}
		return nil, false
	}
	parts := strings.Split(name, ".")
	for x := s; x != nil; x = x.parent {
		m, ok := x.value.(map[string]any)
		if !ok {
			continue
		}
		v, ok := m[parts[0]]
		if !ok {
			continue
		}
		for _, p := range parts[1:] {
			m, ok := v.(map[string]any)
			if !ok {
				return nil, false
			}
			if v, ok = m[p]; !ok {
				return nil, false
			}
		}
		return v, true
	}
	return nil, false
}

// filler fills one part.
type filler struct {
	part     string
	override map[*node]*node // nodes filled already, such as a combined body
	probs    Problems
	size     int
	pics     *pictures
}

// fill returns the nodes n becomes in scope s.
func (f *filler) fill(n *node, s *scope) []*node {
	if f.size > maxOutput {
		return nil
	}
	if o, ok := f.override[n]; ok {
		return []*node{o}
	}
	switch {
	case n.name == sectionName:
		return f.section(n, s)
	case n.name == "w:r":
		if text, ok := tagOf(n); ok {
			return f.field(n, text, s)
		}
	case n.name == "" && n.children == nil:
		f.size += len(n.raw)
		return []*node{{raw: n.raw}}
	}
	c := &node{name: n.name, attrs: n.attrs, empty: n.empty}
	if n.name == "" {
		c.children = []*node{} // the root of a part
	}
	f.size += len(n.name)*2 + len(n.attrs)
	for _, ch := range n.children {
		for _, x := range f.fill(ch, s) {
			c.add(x)
		}
	}
	return []*node{c}
}

// section repeats, shows once or drops its content by the field's value.
func (f *filler) section(n *node, s *scope) []*node {
	kind, name := n.attrs[0], n.attrs[1:]
	v, ok := s.lookup(name)
	if !ok {
		f.problem(n, fmt.Sprintf("{{%c%s}}: no such field", kind, name))
		return nil
	}
	var items []*scope
	switch v := v.(type) {
	case []any:
		for i, it := range v {
			items = append(items, &scope{value: it, index: i + 1, parent: s})
		}
	case map[string]any:
		if len(v) > 0 {
			items = []*scope{{value: v, parent: s}}
		}
	default:
		if truthy(v) {
			items = []*scope{{value: v, parent: s}}
		}
	}
	if kind == '^' {
		if len(items) > 0 {
			return nil
		}
		items = []*scope{s}
	}
	var out []*node
	for _, it := range items {
		for _, ch := range n.children {
			out = append(out, f.fill(ch, it)...)
		}
	}
	return out
}

// truthy reports whether a value shows a section: a non-empty text, a
// true flag, a non-zero number.
func truthy(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case string:
		return v != ""
	case bool:
		return v
	case int:
		return v != 0
	case int64:
		return v != 0
	case float64:
		return v != 0
	}
	return true
}

// field replaces a tag run by the field's text (line breaks become w:br)
// or a picture.
func (f *filler) field(run *node, text string, s *scope) []*node {
	t, err := parseTag(text)
	if err != nil {
		f.problem(run, err.Error())
		return nil
	}
	v, ok := s.lookup(t.name)
	if !ok {
		f.problem(run, fmt.Sprintf("{{%s}}: no such field (ocs fill --data lists the fields)", text))
		return nil
	}
	if t.kind == '%' {
		return f.picture(run, t.name, v)
	}
	str, err := textOf(v)
	if err != nil {
		f.problem(run, fmt.Sprintf("{{%s}}: %v", text, err))
		return nil
	}
	out := &node{name: "w:r", attrs: run.attrs}
	if rpr := run.child("w:rPr"); rpr != nil {
		out.add(rpr.clone())
	}
	for i, line := range strings.Split(strings.ReplaceAll(str, "\r\n", "\n"), "\n") {
		if i > 0 {
			out.add(&node{name: "w:br", empty: true})
		}
		out.add(newText(line))
	}
	f.size += len(str) + 64
	return []*node{out}
}

// textOf is how a value prints: texts as they are, numbers in digits, a
// list of texts joined with 、.
func textOf(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case int:
		return strconv.Itoa(v), nil
	case int64:
		return strconv.FormatInt(v, 10), nil
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	case bool:
		if v {
			return "是", nil
		}
		return "否", nil
	case []any:
		parts := make([]string, 0, len(v))
		for _, x := range v {
			s, err := textOf(x)
			if err != nil {
				return "", fmt.Errorf("a list of tables cannot print as text: repeat it with {{#…}}…{{/…}}")
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, "、"), nil
	case map[string]any:
		if t, ok := v["text"].(string); ok {
			if c, ok := v["code"].(string); ok && c != "" {
				return c + " " + t, nil
			}
			return t, nil
		}
		return "", fmt.Errorf("is a table of fields: print one of them ({{x.name}}) or repeat it with {{#…}}…{{/…}}")
	}
	return fmt.Sprint(v), nil
}

func (f *filler) problem(n *node, msg string) {
	f.probs = append(f.probs, Problem{Part: f.part, Where: where(n), Quote: quote(n.ancestor("w:p")), Message: msg})
}

// Fill fills the template once and returns the DOCX. Problems with the
// data (a field no data has) are returned all at once as Problems.
func (t *Template) Fill(data map[string]any) ([]byte, error) {
	return t.fillAll([]map[string]any{data}, data)
}

// FillCombined fills the body once per data set, each starting on a new
// page, in one document; headers and footers are filled with shared.
func (t *Template) FillCombined(sets []map[string]any, shared map[string]any) ([]byte, error) {
	return t.fillAll(sets, shared)
}

func (t *Template) fillAll(sets []map[string]any, shared map[string]any) ([]byte, error) {
	pics := &pictures{}
	out := map[string][]byte{}
	var probs Problems
	names := make([]string, 0, len(t.parts))
	for name := range t.parts {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		root := t.parts[name]
		f := &filler{part: name, pics: pics.forPart(name)}
		var filled *node
		if name == "word/document.xml" {
			filled = f.body(root, sets)
		} else {
			filled = f.fill(root, &scope{value: shared})[0]
		}
		if f.size > maxOutput {
			return nil, fmt.Errorf("%s: the filled document would be larger than %d MB: a section repeats too often", name, maxOutput>>20)
		}
		probs = append(probs, f.probs...)
		out[name] = []byte(filled.String())
	}
	if len(probs) > 0 {
		return nil, dedupe(probs)
	}
	return t.pack(out, pics)
}

// body fills document.xml once per data set: the body's content repeats,
// with a page break between sets, and the final section properties stay
// once at the end.
func (f *filler) body(root *node, sets []map[string]any) *node {
	var body *node
	root.walk(func(n *node) bool {
		if n.name == "w:body" {
			body = n
			return false
		}
		return body == nil
	})
	if body == nil || len(sets) == 1 {
		return f.fill(root, &scope{value: sets[0]})[0]
	}
	var sect *node
	content := body.children
	if k := len(content); k > 0 && content[k-1].name == "w:sectPr" {
		sect, content = content[k-1], content[:k-1]
	}
	newBody := &node{name: body.name, attrs: body.attrs}
	for i, d := range sets {
		if i > 0 {
			newBody.add(pageBreak())
		}
		s := &scope{value: d}
		for _, ch := range content {
			for _, x := range f.fill(ch, s) {
				newBody.add(x)
			}
		}
	}
	if sect != nil {
		newBody.add(sect.clone())
	}
	f.override = map[*node]*node{body: newBody}
	return f.fill(root, &scope{value: sets[0]})[0]
}

func pageBreak() *node {
	p := &node{name: "w:p"}
	r := &node{name: "w:r"}
	r.add(&node{name: "w:br", attrs: ` w:type="page"`, empty: true})
	p.add(r)
	return p
}

// dedupe drops repeats of the same problem (a tag inside a repeated
// section is reported once).
func dedupe(ps Problems) Problems {
	seen := map[Problem]bool{}
	var out Problems
	for _, p := range ps {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// pack writes the archive: every entry of the template in its order, the
// filled parts in place of the originals, pictures added at the end.
func (t *Template) pack(parts map[string][]byte, pics *pictures) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range t.files {
		data, filled := parts[f.Name]
		switch {
		case f.Name == "[Content_Types].xml" && pics.any():
			raw, err := readAll(f)
			if err != nil {
				return nil, err
			}
			data, filled = pics.contentTypes(raw), true
		case pics.rels(f.Name) != nil:
			raw, err := readAll(f)
			if err != nil {
				return nil, err
			}
			data, filled = pics.addRels(f.Name, raw), true
		}
		if !filled {
			if err := zw.Copy(f); err != nil {
				return nil, fmt.Errorf("copy %s: %w", f.Name, err)
			}
			continue
		}
		h := f.FileHeader
		h.Method = zip.Deflate
		w, err := zw.CreateHeader(&zip.FileHeader{Name: h.Name, Method: zip.Deflate, Modified: h.Modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := pics.write(zw, t.files); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func readAll(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, maxPart))
}
