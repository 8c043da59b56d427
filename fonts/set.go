package fonts

import (
	"errors"
	"strconv"
)

// MaxRune is the highest character PDF output can draw. The PDF library
// reads only a font's format 4 (Basic Multilingual Plane) character map
// and fails on characters above U+FFFF, so a Set never serves them and
// coverage reports them as missing even when a face has them.
const MaxRune = 0xFFFF

// Set is the fonts a document is rendered with: a regular face, the face
// for bold text, and fallback faces tried in order for characters the
// regular face lacks. Make one with NewSet, Config.Load or DefaultSet; a
// Set is immutable and safe for concurrent use.
//
// Faces in a Set have distinct Names, except Bold, which carries the
// Regular face's Name so backends register it as the bold style of that
// family. When Bold.SyntheticBold is set, Bold shares Data with Regular:
// register the file once and embolden it when drawing.
type Set struct {
	Regular *Face
	Bold    *Face
	// Fallbacks are tried in order for characters Regular lacks.
	Fallbacks []*Face

	regularBold   *Face        // Regular emboldened, when Bold is a real bold face
	boldFallbacks []*Face      // Fallbacks emboldened, index for index
	system        *systemFonts // system fallbacks for Cover; nil when off
}

// NewSet makes a Set. A nil bold means synthetic bold of regular. Faces
// whose Name repeats an earlier one are copied under a new Name
// ("TW-Kai-2"); the faces passed in are not modified.
func NewSet(regular, bold *Face, fallbacks ...*Face) (*Set, error) {
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
	for _, f := range fallbacks {
		if f == nil {
			continue
		}
		if used[f.Name] {
			c := *f
			for i := 2; used[c.Name]; i++ {
				c.Name = f.Name + "-" + strconv.Itoa(i)
			}
			f = &c
		}
		used[f.Name] = true
		s.Fallbacks = append(s.Fallbacks, f)
		s.boldFallbacks = append(s.boldFallbacks, f.Bolden())
	}
	return s, nil
}

// Face returns the face that draws r, regular or bold, or nil when no
// face of the set has r or r is above MaxRune. Bold text uses Bold when it
// has r, and otherwise the regular or fallback face that has it, marked
// SyntheticBold. The same r always gets the same *Face.
func (s *Set) Face(r rune, bold bool) *Face {
	if r > MaxRune {
		return nil
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
	if s.Bold != nil && s.Bold.SyntheticBold && s.Bold.Name == f.Name {
		return s.Bold
	}
	return f.Bolden()
}

// Has reports whether some face of the set can draw r.
func (s *Set) Has(r rune) bool { return s.Face(r, false) != nil }

// Faces returns Regular followed by Fallbacks: the font files a PDF may
// embed besides a real bold face.
func (s *Set) Faces() []*Face {
	return append([]*Face{s.Regular}, s.Fallbacks...)
}
