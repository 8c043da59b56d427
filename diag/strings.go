package diag

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// str scans a basic, literal or multi-line string and returns its value
// (escapes decoded for basic strings, which keys need).
func (sc *scanner) str() (string, bool) {
	q := sc.src[sc.i]
	if strings.HasPrefix(string(sc.src[sc.i:min(sc.i+3, len(sc.src))]), strings.Repeat(string(q), 3)) {
		return sc.multiline(q)
	}
	sc.i++
	start := sc.i
	for sc.i < len(sc.src) {
		switch c := sc.src[sc.i]; {
		case c == '\\' && q == '"':
			sc.i += 2
		case c == q:
			raw := string(sc.src[start:sc.i])
			sc.i++
			if q == '"' {
				raw = unescape(raw)
			}
			return raw, true
		case c == '\n':
			return "", false
		default:
			sc.i++
		}
	}
	return "", false
}

// multiline scans a """ or ”' string, counting its lines.
func (sc *scanner) multiline(q byte) (string, bool) {
	sc.i += 3
	start := sc.i
	for sc.i < len(sc.src) {
		switch c := sc.src[sc.i]; {
		case c == '\\' && q == '"':
			sc.i++
			if sc.peek() == '\n' {
				sc.newline()
			} else {
				sc.i++
			}
		case c == '\n':
			sc.newline()
		case c == q && sc.i+2 < len(sc.src) && sc.src[sc.i+1] == q && sc.src[sc.i+2] == q:
			sc.i += 3
			// Up to two more quotes belong to the content.
			for k := 0; k < 2 && sc.peek() == q; k++ {
				sc.i++
			}
			return string(sc.src[start : sc.i-3]), true
		default:
			sc.i++
		}
	}
	return "", false
}

// scalar scans a number, boolean or date.
func (sc *scanner) scalar() bool {
	start := sc.i
	for sc.i < len(sc.src) && !strings.ContainsRune(",]}\r\n#", rune(sc.src[sc.i])) {
		sc.i++
	}
	return sc.i > start
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
