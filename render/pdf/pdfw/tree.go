package pdfw

import "strconv"

// Tree is the structure tree of a tagged PDF: elements in reading order,
// each holding its sub-elements and the marked content (Content.Tag) that
// draws its text.
type Tree struct {
	// Root is the top element, usually of type Document.
	Root  *Elem
	marks [][]*Elem // per page, the element of each marked-content id
}

// Elem is an element of a structure tree.
type Elem struct {
	// Type is the standard structure type: Document, H1, P, Table, TD…
	Type string
	// Lang is the language of the element's text, when it differs from
	// the document's.
	Lang string
	// RowSpan, ColSpan and Scope are the table attributes of a TH or TD
	// cell; Scope is Row, Column or Both, for a TH.
	RowSpan, ColSpan int
	Scope            string

	parent *Elem
	kids   []any // *Elem or mark
	page   int   // page of the first marked content; -1 none
	ref    Ref
}

// mark is a marked-content sequence of a page.
type mark struct{ page, mcid int }

// NewTree returns a structure tree with a root element of type typ.
func NewTree(typ string) *Tree { return &Tree{Root: &Elem{Type: typ, page: -1}} }

// Add appends a child element of type typ and returns it.
func (e *Elem) Add(typ string) *Elem {
	k := &Elem{Type: typ, parent: e, page: -1}
	e.kids = append(e.kids, k)
	return k
}

// Parent returns the element e was added to; nil for the root.
func (e *Elem) Parent() *Elem { return e.parent }

// Mark returns a new marked-content id on page (counted from 0) for the
// content of e, which Content.Tag then opens. The content is e's next
// child in reading order.
func (t *Tree) Mark(e *Elem, page int) int {
	for len(t.marks) <= page {
		t.marks = append(t.marks, nil)
	}
	id := len(t.marks[page])
	t.marks[page] = append(t.marks[page], e)
	e.kids = append(e.kids, mark{page, id})
	if e.page < 0 {
		e.page = page
	}
	return id
}

// add writes the tree and returns its StructTreeRoot.
func (t *Tree) add(fl *file, pages []Ref) Ref {
	root := fl.alloc()
	var number func(e *Elem)
	number = func(e *Elem) {
		e.ref = fl.alloc()
		for _, k := range e.kids {
			if c, ok := k.(*Elem); ok {
				number(c)
			}
		}
	}
	number(t.Root)
	var write func(e *Elem, parent Ref)
	write = func(e *Elem, parent Ref) {
		b := []byte("<</S") // /Type /StructElem is optional
		b = appendName(b, e.Type)
		b = append(b, "/P "...)
		b = appendRef(b, parent)
		if e.page >= 0 && e.page < len(pages) {
			b = append(b, "/Pg "...)
			b = appendRef(b, pages[e.page])
		}
		if e.Lang != "" {
			b = append(b, "/Lang"...)
			b = appendText(b, e.Lang)
		}
		if e.RowSpan > 1 || e.ColSpan > 1 || e.Scope != "" {
			b = append(b, "/A<</O/Table"...)
			if e.RowSpan > 1 {
				b = append(b, "/RowSpan "...)
				b = strconv.AppendInt(b, int64(e.RowSpan), 10)
			}
			if e.ColSpan > 1 {
				b = append(b, "/ColSpan "...)
				b = strconv.AppendInt(b, int64(e.ColSpan), 10)
			}
			if e.Scope != "" {
				b = append(b, "/Scope"...)
				b = appendName(b, e.Scope)
			}
			b = append(b, ">>"...)
		}
		if len(e.kids) > 0 {
			// One kid stands alone, more in an array.
			if len(e.kids) == 1 {
				b = append(b, "/K "...)
			} else {
				b = append(b, "/K["...)
			}
			for i, k := range e.kids {
				if i > 0 {
					b = append(b, ' ')
				}
				switch k := k.(type) {
				case *Elem:
					b = appendRef(b, k.ref)
				case mark:
					if k.page == e.page {
						b = strconv.AppendInt(b, int64(k.mcid), 10)
						continue
					}
					b = append(b, "<</Type/MCR/Pg "...)
					b = appendRef(b, pages[k.page])
					b = append(b, "/MCID "...)
					b = strconv.AppendInt(b, int64(k.mcid), 10)
					b = append(b, ">>"...)
				}
			}
			if len(e.kids) > 1 {
				b = append(b, ']')
			}
		}
		fl.set(e.ref, append(b, ">>"...))
		for _, k := range e.kids {
			if c, ok := k.(*Elem); ok {
				write(c, e.ref)
			}
		}
	}
	write(t.Root, root)
	// The parent tree: for each page, the element of each of its
	// marked-content ids.
	pt := []byte("<</Nums[")
	for p := range pages {
		if p > 0 {
			pt = append(pt, ' ')
		}
		pt = strconv.AppendInt(pt, int64(p), 10)
		pt = append(pt, ' ')
		var refs []Ref
		if p < len(t.marks) {
			for _, e := range t.marks[p] {
				refs = append(refs, e.ref)
			}
		}
		pt = appendRefs(pt, refs)
	}
	ptRef := fl.add(append(pt, "]>>"...))
	b := []byte("<</Type/StructTreeRoot/K ")
	b = appendRef(b, t.Root.ref)
	b = append(b, "/ParentTree "...)
	b = appendRef(b, ptRef)
	b = append(b, "/ParentTreeNextKey "...)
	b = strconv.AppendInt(b, int64(len(pages)), 10)
	fl.set(root, append(b, ">>"...))
	return root
}
