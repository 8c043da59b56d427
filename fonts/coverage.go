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
	// Fields is the number of distinct fields it occurs in.
	Fields int
	// Paths are the first MaxPaths of the fields it occurs in, each
	// once, in reading order.
	Paths []string
	// Face is the face that draws it, nil when none of the set can.
	Face *Face
	// Holder, for a character no face can draw, is a face that has the
	// glyph but cannot be used for it because the character is above
	// the set's MaxRune; nil otherwise.
	Holder *Face
}

// String returns the character and its code point, such as "𠀀 U+20000".
func (c Char) String() string { return fmt.Sprintf("%c U+%04X", c.Rune, c.Rune) }

// MaxPaths is how many field paths a Char lists at most: enough for any
// message, while a character that occurs in every one of 100 000 fields
// costs no more than one that occurs in a hundred. Char.Fields counts
// them all.
const MaxPaths = 100

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
	chars := collect(texts, s.mayReport)
	return s.report(chars)
}

// mayReport reports whether a report of s, or of a set Cover makes of it,
// can list r as missing or drawn by a fallback face: whether neither the
// regular face nor the Latin face draws it. Only such characters need
// their paths.
func (s *Set) mayReport(r rune) bool {
	f := s.Face(r, false)
	return f == nil || f != s.Regular && f != s.Latin
}

// collect gathers the distinct characters of texts in first-seen order.
// It costs time and memory linear in the size of the texts and keeps at
// most MaxPaths field paths per character. A character is counted once
// per field: consecutive occurrences are told apart by the id of the
// last field each character was seen in, and only fields that are
// yielded more than once (Texts rarely does that) need a set of their
// (character, field) pairs. Paths are kept only for the characters
// withPaths reports, for all when it is nil: a report lists the others
// nowhere.
func collect(texts Texts, withPaths func(rune) bool) []*Char {
	type entry struct {
		char  *Char
		last  int  // id of the field the character was last seen in, or -1
		paths bool // the character's paths are kept
	}
	type field struct {
		id    int
		first string // the text of its first yield
		again bool   // yielded more than once: pairs holds its characters
	}
	var order []*Char
	seen := map[rune]*entry{}
	fields := map[string]*field{}
	pairs := map[[2]int]bool{} // (character, field id) of fields yielded again
	texts(func(path, text string) {
		f := fields[path]
		switch {
		case f == nil:
			f = &field{id: len(fields), first: text}
			fields[path] = f
		case !f.again:
			f.again = true
			for _, r := range f.first {
				pairs[[2]int{int(r), f.id}] = true
			}
		}
		for _, r := range text {
			if skipRune(r) {
				continue
			}
			e := seen[r]
			if e == nil {
				e = &entry{char: &Char{Rune: r}, last: -1, paths: withPaths == nil || withPaths(r)}
				seen[r] = e
				order = append(order, e.char)
			}
			c := e.char
			c.Count++
			if e.last == f.id {
				continue
			}
			e.last = f.id
			if f.again {
				key := [2]int{int(r), f.id}
				if pairs[key] {
					continue
				}
				pairs[key] = true
			}
			c.Fields++
			if e.paths && len(c.Paths) < MaxPaths {
				c.Paths = append(c.Paths, path)
			}
		}
	})
	return order
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
		if c.Rune > s.MaxRune() {
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
		fmt.Fprintf(&b, "%s in %s", c, pathList(c.Paths, c.Fields))
		if c.Holder != nil {
			fmt.Fprintf(&b, " (%s has it, but PDF output cannot draw characters above U+FFFF)", c.Holder)
		}
	}
	b.WriteString("; add a font that has them with --fallback-font (or allow system fonts), " +
		"or replace them in the text; `ocs fonts check` lists them")
	return b.String()
}

// pathList names up to maxPaths of the fields paths lists and how many
// more of all fields there are.
func pathList(paths []string, fields int) string {
	fields = max(fields, len(paths))
	if fields <= maxPaths {
		return strings.Join(paths, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(paths[:min(maxPaths, len(paths))], ", "), fields-maxPaths)
}

// Warning is a character of a text that a fallback face draws, in one
// field: the document then mixes type faces, which its author should
// know. A renderer prints each one with the field's file and line.
type Warning struct {
	// Char is the character; Char.Face is the fallback face.
	Char Char
	// Path is the field the character occurs in.
	Path string
}

// String returns the warning without the field's place, such as
// "堃 U+5803 is drawn from the fallback font Noto Serif CJK TC
// (/usr/share/fonts/…#3), not from the main font".
func (w Warning) String() string {
	return fmt.Sprintf("%s is drawn from the fallback font %s, not from the main font", w.Char, w.Char.Face)
}

// Warnings returns a Warning for each field (up to MaxPaths per
// character) in which a character comes from a fallback face, by
// character in reading order of its first occurrence, then by field.
func (r *Report) Warnings() []Warning {
	var ws []Warning
	for _, c := range r.Fallback {
		for _, p := range c.Paths {
			ws = append(ws, Warning{Char: c, Path: p})
		}
	}
	return ws
}
