package pdf

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/render"
)

// faceTable picks the face of every character and measures characters,
// caching both. It embeds no font: once the pages are laid out, write
// embeds each face cut down to what it draws.
type faceTable struct {
	set     *fonts.Set
	entries []faceEntry
	index   map[*fonts.Face]int16
	plain   map[rune]int16 // face entry per character, regular text
	bold    map[rune]int16 // face entry per character, bold text
	err     error          // first error reading a face's metrics
	metrics func(*fonts.Face) (*fonts.Metrics, error)
	paras   *paraCache  // paragraphs laid out before, or nil
	tables  *tableCache // tables laid out before, or nil
	seen    charSet     // the characters coverage found
	early   [][]rune    // ahead's result, once prefetch asked for it
}

// faceEntry is one face as drawn: the font it is registered as, and
// whether it is emboldened by stroking.
type faceEntry struct {
	face      *fonts.Face
	metrics   *fonts.Metrics
	ref       fontRef
	synthetic bool
	widths    map[rune]float64 // advance in mm at 1 pt
}

func newFaceTable(set *fonts.Set, metrics func(*fonts.Face) (*fonts.Metrics, error)) *faceTable {
	if metrics == nil {
		metrics = (*fonts.Face).Metrics
	}
	return &faceTable{
		set:     set,
		metrics: metrics,
		index:   make(map[*fonts.Face]int16),
		plain:   make(map[rune]int16),
		bold:    make(map[rune]int16),
	}
}

// lookup returns the entry drawing r, in bold or not. A character no face
// has is drawn (as the font's empty box) by the regular face: the caller
// has either reported it or been told to allow it.
func (t *faceTable) lookup(r rune, bold bool) int16 {
	cache := t.plain
	if bold {
		cache = t.bold
	}
	if i, ok := cache[r]; ok {
		return i
	}
	f := t.set.Face(r, bold)
	if f == nil {
		f = t.set.Regular
		if bold && t.set.Bold != nil {
			f = t.set.Bold
		}
	}
	i := t.entry(f)
	cache[r] = i
	return i
}

// entry returns the index of f's entry, reading its metrics the first
// time.
func (t *faceTable) entry(f *fonts.Face) int16 {
	if i, ok := t.index[f]; ok {
		return i
	}
	ref := fontRef{family: fontFamily(f.Name)}
	if f == t.set.Bold && !f.SyntheticBold {
		ref.style = "B"
	}
	m, err := t.metrics(f)
	if err != nil && t.err == nil {
		t.err = err
	}
	i := int16(len(t.entries))
	t.entries = append(t.entries, faceEntry{face: f, metrics: m, ref: ref, synthetic: f.SyntheticBold, widths: make(map[rune]float64)})
	t.index[f] = i
	return i
}

// extend reports whether t is a face table a layout that started with
// entries of the faces before and added entries of the faces added would
// give the same result with: t's first entries are before, and the next
// ones, as far as it has them, the first of added. It then adds the rest
// of added, as that layout would have.
func (t *faceTable) extend(before, added []*fonts.Face) bool {
	n := len(before)
	if len(t.entries) < n || len(t.entries) > n+len(added) {
		return false
	}
	for i := range t.entries {
		var f *fonts.Face
		if i < n {
			f = before[i]
		} else {
			f = added[i-n]
		}
		if t.entries[i].face != f {
			return false
		}
	}
	for _, f := range added[len(t.entries)-n:] {
		t.entry(f)
	}
	return true
}

// fontFamily makes a PDF font family name of a face name: letters,
// digits and hyphens only.
func fontFamily(name string) string {
	s := strings.Map(func(r rune) rune {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
			return r
		}
		return '-'
	}, name)
	if strings.Trim(s, "-") == "" {
		return "font"
	}
	return s
}

// width returns the advance of r in entry i at size points, in mm.
func (t *faceTable) width(i int16, r rune, size float64) float64 {
	e := &t.entries[i]
	w, ok := e.widths[r]
	if !ok {
		if e.face.Has(r) && e.metrics != nil {
			w = float64(e.units(r)) * ptMM / 1000
		} else {
			w = ptMM // the empty box of a missing glyph: one em
		}
		e.widths[r] = w
	}
	return w * size
}

// units returns the advance of r in thousandths of an em, rounded: the
// width the PDF font gives r (its W array), so the layout places glyphs
// exactly where the PDF's widths put them.
func (e *faceEntry) units(r rune) int {
	adv := e.metrics.Advance(e.metrics.Glyph(r))
	return int(math.Round(1000.0 / float64(e.metrics.UnitsPerEm()) * float64(adv)))
}

// coverage checks that some face draws every character the document
// shows, and makes entries for the faces that draw them. It returns the fonts
// package's *MissingError naming each missing character and where it
// occurs, unless missing characters are allowed.
func (t *faceTable) coverage(doc *render.Document, allowMissing bool) error {
	missing := false
	seen := &t.seen
	drawn := *doc
	drawn.Meta = render.Meta{} // not drawn
	extras(&drawn, func(_, text string) {
		for _, r := range text {
			if seen.add(r) && !unicode.IsControl(r) {
				t.lookup(r, false)
				missing = missing || t.set.Face(r, false) == nil
			}
		}
	}, func(fn func(string, string)) {
		render.WalkTexts(&drawn, func(text string) { fn("", text) })
	})
	if missing && !allowMissing {
		// Only now gather where each character occurs, for the message.
		if err := fonts.Check(t.set, func(fn func(path, text string)) { texts(doc, fn) }).Err(); err != nil {
			return err
		}
	}
	return t.err
}

// groups returns, for each entry, the first entry of the same font
// (fontRef): the entries of a group draw with one embedded font.
func (t *faceTable) groups() []int {
	group := make([]int, len(t.entries))
	for i, e := range t.entries {
		group[i] = i
		for j := range i {
			if t.entries[j].ref == e.ref {
				group[i] = j
				break
			}
		}
	}
	return group
}

// ahead returns, for the first entry of each group (groups), the
// characters coverage found its font drawing in plain text when they are
// at least prefetchRunes, nil otherwise: a font worth making before the
// pages are laid out. It may hold a few characters the pages do not
// draw after all, such as the 續 of a table's continuation label when
// the table fits on one page. It is made once, after coverage: the
// entries layout adds later draw in bold, which coverage does not look
// up.
func (t *faceTable) ahead() [][]rune {
	if t.early != nil {
		return t.early
	}
	group := t.groups()
	lists := make([][]rune, len(t.entries))
	for _, r := range t.seen.sorted() {
		if !unicode.IsControl(r) {
			g := group[t.lookup(r, false)]
			lists[g] = append(lists[g], r)
		}
	}
	for g, list := range lists {
		if len(list) < prefetchRunes {
			lists[g] = nil
		}
	}
	t.early = lists
	return lists
}

// prefetchRunes is the fewest characters of a face worth making its font
// ahead for: a CJK face's, whose subset and compression take
// milliseconds, not a Latin face's few dozen.
const prefetchRunes = 128

// texts calls fn with every text the document draws and where it stands:
// the texts render.Walk yields but the metadata, and the list markers,
// check marks and page numbers the backend adds.
func texts(doc *render.Document, fn func(where, text string)) {
	extras(doc, fn, func(fn func(string, string)) {
		render.Walk(doc, func(where, text string) {
			if !strings.HasPrefix(where, "meta.") {
				fn(where, text)
			}
		})
	})
}

// extras calls walk with fn, then fn with the texts the backend adds to
// the document's: list markers, check marks and page numbers.
func extras(doc *render.Document, fn func(where, text string), walk func(func(where, text string))) {
	walk(fn)
	for i, b := range doc.Blocks {
		if l, ok := b.(*render.List); ok {
			fn(fmt.Sprintf("blocks[%d].bullet", i), listMarkerChars(l))
		}
	}
	if hasCheckedBox(doc) {
		fn("check boxes", checkMark)
	}
	fn("page numbers", "0123456789")
}

// hasCheckedBox reports whether any run of doc is a ticked check box.
func hasCheckedBox(doc *render.Document) bool {
	found := false
	check := func(runs []render.Run) {
		for _, r := range runs {
			found = found || (r.Box && r.Checked)
		}
	}
	paras := func(ps []render.Paragraph) {
		for _, p := range ps {
			check(p.Runs)
		}
	}
	for _, b := range doc.Blocks {
		switch b := b.(type) {
		case *render.Heading:
			check(b.Runs)
		case *render.Paragraph:
			check(b.Runs)
		case *render.Table:
			for _, row := range b.Rows {
				for _, c := range row.Cells {
					paras(c.Paras)
				}
			}
		case *render.KeyValue:
			for _, p := range b.Pairs {
				paras(p.Value)
			}
		case *render.List:
			for _, it := range b.Items {
				check(it)
			}
		}
	}
	return found
}
