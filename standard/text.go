package standard

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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

// unescape decodes the escapes of a TOML basic string (used for quoted
// keys); an escape it does not know is kept as written.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch c := s[i]; c {
		case 'b':
			b.WriteByte('\b')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'f':
			b.WriteByte('\f')
		case 'r':
			b.WriteByte('\r')
		case 'e':
			b.WriteByte(0x1b)
		case '"', '\\':
			b.WriteByte(c)
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
			if i+1+n > len(s) {
				b.WriteString(`\` + string(c))
				continue
			}
			r, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
			if err != nil || !utf8.ValidRune(rune(r)) {
				b.WriteString(`\` + string(c))
				continue
			}
			b.WriteRune(rune(r))
			i += n
		default:
			b.WriteByte('\\')
			b.WriteByte(c)
		}
	}
	return b.String()
}
