package fonts

import (
	_ "embed" // the default face
	"sync"
)

// defaultData is the embedded subset of 全字庫正楷體 (TW-Kai); see
// README.md for what it holds and how build.sh makes it. It is stored
// uncompressed, so it costs nothing until Default parses it.
//
//go:embed TW-Kai-subset.ttf
var defaultData []byte

// DefaultName is the family name of the embedded face.
const DefaultName = "TW-Kai"

var defaultFace = sync.OnceValues(func() (*Face, error) {
	return embedded(DefaultName, defaultData)
})

var defaultBold = sync.OnceValues(func() (*Face, error) {
	f, err := defaultFace()
	if err != nil {
		return nil, err
	}
	return f.Bolden(), nil
})

// Default returns the embedded TW-Kai face. It is parsed on the first
// call only; every call returns the same *Face, which is safe to share
// between goroutines.
func Default() (*Face, error) { return defaultFace() }

// DefaultBold returns the bold companion of Default: the same font data
// marked SyntheticBold, since TW-Kai has no bold face.
func DefaultBold() (*Face, error) { return defaultBold() }

// DefaultSet returns a Set of the embedded faces: TW-Kai with its
// synthetic bold, and OCS Serif and OCS Serif Bold for Latin characters
// (see IsLatin), without fallbacks.
func DefaultSet() (*Set, error) {
	r, err := Default()
	if err != nil {
		return nil, err
	}
	b, err := DefaultBold()
	if err != nil {
		return nil, err
	}
	s, err := NewSet(r, b)
	if err != nil {
		return nil, err
	}
	return withDefaultLatin(s)
}

// withDefaultLatin returns s with the embedded Latin faces.
func withDefaultLatin(s *Set) (*Set, error) {
	latin, err := DefaultLatin()
	if err != nil {
		return nil, err
	}
	bold, err := DefaultLatinBold()
	if err != nil {
		return nil, err
	}
	return s.WithLatin(latin, bold)
}
