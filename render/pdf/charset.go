package pdf

import (
	"math/bits"
	"slices"
)

// charSet is a set of characters: a bit each for those of the Basic
// Multilingual Plane, where CJK text comes from, and a map for the
// others. Adding a character is a few times faster than adding it to a
// map, which matters for sets of every character a document draws.
type charSet struct {
	bmp   *[1 << 16 / 64]uint64 // nil until a character is added
	other map[rune]bool
}

// add adds r and reports whether the set lacked it.
func (s *charSet) add(r rune) bool {
	if r >= 0 && r < 1<<16 {
		if s.bmp == nil {
			s.bmp = new([1 << 16 / 64]uint64)
		}
		w, bit := &s.bmp[r>>6], uint64(1)<<(r&63)
		if *w&bit != 0 {
			return false
		}
		*w |= bit
		return true
	}
	if s.other[r] {
		return false
	}
	if s.other == nil {
		s.other = make(map[rune]bool)
	}
	s.other[r] = true
	return true
}

// sorted returns the characters of the set in order.
func (s *charSet) sorted() []rune {
	var list []rune
	if s.bmp != nil {
		for i, w := range s.bmp {
			for w != 0 {
				list = append(list, rune(i<<6+bits.TrailingZeros64(w)))
				w &= w - 1
			}
		}
	}
	n := len(list)
	for r := range s.other {
		list = append(list, r)
	}
	slices.Sort(list[n:]) // all above the BMP's
	return list
}
