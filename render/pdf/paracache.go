package pdf

import (
	"hash/maphash"
	"slices"

	"github.com/ocs-project/ocs/fonts"
)

// paraCache keeps paragraphs broken into lines, for a Renderer whose
// documents repeat one another's paragraphs (the forms of a roster, the
// standards of a build). A paragraph's lines depend on its runs, style
// and width and on the faces drawing its characters; lines refer to
// faces by their entry in a document's face table, so a cached layout is
// used only where the entries it refers to are the same faces. It is safe
// for concurrent use and holds at most maxParas paragraphs.
type paraCache struct{ buckets[*paraEntry] }

// paraEntry is a paragraph as laid out: what it was laid out from, the
// faces its entries were, and its lines (never changed once stored).
type paraEntry struct {
	p     para
	width float64
	faces []entFace
	lines []tline
}

// entFace is a face entry index and the face it was.
type entFace struct {
	ent  int16
	face *fonts.Face
}

// maxParas bounds the paragraphs a cache keeps; it starts afresh beyond.
const maxParas = 50000

func newParaCache() *paraCache {
	return &paraCache{newBuckets[*paraEntry](maxParas)}
}

func (c *paraCache) key(p *para, width float64) uint64 {
	var h maphash.Hash
	h.SetSeed(c.seed)
	for _, r := range p.runs {
		h.WriteString(r.Text)
		h.WriteByte(0)
	}
	maphash.WriteComparable(&h, p.style)
	maphash.WriteComparable(&h, [3]float64{p.indent, p.hanging, width})
	return h.Sum64()
}

// get returns a copy of the lines of p laid out at width for face table
// t, or nil.
func (c *paraCache) get(t *faceTable, p *para, width float64, k uint64) []tline {
	e, ok := c.find(k, func(e *paraEntry) bool {
		if e.width != width || e.p.style != p.style || e.p.align != p.align || e.p.indent != p.indent ||
			e.p.hanging != p.hanging || !slices.Equal(e.p.runs, p.runs) {
			return false
		}
		for _, f := range e.faces {
			if int(f.ent) >= len(t.entries) || t.entries[f.ent].face != f.face {
				return false
			}
		}
		return true
	})
	if !ok {
		return nil
	}
	return slices.Clone(e.lines)
}

// put keeps a copy of the lines of p laid out at width for face table t.
func (c *paraCache) put(t *faceTable, p *para, width float64, k uint64, lines []tline) {
	e := &paraEntry{p: *p, width: width, lines: slices.Clone(lines)}
	e.p.runs = slices.Clone(p.runs)
	for _, l := range lines {
		for _, fr := range l.frags {
			if !slices.ContainsFunc(e.faces, func(f entFace) bool { return f.ent == fr.ent }) {
				e.faces = append(e.faces, entFace{fr.ent, t.entries[fr.ent].face})
			}
		}
	}
	c.add(k, e)
}

// layoutPara breaks a paragraph into lines for a box width mm wide,
// through t's paragraph cache when it has one.
func layoutPara(t *faceTable, p para, width float64) []tline {
	c := t.paras
	if c == nil {
		return breakPara(t, p, width)
	}
	k := c.key(&p, width)
	if lines := c.get(t, &p, width, k); lines != nil {
		return lines
	}
	lines := breakPara(t, p, width)
	c.put(t, &p, width, k, lines)
	return lines
}
