package pdfw

import (
	"strconv"
	"unicode/utf16"
)

// appendNum appends x with at most two decimals, without trailing
// zeros: 12, 12.5, 0.25, -3.1. Two decimals of a point (1/7200 inch) are
// finer than any device; fixed rounding keeps output deterministic.
func appendNum(dst []byte, x float64) []byte { return appendHundredths(dst, hundredths(x)) }

// hundredths returns x in hundredths, rounded half away from zero: the
// number appendNum writes.
func hundredths(x float64) int64 {
	if x < 0 {
		return int64(x*100 - 0.5)
	}
	return int64(x*100 + 0.5)
}

// appendHundredths appends n hundredths as a number, without trailing
// zeros.
func appendHundredths(dst []byte, n int64) []byte {
	if n < 0 {
		dst = append(dst, '-')
		n = -n
	}
	dst = strconv.AppendInt(dst, n/100, 10)
	if f := n % 100; f != 0 {
		dst = append(dst, '.', byte('0'+f/10))
		if f%10 != 0 {
			dst = append(dst, byte('0'+f%10))
		}
	}
	return dst
}

// appendRef appends an indirect reference "n 0 R".
func appendRef(dst []byte, r Ref) []byte {
	dst = strconv.AppendInt(dst, int64(r), 10)
	return append(dst, " 0 R"...)
}

// appendRefs appends an array of indirect references.
func appendRefs(dst []byte, refs []Ref) []byte {
	dst = append(dst, '[')
	for i, r := range refs {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = appendRef(dst, r)
	}
	return append(dst, ']')
}

// appendLiteral appends b as a literal string, escaping what must be.
func appendLiteral(dst, b []byte) []byte {
	dst = append(dst, '(')
	for _, c := range b {
		switch c {
		case '(', ')', '\\':
			dst = append(dst, '\\', c)
		case '\r':
			dst = append(dst, '\\', 'r')
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, ')')
}

// appendText appends s as a text string: a literal string when s is
// printable ASCII, else UTF-16BE with a byte order mark, in hex.
func appendText(dst []byte, s string) []byte {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			ascii = false
			break
		}
	}
	if ascii {
		return appendLiteral(dst, []byte(s))
	}
	dst = append(dst, "<FEFF"...)
	for _, u := range utf16.Encode([]rune(s)) {
		dst = appendHex16(dst, u)
	}
	return append(dst, '>')
}

const hexDigits = "0123456789ABCDEF"

// appendHex16 appends u as four hex digits.
func appendHex16(dst []byte, u uint16) []byte {
	return append(dst, hexDigits[u>>12], hexDigits[u>>8&15], hexDigits[u>>4&15], hexDigits[u&15])
}

// appendName appends a name object, escaping characters outside the
// printable ASCII range and the delimiters.
func appendName(dst []byte, s string) []byte {
	dst = append(dst, '/')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || c == '#' || c == '/' || c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '%' {
			dst = append(dst, '#', hexDigits[c>>4], hexDigits[c&15])
			continue
		}
		dst = append(dst, c)
	}
	return dst
}
