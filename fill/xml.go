package fill

import (
	"errors"
	"fmt"
	"strings"
)

// node is an element or a piece of character data of a WordprocessingML
// part, kept exactly as written: names with their prefixes, attributes as
// their raw text, character data still escaped. encoding/xml would rewrite
// namespace prefixes, which Word does not accept, so parts are read and
// written with this small tree instead.
type node struct {
	name     string  // qualified element name, e.g. "w:p"; "" for character data and other markup
	attrs    string  // raw attribute text, with its leading space
	raw      string  // character data (escaped) or other markup (<?…?>, <!--…-->, <![CDATA[…]]>) as written
	children []*node // of an element
	empty    bool    // written <x/>
	parent   *node
}

// maxDepth bounds element nesting, so a hostile part cannot cost more
// than linear stack.
const maxDepth = 512

// rawKind is a kind of part kept as written: how it opens and closes,
// and its name in errors.
type rawKind struct{ open, close, what string }

// rawParts are the parts of a document kept as written, by how they open
// and close, the longer openings first.
var rawParts = []rawKind{
	{"<!--", "-->", "comment"},
	{"<![CDATA[", "]]>", "CDATA section"},
	{"<?", ">", "declaration"},
	{"<!", ">", "declaration"},
}

// rawPart returns the kind of raw part s starts with.
func rawPart(s string) (p rawKind, ok bool) {
	for _, p := range rawParts {
		if strings.HasPrefix(s, p.open) {
			return p, true
		}
	}
	return p, false
}

// parseXML reads a part into a tree whose root holds its top-level nodes.
func parseXML(s string) (*node, error) {
	root := &node{}
	cur := root
	depth := 0
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			cur.add(&node{raw: s[i : i+j]})
			i += j
			continue
		}
		if p, ok := rawPart(s[i:]); ok {
			j := strings.Index(s[i:], p.close)
			if j < 0 {
				return nil, errors.New("unclosed " + p.what)
			}
			cur.add(&node{raw: s[i : i+j+len(p.close)]})
			i += j + len(p.close)
			continue
		}
		switch {
		case strings.HasPrefix(s[i:], "</"):
			j := strings.IndexByte(s[i:], '>')
			if j < 0 {
				return nil, errors.New("unclosed end tag")
			}
			name := strings.TrimSpace(s[i+2 : i+j])
			if cur == root || cur.name != name {
				return nil, fmt.Errorf("end tag </%s> does not match <%s>", name, cur.name)
			}
			cur = cur.parent
			depth--
			i += j + 1
		default:
			end, err := tagEnd(s, i)
			if err != nil {
				return nil, err
			}
			body := s[i+1 : end]
			empty := strings.HasSuffix(body, "/")
			body = strings.TrimSuffix(body, "/")
			k := strings.IndexAny(body, " \t\r\n")
			if k < 0 {
				k = len(body)
			}
			n := &node{name: body[:k], attrs: body[k:], empty: empty}
			if n.name == "" {
				return nil, errors.New("element without a name")
			}
			cur.add(n)
			if !empty {
				if depth++; depth > maxDepth {
					return nil, fmt.Errorf("elements nested more than %d deep", maxDepth)
				}
				cur = n
			}
			i = end + 1
		}
	}
	if cur != root {
		return nil, fmt.Errorf("element <%s> is not closed", cur.name)
	}
	return root, nil
}

// tagEnd finds the '>' that ends the start tag at s[i], skipping quoted
// attribute values.
func tagEnd(s string, i int) (int, error) {
	var quote byte
	for j := i + 1; j < len(s); j++ {
		c := s[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j, nil
		}
	}
	return 0, errors.New("unclosed start tag")
}

func (n *node) add(c *node) {
	c.parent = n
	n.children = append(n.children, c)
}

// write appends the node's markup to b.
func (n *node) write(b *strings.Builder) {
	if n.name == "" {
		if n.children != nil { // the root
			for _, c := range n.children {
				c.write(b)
			}
			return
		}
		b.WriteString(n.raw)
		return
	}
	b.WriteByte('<')
	b.WriteString(n.name)
	b.WriteString(n.attrs)
	if n.empty && len(n.children) == 0 {
		b.WriteString("/>")
		return
	}
	b.WriteByte('>')
	for _, c := range n.children {
		c.write(b)
	}
	b.WriteString("</")
	b.WriteString(n.name)
	b.WriteByte('>')
}

// String returns the markup of the node and its children.
func (n *node) String() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

// clone copies a node and everything under it.
func (n *node) clone() *node {
	c := &node{name: n.name, attrs: n.attrs, raw: n.raw, empty: n.empty}
	if n.children != nil {
		c.children = make([]*node, len(n.children))
		for i, ch := range n.children {
			cc := ch.clone()
			cc.parent = c
			c.children[i] = cc
		}
	}
	return c
}

// is reports whether n is the element named name.
func (n *node) is(name string) bool { return n != nil && n.name == name }

// child returns the first child element named name, or nil.
func (n *node) child(name string) *node {
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// index returns the position of c among n's children, or -1.
func (n *node) index(c *node) int {
	for i, x := range n.children {
		if x == c {
			return i
		}
	}
	return -1
}

// ancestor returns the nearest ancestor (or n itself) named name.
func (n *node) ancestor(name string) *node {
	for x := n; x != nil; x = x.parent {
		if x.name == name {
			return x
		}
	}
	return nil
}

// walk calls fn for every element under n in document order, not going
// into an element for which fn returns false.
func (n *node) walk(fn func(*node) bool) {
	for _, c := range n.children {
		if c.name == "" {
			continue
		}
		if fn(c) {
			c.walk(fn)
		}
	}
}

// text returns the unescaped character data directly inside n.
func (n *node) text() string {
	var b strings.Builder
	for _, c := range n.children {
		if c.name == "" {
			b.WriteString(unescape(c.raw))
		}
	}
	return b.String()
}

// setText replaces n's content with the escaped text s.
func (n *node) setText(s string) {
	n.children = []*node{{raw: escape(s), parent: n}}
	n.empty = false
}

var unescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'", "&amp;", "&")

// unescape decodes the five XML entities and numeric character references.
func unescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	if strings.Contains(s, "&#") {
		var b strings.Builder
		for {
			i := strings.Index(s, "&#")
			if i < 0 {
				break
			}
			j := strings.IndexByte(s[i:], ';')
			if j < 0 {
				break
			}
			b.WriteString(unescaper.Replace(s[:i]))
			ref := s[i+2 : i+j]
			var r rune
			var err error
			if strings.HasPrefix(ref, "x") || strings.HasPrefix(ref, "X") {
				_, err = fmt.Sscanf(ref[1:], "%x", &r)
			} else {
				_, err = fmt.Sscanf(ref, "%d", &r)
			}
			if err != nil {
				b.WriteString(s[i : i+j+1])
			} else {
				b.WriteRune(r)
			}
			s = s[i+j+1:]
		}
		b.WriteString(unescaper.Replace(s))
		return b.String()
	}
	return unescaper.Replace(s)
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// escape escapes text for character data and drops characters XML 1.0
// cannot carry.
func escape(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return -1
		}
		return r
	}, s)
	return escaper.Replace(s)
}
