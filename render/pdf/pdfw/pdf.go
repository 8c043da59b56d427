package pdfw

import (
	"slices"
	"strconv"
	"time"
)

// Info is a document's metadata, written both as the document
// information dictionary and as XMP.
type Info struct {
	Title, Subject, Keywords, Author string
	Creator, Producer                string
	// Lang is the natural language of the text (BCP 47, e.g. zh-TW).
	Lang string
	// Date is the creation and modification date.
	Date time.Time
}

// Link is a rectangle of a page that opens a URI, in points from the
// bottom left corner.
type Link struct {
	X, Y, W, H float64
	URI        string
	// Alt describes the link for assistive technology.
	Alt string
}

// page is a page as added.
type page struct {
	w, h     float64
	contents []encoded // compressed when added: a long document holds them all
	links    []Link
}

// Doc is one PDF document being built. Its zero value is not usable:
// make one with New.
type Doc struct {
	Info Info
	// Tree, when set, makes the document a tagged PDF with this
	// structure tree.
	Tree *Tree
	// Outline is the document's bookmarks, in order.
	Outline []*Bookmark
	// Cache, when set, keeps the streams compressed for this document
	// for the next ones, and gives those the earlier ones compressed.
	Cache *Cache

	pages  []page
	fonts  []*Font
	images []*Image
}

// New returns an empty document.
func New(info Info) *Doc { return &Doc{Info: info} }

// AddFont makes f available to the pages and returns its resource name.
// Adding the same font again returns the same name.
func (d *Doc) AddFont(f *Font) string { return resource(&d.fonts, f, "F") }

// AddImage makes img available to the pages and returns its resource
// name.
func (d *Doc) AddImage(img *Image) string { return resource(&d.images, img, "Im") }

// resource returns the name of v among the resources of a kind, named
// prefix and a number from 1, adding v when it is not there yet.
func resource[T comparable](list *[]T, v T, prefix string) string {
	i := slices.Index(*list, v)
	if i < 0 {
		*list = append(*list, v)
		i = len(*list) - 1
	}
	return prefix + strconv.Itoa(i+1)
}

// AddPage adds a page w × h points large, drawn by content.
func (d *Doc) AddPage(w, h float64, content *Content, links ...Link) {
	d.AddPageParts(w, h, []*Content{content}, links...)
}

// AddPageParts adds a page drawn by several content streams in turn, each
// starting from the default graphics state (all but the last are saved
// and restored around, q … Q). With a Cache, a part that recurs from
// document to document, such as the body of a form page whose footer
// names the candidate, is compressed once; so is each piece of a part
// that Content.Cut divided.
func (d *Doc) AddPageParts(w, h float64, parts []*Content, links ...Link) {
	var cs []encoded
	for i, c := range parts {
		ps := c.pieces()
		if i < len(parts)-1 {
			first := make([]byte, 0, len(ps[0])+4)
			ps[0] = append(append(first, "q\n"...), ps[0]...)
			last := len(ps) - 1
			if last > 0 {
				ps[last] = slices.Clip(ps[last]) // c's buffer is c's
			}
			ps[last] = append(ps[last], "Q\n"...)
		}
		for _, p := range ps {
			cs = append(cs, encode(d.Cache, p))
		}
	}
	d.pages = append(d.pages, page{w: w, h: h, contents: cs, links: links})
}

// Pages returns the number of pages added.
func (d *Doc) Pages() int { return len(d.pages) }

// Bytes writes the document.
func (d *Doc) Bytes() []byte {
	fl := file{cache: d.Cache}
	catalog := fl.alloc()
	pagesRef := fl.alloc()
	// Resources shared by every page.
	res := []byte("<<")
	res = appendResources(res, "/Font", "F", d.fonts, func(f *Font) Ref { return f.add(&fl) })
	res = appendResources(res, "/XObject", "Im", d.images, func(img *Image) Ref { return img.add(&fl) })
	res = append(res, ">>"...)
	resRef := fl.add(res)

	pageRefs := make([]Ref, len(d.pages))
	for i := range d.pages {
		pageRefs[i] = fl.alloc()
	}
	for i, p := range d.pages {
		contents := make([]Ref, len(p.contents))
		for j, c := range p.contents {
			contents[j] = fl.addEncoded("", c)
		}
		b := []byte("<</Type/Page/Parent ")
		b = appendRef(b, pagesRef)
		b = append(b, "/MediaBox[0 0 "...)
		b = appendNum(b, p.w)
		b = append(b, ' ')
		b = appendNum(b, p.h)
		b = append(b, "]/Resources "...)
		b = appendRef(b, resRef)
		b = append(b, "/Contents"...)
		if len(contents) == 1 {
			b = append(b, ' ')
			b = appendRef(b, contents[0])
		} else {
			b = appendRefs(b, contents)
		}
		if d.Tree != nil {
			b = append(b, "/StructParents "...)
			b = strconv.AppendInt(b, int64(i), 10)
			b = append(b, "/Tabs/S"...)
		}
		if len(p.links) > 0 {
			annots := make([]Ref, len(p.links))
			for j, l := range p.links {
				annots[j] = fl.add(l.annot())
			}
			b = append(b, "/Annots"...)
			b = appendRefs(b, annots)
		}
		fl.set(pageRefs[i], append(b, ">>"...))
	}
	kids := appendRefs([]byte("<</Type/Pages/Kids"), pageRefs)
	kids = append(kids, "/Count "...)
	kids = strconv.AppendInt(kids, int64(len(pageRefs)), 10)
	fl.set(pagesRef, append(kids, ">>"...))

	cat := []byte("<</Type/Catalog/Pages ")
	cat = appendRef(cat, pagesRef)
	cat = append(cat, "/Metadata "...)
	cat = appendRef(cat, fl.addStream("/Type/Metadata/Subtype/XML", d.Info.xmp(d.Tree != nil)))
	if d.Info.Lang != "" {
		cat = append(cat, "/Lang"...)
		cat = appendText(cat, d.Info.Lang)
	}
	cat = append(cat, "/ViewerPreferences<</DisplayDocTitle true>>"...)
	if d.Tree != nil {
		cat = append(cat, "/MarkInfo<</Marked true>>/StructTreeRoot "...)
		cat = appendRef(cat, d.Tree.add(&fl, pageRefs))
	}
	if len(d.Outline) > 0 {
		cat = append(cat, "/Outlines "...)
		cat = appendRef(cat, addOutline(&fl, d.Outline, pageRefs, d.pages))
		cat = append(cat, "/PageMode/UseOutlines"...)
	}
	fl.set(catalog, append(cat, ">>"...))
	return fl.bytes(catalog, fl.addLate(d.Info.dict()))
}

// appendResources appends a resource dictionary of one kind, key, naming
// each resource prefix and its number from 1; add writes a resource.
func appendResources[T any](dst []byte, key, prefix string, list []T, add func(T) Ref) []byte {
	if len(list) == 0 {
		return dst
	}
	dst = append(dst, key...)
	dst = append(dst, "<<"...)
	for i, v := range list {
		dst = appendName(dst, prefix+strconv.Itoa(i+1))
		dst = append(dst, ' ')
		dst = appendRef(dst, add(v))
	}
	return append(dst, ">>"...)
}

// annot writes the link annotation.
func (l Link) annot() []byte {
	b := []byte("<</Type/Annot/Subtype/Link/Rect[")
	for i, v := range []float64{l.X, l.Y, l.X + l.W, l.Y + l.H} {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendNum(b, v)
	}
	b = append(b, "]/Border[0 0 0]/F 4"...)
	if l.Alt != "" {
		b = append(b, "/Contents"...)
		b = appendText(b, l.Alt)
	}
	b = append(b, "/A<</S/URI/URI"...)
	b = appendLiteral(b, []byte(l.URI))
	return append(b, ">>>>"...)
}
