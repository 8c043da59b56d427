package standard

import (
	"strings"
	"unicode"
)

// sameText reports whether two texts are the same after normalising
// spaces and character width: published standards print one code's text
// as 「需求/問題」 in one place and 「需求/ 問題」 in another.
func sameText(a, b string) bool {
	return a == b || normalize(a) == normalize(b)
}

// normalize folds full-width ASCII forms to their half-width letters and
// drops all white space.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFF01 - 0x21
		}
		b.WriteRune(r)
	}
	return b.String()
}

// hasOuterSpace reports whether s starts or ends with white space.
func hasOuterSpace(s string) bool {
	return s != strings.TrimSpace(s)
}
