package pdfw

import "strconv"

// Tree is the structure tree of a tagged PDF: elements in reading order,
// each holding its sub-elements and the marked content (Content.Tag) that
// draws its text.
type Tree struct {
	// Root is the top element, usually of type Document.
	Root  *Elem
	marks [][]*Elem // per page, the element of each marked-content id
	// Elements and kids allocated for the next Add and Mark calls: a
	// form's tree has thousands of each.
	elems []Elem
	kids  []kid
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

	tree        *Tree // nil for an element made without NewTree
	parent      *Elem
	first, last *kid // the kids in order
	nkids       int
	page        int // page of the first marked content; -1 none
	ref         Ref
}

// kid is a child of an element: an element, or when elem is nil a
// marked-content sequence of a page.
type kid struct {
	elem       *Elem
	page, mcid int
	next       *kid
}

// NewTree returns a structure tree with a root element of type typ.
func NewTree(typ string) *Tree {
	t := &Tree{}
	t.Root = &Elem{Type: typ, tree: t, page: -1}
	return t
}

// chunk is how many elements or kids a Tree allocates at a time.
const chunk = 256

// take returns the next of the values allocated in *free, allocating a
// chunk when none is left.
func take[T any](free *[]T) *T {
	if len(*free) == 0 {
		*free = make([]T, chunk)
	}
	v := &(*free)[0]
	*free = (*free)[1:]
	return v
}

// newElem returns an element to fill in.
func (t *Tree) newElem() *Elem {
	if t == nil {
		return new(Elem)
	}
	return take(&t.elems)
}

// add appends a kid.
func (e *Elem) add(k kid) {
	var p *kid
	if e.tree == nil {
		p = new(kid)
	} else {
		p = take(&e.tree.kids)
	}
	*p = k
	if e.last == nil {
		e.first = p
	} else {
		e.last.next = p
	}
	e.last = p
	e.nkids++
}

// Add appends a child element of type typ and returns it.
func (e *Elem) Add(typ string) *Elem {
	k := e.tree.newElem()
	*k = Elem{Type: typ, tree: e.tree, parent: e, page: -1}
	e.add(kid{elem: k})
	return k
}

// Parent returns the element e was added to; nil for the root.
func (e *Elem) Parent() *Elem { return e.parent }

// Mark returns a new marked-content id on page (counted from 0) for the
// content of e, which Content.Tag then opens. The content is e's next
// child in reading order.
func (t *Tree) Mark(e *Elem, page int) int {
	for len(t.marks) <= page {
		// A page has about as many marks as the page before.
		n := 0
		if len(t.marks) > 0 {
			n = len(t.marks[len(t.marks)-1])
		}
		t.marks = append(t.marks, make([]*Elem, 0, n))
	}
	id := len(t.marks[page])
	t.marks[page] = append(t.marks[page], e)
	e.add(kid{page: page, mcid: id})
	if e.page < 0 {
		e.page = page
	}
	return id
}

// add writes the tree and returns its StructTreeRoot.
func (t *Tree) add(fl *file, pages []Ref) Ref {
	root := fl.alloc()
	n := 0
	var number func(e *Elem)
	number = func(e *Elem) {
		e.ref = fl.alloc()
		n++
		for k := e.first; k != nil; k = k.next {
			if k.elem != nil {
				number(k.elem)
			}
		}
	}
	number(t.Root)
	// The elements' dictionaries are cut from one buffer, grown in
	// chunks: each keeps the part it was written in.
	var buf []byte
	var write func(e *Elem, parent Ref)
	write = func(e *Elem, parent Ref) {
		if cap(buf)-len(buf) < 512 {
			buf = make([]byte, 0, max(64*n, 4096))
		}
		start := len(buf)
		b := append(buf, "<</S"...) // /Type /StructElem is optional
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
		if e.nkids > 0 {
			// One kid stands alone, more in an array.
			if e.nkids == 1 {
				b = append(b, "/K "...)
			} else {
				b = append(b, "/K["...)
			}
			for k := e.first; k != nil; k = k.next {
				if k != e.first {
					b = append(b, ' ')
				}
				switch {
				case k.elem != nil:
					b = appendRef(b, k.elem.ref)
				case k.page == e.page:
					b = strconv.AppendInt(b, int64(k.mcid), 10)
				default:
					b = append(b, "<</Type/MCR/Pg "...)
					b = appendRef(b, pages[k.page])
					b = append(b, "/MCID "...)
					b = strconv.AppendInt(b, int64(k.mcid), 10)
					b = append(b, ">>"...)
				}
			}
			if e.nkids > 1 {
				b = append(b, ']')
			}
		}
		b = append(b, ">>"...)
		fl.set(e.ref, b[start:len(b):len(b)])
		buf = b
		for k := e.first; k != nil; k = k.next {
			if k.elem != nil {
				write(k.elem, e.ref)
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
		pt = append(pt, " ["...)
		if p < len(t.marks) {
			for i, e := range t.marks[p] {
				if i > 0 {
					pt = append(pt, ' ')
				}
				pt = appendRef(pt, e.ref)
			}
		}
		pt = append(pt, ']')
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
