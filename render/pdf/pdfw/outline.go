package pdfw

import "strconv"

// Bookmark is an entry of the document outline: a title that shows a
// place of a page, and the entries under it.
type Bookmark struct {
	Title string
	// Page counts from 0; Y is the height of the place on the page, in
	// points from the bottom.
	Page int
	Y    float64
	Kids []*Bookmark
	// Closed hides the entries under this one until the reader opens it.
	Closed bool
}

// addOutline writes the outline and returns its root.
func addOutline(fl *file, items []*Bookmark, pages []Ref, sizes []page) Ref {
	root := fl.alloc()
	first, last, count := addBookmarks(fl, root, items, pages, sizes)
	b := []byte("<</Type/Outlines/First ")
	b = appendRef(b, first)
	b = append(b, "/Last "...)
	b = appendRef(b, last)
	b = append(b, "/Count "...)
	b = strconv.AppendInt(b, int64(count), 10)
	fl.set(root, append(b, ">>"...))
	return root
}

// addBookmarks writes the entries of one level and returns the first
// and last, and how many entries are visible when the level is.
func addBookmarks(fl *file, parent Ref, items []*Bookmark, pages []Ref, sizes []page) (first, last Ref, visible int) {
	refs := make([]Ref, len(items))
	for i := range items {
		refs[i] = fl.alloc()
	}
	for i, it := range items {
		b := []byte("<</Title")
		b = appendText(b, it.Title)
		b = append(b, "/Parent "...)
		b = appendRef(b, parent)
		if i > 0 {
			b = append(b, "/Prev "...)
			b = appendRef(b, refs[i-1])
		}
		if i+1 < len(items) {
			b = append(b, "/Next "...)
			b = appendRef(b, refs[i+1])
		}
		if len(it.Kids) > 0 {
			f, l, n := addBookmarks(fl, refs[i], it.Kids, pages, sizes)
			b = append(b, "/First "...)
			b = appendRef(b, f)
			b = append(b, "/Last "...)
			b = appendRef(b, l)
			if it.Closed {
				n = -n
			} else {
				visible += n
			}
			b = append(b, "/Count "...)
			b = strconv.AppendInt(b, int64(n), 10)
		}
		if p := min(max(it.Page, 0), len(pages)-1); p >= 0 {
			b = append(b, "/Dest["...)
			b = appendRef(b, pages[p])
			b = append(b, "/XYZ 0 "...)
			b = appendNum(b, min(it.Y, sizes[p].h))
			b = append(b, " null]"...)
		}
		fl.set(refs[i], append(b, ">>"...))
		visible++
	}
	return refs[0], refs[len(refs)-1], visible
}
