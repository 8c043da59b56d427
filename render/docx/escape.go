package docx

import (
	"fmt"
	"unicode/utf8"
)

// badText describes the first character of a text that XML 1.0 cannot
// carry: invalid UTF-8, or a code point outside XML's Char production
// (most C0 controls, U+FFFE, U+FFFF).
type badText struct {
	offset  int  // byte offset in the text
	r       rune // the code point, when the text is valid UTF-8 there
	invalid bool // invalid UTF-8 at offset
}

func (b *badText) Error() string {
	if b.invalid {
		return fmt.Sprintf("invalid UTF-8 at byte %d; save the source text as UTF-8", b.offset)
	}
	return fmt.Sprintf("character %U at byte %d is not allowed in a Word document; remove it from the source text", b.r, b.offset)
}

// checkText returns nil when every character of s can be written into
// WordprocessingML, else what is wrong and where.
func checkText(s string) *badText {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return &badText{offset: i, r: rune(c)}
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return &badText{offset: i, invalid: true}
		}
		if r == 0xFFFE || r == 0xFFFF {
			return &badText{offset: i, r: r}
		}
		i += n
	}
	return nil
}

// appendEscaped appends s to b with the characters that XML gives meaning
// (& < > " ') written as entities. Tabs and line breaks are written as
// character references so they survive in attributes too. s must have
// passed checkText.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&quot;"
		case '\'':
			esc = "&apos;"
		case '\t':
			esc = "&#9;"
		case '\n':
			esc = "&#10;"
		case '\r':
			esc = "&#13;"
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		last = i + 1
	}
	return append(b, s[last:]...)
}
