package fonts

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/ocs-project/ocs/render"
)

// Texts yields every text of a document with the path of the field it
// comes from, in reading order. standard.Standard's Walk method and
// DocumentTexts fit it.
type Texts func(fn func(path, text string))

// DocumentTexts returns the texts of a render.Document, with paths such
// as "blocks[3].rows[2].cells[1].paras[0]".
func DocumentTexts(d *render.Document) Texts {
	return func(fn func(path, text string)) { render.Walk(d, fn) }
}

// Char is one distinct character of the checked texts and where it occurs.
type Char struct {
	Rune rune
	// Count is the number of times the character occurs.
	Count int
	// Paths are the fields it occurs in, each once, in reading order.
	Paths []string
	// Face is the face that draws it, nil when none of the set can.
	Face *Face
	// Holder, for a character no face can draw, is a face that has the
	// glyph but cannot be used for it because the character is above
	// MaxRune; nil otherwise.
	Holder *Face
}

// String returns the character and its code point, such as "𠀀 U+20000".
func (c Char) String() string { return fmt.Sprintf("%c U+%04X", c.Rune, c.Rune) }

// FaceUse is how many distinct characters one face of a set draws.
type FaceUse struct {
	Face  *Face
	Chars int
}

// Report is the coverage of texts by a font set.
type Report struct {
	// Set is the set the texts were checked against: the one to render
	// them with. With system fonts on, it includes the system fallback
	// faces that draw characters the configured faces lack.
	Set *Set
	// Chars is the number of distinct characters checked.
	Chars int
	// Missing are the characters no face can draw, in reading order of
	// their first occurrence. Rendering must stop (or warn) on them.
	Missing []Char
	// Fallback are the characters a fallback face draws, in reading
	// order: neither the regular nor the Latin face has them.
	Fallback []Char
	// Faces says how many characters each face draws, in the order of
	// Set.Faces (regular, Latin, fallbacks); faces that draw none are
	// left out.
	Faces []FaceUse
	// Skipped are system fonts that could not be used, with the reason.
	Skipped []string
}

// skipRune reports whether r needs no glyph: control characters such as
// tab and line feed, which backends turn into layout.
func skipRune(r rune) bool { return unicode.Is(unicode.Cc, r) }

// Check checks every character of texts against the set s and reports
// the characters no face draws, and where they occur. It does not look
// for system fonts; Set.Cover does.
func Check(s *Set, texts Texts) *Report {
	chars := collect(texts)
	return s.report(chars)
}

// collect gathers the distinct characters of texts in first-seen order.
func collect(texts Texts) []*Char {
	var order []*Char
	seen := map[rune]*Char{}
	lastPath := map[rune]string{}
	texts(func(path, text string) {
		for _, r := range text {
			if skipRune(r) {
				continue
			}
			c := seen[r]
			if c == nil {
				c = &Char{Rune: r}
				seen[r] = c
				order = append(order, c)
			}
			c.Count++
			if lp, ok := lastPath[r]; !ok || lp != path {
				if !contains(c.Paths, path) {
					c.Paths = append(c.Paths, path)
				}
				lastPath[r] = path
			}
		}
	})
	return order
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// report builds the Report of chars against s.
func (s *Set) report(chars []*Char) *Report {
	rep := &Report{Set: s, Chars: len(chars)}
	faces := s.Faces()
	index := make(map[*Face]int, len(faces))
	for i, f := range faces {
		index[f] = i
	}
	counts := make([]int, len(faces))
	for _, c := range chars {
		c.Face, c.Holder = nil, nil
		if c.Rune > MaxRune {
			for _, f := range faces {
				if f.Has(c.Rune) {
					c.Holder = f
					break
				}
			}
		} else if c.Face = s.Face(c.Rune, false); c.Face != nil {
			counts[index[c.Face]]++
		}
		switch {
		case c.Face == nil:
			rep.Missing = append(rep.Missing, *c)
		case c.Face != s.Regular && c.Face != s.Latin:
			rep.Fallback = append(rep.Fallback, *c)
		}
	}
	for i, f := range faces {
		if counts[i] > 0 {
			rep.Faces = append(rep.Faces, FaceUse{f, counts[i]})
		}
	}
	return rep
}

// OK reports whether every character can be drawn.
func (r *Report) OK() bool { return len(r.Missing) == 0 }

// Err returns a *MissingError listing the characters no face draws, or
// nil when there are none.
func (r *Report) Err() error {
	if r.OK() {
		return nil
	}
	return &MissingError{Chars: r.Missing}
}

// MissingError is the error for characters no font of a set can draw.
type MissingError struct {
	Chars []Char
}

// maxPaths is how many field paths messages name for one character.
const maxPaths = 3

func (e *MissingError) Error() string {
	var b strings.Builder
	if len(e.Chars) == 1 {
		b.WriteString("1 character is in none of the fonts: ")
	} else {
		fmt.Fprintf(&b, "%d characters are in none of the fonts: ", len(e.Chars))
	}
	for i, c := range e.Chars {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s in %s", c, pathList(c.Paths))
		if c.Holder != nil {
			fmt.Fprintf(&b, " (%s has it, but PDF output cannot draw characters above U+FFFF)", c.Holder)
		}
	}
	b.WriteString("; add a font that has them with --fallback-font (or allow system fonts), " +
		"or replace them in the text; `ocs fonts check` lists them")
	return b.String()
}

// pathList names up to maxPaths paths and how many more there are.
func pathList(paths []string) string {
	if len(paths) <= maxPaths {
		return strings.Join(paths, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(paths[:maxPaths], ", "), len(paths)-maxPaths)
}
