package fonts

import (
	"errors"
	"strconv"
)

// MaxRune is the highest character a Set serves unless Config.MaxRune
// says otherwise: the PDF library (fpdf) reads only a font's format 4
// (Basic Multilingual Plane) character map and fails on characters above
// U+FFFF, so by default a Set never serves them and coverage reports them
// as missing even when a face has them. A backend that draws them (the
// PDF writer that replaces fpdf) sets Config.MaxRune to unicode.MaxRune.
const MaxRune = 0xFFFF

// Set is the fonts a document is rendered with: a regular face, the face
// for bold text, Latin companion faces for Latin letters, digits and
// punctuation, and fallback faces tried in order for characters the
// regular face lacks. Make one with NewSet, Config.Load or DefaultSet,
// and add Latin faces with WithLatin; a Set is immutable and safe for
// concurrent use.
//
// Faces in a Set have distinct Names, except Bold, which carries the
// Regular face's Name so backends register it as the bold style of that
// family. When Bold.SyntheticBold is set, Bold shares Data with Regular:
// register the file once and embolden it when drawing. LatinBold, when
// it is a real bold face, has a Name of its own and is registered as a
// font of its own; when synthetic, it carries Latin's Name and Data.
type Set struct {
	Regular *Face
	Bold    *Face
	// Latin, when set, draws the characters IsLatin reports that it
	// has, before Regular and Fallbacks are asked: Latin letters, digits
	// and punctuation in a face made for them, as Word draws them with
	// its ASCII font. LatinBold draws them in bold text.
	Latin     *Face
	LatinBold *Face
	// Fallbacks are tried in order for characters Regular lacks.
	Fallbacks []*Face

	regularBold   *Face        // Regular emboldened, when Bold is a real bold face
	latinSynth    *Face        // Latin emboldened, when LatinBold is a real bold face
	boldFallbacks []*Face      // Fallbacks emboldened, index for index
	system        *systemFonts // system fallbacks for Cover; nil when off
	maxRune       rune         // the highest character served; 0 means MaxRune
}

// MaxRune returns the highest character the set serves (see MaxRune and
// Config.MaxRune).
func (s *Set) MaxRune() rune {
	if s.maxRune > 0 {
		return s.maxRune
	}
	return MaxRune
}

// NewSet makes a Set without Latin faces. A nil bold means synthetic
// bold of regular. Faces whose Name repeats an earlier one are copied
// under a new Name ("TW-Kai-2"); the faces passed in are not modified.
func NewSet(regular, bold *Face, fallbacks ...*Face) (*Set, error) {
	return newSet(regular, bold, nil, nil, fallbacks)
}

// WithLatin returns a copy of s that draws Latin characters with latin
// and, in bold text, with latinBold; a nil latinBold means synthetic bold
// of latin, and a nil latin a copy of s without Latin faces. A latinBold
// named like latin (as the bold file of a family often is) is renamed
// with " Bold" added, and any other repeated Name as NewSet does. The
// error is NewSet's, for a Set without a regular face.
func (s *Set) WithLatin(latin, latinBold *Face) (*Set, error) {
	t, err := newSet(s.Regular, s.Bold, latin, latinBold, s.Fallbacks)
	if err != nil {
		return nil, err
	}
	t.system, t.maxRune = s.system, s.maxRune
	return t, nil
}

// newSet makes a Set, giving each face a Name no earlier face has.
func newSet(regular, bold, latin, latinBold *Face, fallbacks []*Face) (*Set, error) {
	if regular == nil {
		return nil, errors.New("fonts: a font set needs a regular face")
	}
	s := &Set{Regular: regular}
	switch {
	case bold == nil:
		s.Bold = regular.Bolden()
	case bold.Name != regular.Name:
		b := *bold
		b.Name = regular.Name
		s.Bold = &b
	default:
		s.Bold = bold
	}
	if !s.Bold.SyntheticBold {
		s.regularBold = regular.Bolden()
	}
	used := map[string]bool{regular.Name: true}
	unique := func(f *Face) *Face {
		if used[f.Name] {
			c := *f
			for i := 2; used[c.Name]; i++ {
				c.Name = f.Name + "-" + strconv.Itoa(i)
			}
			f = &c
		}
		used[f.Name] = true
		return f
	}
	if latin != nil {
		s.Latin = unique(latin)
		switch {
		case latinBold == nil || latinBold.SyntheticBold:
			s.LatinBold = s.Latin.Bolden()
		default:
			if latinBold.Name == latin.Name {
				b := *latinBold
				b.Name += " Bold"
				latinBold = &b
			}
			s.LatinBold = unique(latinBold)
			s.latinSynth = s.Latin.Bolden()
		}
	}
	for _, f := range fallbacks {
		if f == nil {
			continue
		}
		f = unique(f)
		s.Fallbacks = append(s.Fallbacks, f)
		s.boldFallbacks = append(s.boldFallbacks, f.Bolden())
	}
	return s, nil
}

// Face returns the face that draws r, regular or bold, or nil when no
// face of the set has r or r is above the set's MaxRune. A Latin character (IsLatin)
// the Latin face has is drawn with Latin, or in bold text with LatinBold
// when it has r and otherwise with Latin marked SyntheticBold. Other
// bold text uses Bold when it has r, and otherwise the regular or
// fallback face that has it, marked SyntheticBold. The same r always gets
// the same *Face.
func (s *Set) Face(r rune, bold bool) *Face {
	if r > s.MaxRune() {
		return nil
	}
	if s.Latin.Has(r) && IsLatin(r) {
		switch {
		case !bold:
			return s.Latin
		case s.LatinBold.Has(r):
			return s.LatinBold
		}
		return s.boldOf(s.Latin, s.latinSynth)
	}
	if bold && s.Bold.Has(r) {
		return s.Bold
	}
	if s.Regular.Has(r) {
		if bold {
			return s.boldOf(s.Regular, s.regularBold)
		}
		return s.Regular
	}
	for i, f := range s.Fallbacks {
		if f.Has(r) {
			if bold {
				if i < len(s.boldFallbacks) {
					return s.boldFallbacks[i]
				}
				return f.Bolden()
			}
			return f
		}
	}
	return nil
}

// boldOf returns cached, or a fresh emboldened f for a Set built without
// NewSet.
func (s *Set) boldOf(f, cached *Face) *Face {
	if cached != nil {
		return cached
	}
	for _, b := range []*Face{s.Bold, s.LatinBold} {
		if b != nil && b.SyntheticBold && b.Name == f.Name {
			return b
		}
	}
	return f.Bolden()
}

// Has reports whether some face of the set can draw r.
func (s *Set) Has(r rune) bool { return s.Face(r, false) != nil }

// Faces returns Regular, Latin when set, and Fallbacks: the font files a
// PDF may embed besides real bold faces.
func (s *Set) Faces() []*Face {
	faces := []*Face{s.Regular}
	if s.Latin != nil {
		faces = append(faces, s.Latin)
	}
	return append(faces, s.Fallbacks...)
}
