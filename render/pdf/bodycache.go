package pdf

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"math"
	"slices"

	"github.com/ocs-project/ocs/render/pdf/pdfw"
)

// bodyCache keeps the content of page bodies drawn before, for a Renderer
// with a template: the body of a form page that draws only texts the
// template draws comes out the same from candidate to candidate, and is
// drawn once. An entry is found by what the body draws, encoded whole
// (bodyKey), and the fonts it draws with. It is safe for concurrent use
// and holds at most maxBodies bodies.
type bodyCache struct{ buckets[*bodyEntry] }

// bodyEntry is a page body drawn: its key, the fonts the key numbers, and
// its content, finished (pdfw.Content.Bytes) and only read since.
type bodyEntry struct {
	key   []byte
	fonts []*pdfw.Font
	c     *pdfw.Content
}

// maxBodies bounds the bodies a cache keeps; it starts afresh beyond. A
// body is some 10 KB of content and as much of key.
const maxBodies = 256

func newBodyCache() *bodyCache {
	return &bodyCache{newBuckets[*bodyEntry](maxBodies)}
}

// get returns the content of the body with key and fonts, or nil.
func (c *bodyCache) get(key []byte, fonts []*pdfw.Font) *pdfw.Content {
	if key == nil {
		return nil
	}
	k := maphash.Bytes(c.seed, key)
	e, ok := c.find(k, func(e *bodyEntry) bool { return bytes.Equal(e.key, key) && slices.Equal(e.fonts, fonts) })
	if !ok {
		return nil
	}
	return e.c
}

// put keeps content, the body with key and fonts, finishing it.
func (c *bodyCache) put(key []byte, fonts []*pdfw.Font, content *pdfw.Content) {
	content.Bytes()
	e := &bodyEntry{key: slices.Clone(key), fonts: fonts, c: content}
	k := maphash.Bytes(c.seed, key)
	c.add(k, e)
}

// bodyKey appends to dst all that the body of a page, with texts, draws
// as pageWriter.body draws it, and returns it with the fonts the texts
// are drawn with, which it numbers; nil when the body draws a text that
// the template does not draw with the same font (a name), which no other
// document draws alike. Such a text alone needs the document's font of
// the characters outside the template: a text the template draws is
// drawn with the template's font.
func (pw *pageWriter) bodyKey(dst []byte, pg *page, texts []op) ([]byte, []*pdfw.Font) {
	num := func(x float64) { dst = binary.LittleEndian.AppendUint64(dst, math.Float64bits(x)) }
	str := func(s string) {
		dst = binary.AppendUvarint(dst, uint64(len(s)))
		dst = append(dst, s...)
	}
	shapes := func(ops []op) {
		dst = binary.AppendUvarint(dst, uint64(len(ops)))
		for i := range ops {
			o := &ops[i]
			dst = append(dst, byte(o.kind), o.color.R, o.color.G, o.color.B)
			if o.color.Set {
				dst = append(dst, 1)
			} else {
				dst = append(dst, 0)
			}
			num(o.x)
			num(o.y)
			num(o.w)
			num(o.h)
			num(o.size)
			num(o.stroke)
		}
	}
	n := len(pg.fills) + len(pg.images) + len(texts) + len(pg.rules)
	dst = slices.Grow(dst, 64*n) // 53 bytes a shape, some 10 a text's font, element and text
	num(pw.h)
	shapes(pg.fills)
	str(pw.logo)
	shapes(pg.images)
	shapes(texts)
	shapes(pg.rules)
	var fonts []*pdfw.Font
	for j := range texts {
		o := &texts[j]
		if !pw.known[o.ent][o.text] {
			return nil, nil
		}
		e := &pw.emb[o.ent]
		k := slices.Index(fonts, e.fonts[0])
		if k < 0 {
			k = len(fonts)
			fonts = append(fonts, e.fonts[0])
		}
		dst = binary.AppendUvarint(dst, uint64(k))
		str(e.names[0])
		switch {
		case j > 0 && o.el == texts[j-1].el:
			dst = append(dst, 0) // the element, or none, of the text before
		case o.el == nil:
			dst = append(dst, 1)
		default:
			dst = append(dst, 2)
			str(o.el.Type)
		}
		str(o.text)
	}
	return dst, fonts
}

// markBody makes the marked-content ids of a body's texts on page i, as
// pageWriter.body does, for a body whose content is taken from the cache.
func markBody(t *pdfw.Tree, texts []op, i int) {
	for j, o := range texts {
		if o.el != nil && (j == 0 || o.el != texts[j-1].el) {
			t.Mark(o.el, i)
		}
	}
}
