package pdf

import "unicode"

// atom is the unit the line breaker works on: one character, or a check
// box drawn in place of a character. w is its advance width in mm.
type atom struct {
	r   rune // the character; boxRune for a check box
	w   float64
	run int32 // index of the styled piece the atom belongs to
	fnt int16 // index of the face drawing it in the font table
	// glue forbids a normal line break before the atom, as inside a
	// superscript note reference; only a unit wider than the line may
	// still be cut there.
	glue bool
}

// boxRune stands for a check box in an atom. It lies in a private-use
// area, so it never collides with text a document carries.
const boxRune rune = 0xF8FF0

// span is one line: atoms[start:end] are drawn; atoms[end:next] are the
// spaces the line broke at or the "\n" that forced the break, and are not
// drawn. The next line starts at next.
type span struct {
	start, end, next int
}

// forced reports whether the line ended at a "\n".
func (s span) forced(a []atom) bool {
	return s.end < len(a) && a[s.end].r == '\n'
}

// noStart lists characters no line may start with, noEnd those no line
// may end with (禁則處理). The brief's sets come first; the rest are the
// full-width and curly variants of the same marks.
const (
	noStart = "，。、；：？！）」』】〉》〕．,.;:!?)]}%" + "”’〗〙｝］％…‥"
	noEnd   = "（「『【〈《〔([{" + "“‘〖〘｛［"
)

var noStartSet, noEndSet = runeSet(noStart), runeSet(noEnd)

func runeSet(s string) map[rune]bool {
	m := make(map[rune]bool)
	for _, r := range s {
		m[r] = true
	}
	return m
}

// isSpace reports whether r is a breakable space: a line may break at a
// run of them, which is then not drawn. The ideographic space U+3000 is
// not one: it is a full-width character.
func isSpace(r rune) bool { return r == ' ' || r == '\t' }

// isWord reports whether r belongs to a word that must not be broken:
// Latin, Greek or Cyrillic letters, digits and ASCII punctuation, as in
// "P1.1.1" or "e-mail". Han, kana, hangul, full-width forms and symbols
// are not words: a line may break before and after each of them.
func isWord(r rune) bool {
	switch {
	case r < 0x80:
		return r > ' ' && r != 0x7f
	case r < 0x300:
		return r >= 0xa0 // Latin-1 (with the no-break space) and Latin Extended
	case r == boxRune:
		return false
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo):
		return false
	case r >= 0xff00 && r <= 0xffef: // half- and full-width forms
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// kinsokuOK reports whether a line may end with before and the next one
// start with after. A check box sticks to the text that follows it.
func kinsokuOK(before, after rune) bool {
	return !noEndSet[before] && before != boxRune && !noStartSet[after]
}

// canBreak reports whether a line may break between two adjacent
// non-space characters in the normal course: anywhere except inside a
// word, and never against the kinsoku rules.
func canBreak(before, after rune) bool {
	if isWord(before) && isWord(after) {
		return false
	}
	return kinsokuOK(before, after)
}

// breakLines breaks atoms into lines: the first no wider than first, the
// others no wider than rest (both in mm). Lines break between CJK
// characters, at runs of spaces and at "\n"; never inside a word, and
// never so that a line starts with a character of noStart or ends with one
// of noEnd. A word wider than a whole line is broken between letters
// where the kinsoku rules allow; a run with no allowed break at all is
// left whole and may be wider than the line. Joining the lines with the
// atoms between them gives back the input.
func breakLines(a []atom, first, rest float64) []span {
	glueBrackets(a)
	var lines []span
	start := 0
	for {
		width := rest
		if len(lines) == 0 {
			width = first
		}
		end, next := fitLine(a, start, width)
		lines = append(lines, span{start, end, next})
		if next >= len(a) && !(end < len(a) && a[end].r == '\n') {
			return lines
		}
		start = next
	}
}

// maxBracket is the longest 【…】 kept on one line, in characters: a note
// reference such as 【註12】 is not broken, a long bracketed phrase is.
const maxBracket = 8

// glueBrackets glues the inside of short 【…】 to their opening bracket.
func glueBrackets(a []atom) {
	for i := range a {
		if a[i].r != '【' {
			continue
		}
		for j := i + 1; j < len(a) && j <= i+maxBracket; j++ {
			if r := a[j].r; r == '】' {
				for k := i + 1; k <= j; k++ {
					a[k].glue = true
				}
				break
			} else if r == '【' || r == '\n' {
				break
			}
		}
	}
}

// fitLine finds where the line starting at s ends (end) and the next one
// starts (next), for a line width of width mm.
func fitLine(a []atom, s int, width float64) (end, next int) {
	best, bestNext := -1, -1 // last allowed break that fits
	overflow := false        // the line is already wider than width
	x := 0.0
	for i := s; i < len(a); {
		r := a[i].r
		if r == '\n' {
			return i, i + 1
		}
		if isSpace(r) {
			j := i
			for j < len(a) && isSpace(a[j].r) {
				x += a[j].w
				j++
			}
			if i > s && j < len(a) && a[j].r != '\n' && !a[i].glue && !a[j].glue && kinsokuOK(a[i-1].r, a[j].r) {
				if overflow {
					return i, j
				}
				best, bestNext = i, j
			}
			i = j
			continue
		}
		if i > s && !isSpace(a[i-1].r) {
			switch {
			case !a[i].glue && canBreak(a[i-1].r, r):
				if overflow {
					return i, i
				}
				best, bestNext = i, i
			case overflow && kinsokuOK(a[i-1].r, r):
				return i, i // the first way out of an over-wide word
			}
		}
		if !overflow && i > s && x+a[i].w > width {
			if best > s {
				return best, bestNext
			}
			// No break so far: the line is one word wider than the
			// box. Break it between letters, as late as fits.
			for k := i; k > s; k-- {
				if !isSpace(a[k-1].r) && !isSpace(a[k].r) && kinsokuOK(a[k-1].r, a[k].r) {
					return k, k
				}
			}
			overflow = true
		}
		x += a[i].w
		i++
	}
	return len(a), len(a)
}

// widestWord returns the width (mm) of the widest run of atoms that the
// line breaker keeps together in the normal course: a word, or glued
// characters such as a short 【註1】.
func widestWord(a []atom) float64 {
	best, w := 0.0, 0.0
	for i := range a {
		if isSpace(a[i].r) || a[i].r == '\n' {
			w = 0
			continue
		}
		if i > 0 && !a[i].glue && !isSpace(a[i-1].r) && canBreak(a[i-1].r, a[i].r) {
			w = 0
		}
		w += a[i].w
		best = max(best, w)
	}
	return best
}
