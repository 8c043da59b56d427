package pdf

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// wide reports a character set without spaces between neighbours: Han,
// kana, Hangul, CJK punctuation and full-width forms.
func wide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo) ||
		(r >= 0x2E80 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) || (r >= 0x3200 && r <= 0x33FF)
}

// lineOf is a line of glyphs.
type lineOf struct {
	glyphs         []glyph
	cy, size       float64
	x0, y0, x1, y1 float64
}

// lines groups glyphs into lines (by centre Y, with a tolerance of half
// the font size) and orders each line by X.
func lines(gs []glyph) []lineOf {
	gs = append([]glyph(nil), gs...)
	sort.SliceStable(gs, func(i, j int) bool {
		if gs[i].cy() != gs[j].cy() {
			return gs[i].cy() < gs[j].cy()
		}
		return gs[i].seq < gs[j].seq
	})
	var out []lineOf
	for _, g := range gs {
		if n := len(out); n > 0 && math.Abs(g.cy()-out[n-1].cy) <= 0.5*math.Max(g.size, out[n-1].size) {
			l := &out[n-1]
			l.glyphs = append(l.glyphs, g)
			l.size = math.Max(l.size, g.size)
			l.x0, l.y0 = math.Min(l.x0, g.x0), math.Min(l.y0, g.y0)
			l.x1, l.y1 = math.Max(l.x1, g.x1), math.Max(l.y1, g.y1)
			continue
		}
		out = append(out, lineOf{glyphs: []glyph{g}, cy: g.cy(), size: g.size, x0: g.x0, y0: g.y0, x1: g.x1, y1: g.y1})
	}
	for i := range out {
		l := out[i].glyphs
		sort.SliceStable(l, func(a, b int) bool {
			if l[a].x0 != l[b].x0 {
				return l[a].x0 < l[b].x0
			}
			return l[a].seq < l[b].seq
		})
	}
	return out
}

// lineText joins the glyphs of a line: never a space between wide
// characters; a space where the PDF shows no space glyph but a gap wider
// than 0.15 of the font size between other characters (a whole font size
// between a wide and a narrow one, so Word's automatic spacing between
// Han and Latin text adds nothing). A glyph drawn again
// over itself (fake bold by overprinting) counts once.
func lineText(l lineOf) string {
	var b strings.Builder
	var prev *glyph
	for i := range l.glyphs {
		g := &l.glyphs[i]
		if prev != nil {
			if g.text == prev.text && math.Abs(g.x0-prev.x0) < 0.05*g.size && math.Abs(g.cy()-prev.cy()) < 0.05*g.size {
				continue
			}
			pr, _ := lastRune(prev.text)
			gr, _ := firstRune(g.text)
			gap := g.x0 - prev.x1
			size := math.Max(g.size, prev.size)
			switch {
			case unicode.IsSpace(pr) || unicode.IsSpace(gr) || (wide(pr) && wide(gr)):
			case wide(pr) || wide(gr):
				if gap > size { // Latin beside Han: only a wide gap is a space
					b.WriteByte(' ')
				}
			case gap > 0.15*size:
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.text)
		prev = g
	}
	return b.String()
}

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

func lastRune(s string) (rune, bool) {
	rs := []rune(s)
	if len(rs) == 0 {
		return 0, false
	}
	return rs[len(rs)-1], true
}

// text joins the lines of a cell with "\n".
func text(gs []glyph) string {
	var parts []string
	for _, l := range lines(gs) {
		if s := lineText(l); strings.TrimSpace(s) != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "\n")
}
