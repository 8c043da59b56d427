package standard

import (
	"strconv"
	"strings"
)

// Part is a piece of a text split at its 【註N】 note references.
type Part struct {
	// Text is the plain text, or for a reference the reference normalised
	// to 「【註N】」 (a reference may be written 【註 N】 with spaces).
	Text string
	// Note is the referenced note number; 0 for plain text.
	Note int
}

const (
	noteOpen  = "【註"
	noteClose = "】"
)

// SplitNotes splits text into plain parts and 【註N】 references, in order.
// Joining the parts gives the text back, except that spaces inside a
// reference are dropped. Text without references is one part; an empty
// text gives none. A bracket that is not a well-formed reference, such as
// 【註】 or 【註一】, stays plain text.
func SplitNotes(text string) []Part {
	var parts []Part
	plain := 0 // start of the pending plain text
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], noteOpen)
		if j < 0 {
			break
		}
		start := i + j
		n, end := noteRef(text, start)
		if n == 0 {
			i = start + len(noteOpen)
			continue
		}
		if start > plain {
			parts = append(parts, Part{Text: text[plain:start]})
		}
		parts = append(parts, Part{Text: noteOpen + strconv.Itoa(n) + noteClose, Note: n})
		plain, i = end, end
	}
	if plain < len(text) {
		parts = append(parts, Part{Text: text[plain:]})
	}
	return parts
}

// noteRef parses a reference 【註N】 starting at text[start:]. It returns the
// note number and the end of the reference, or 0 when there is none.
func noteRef(text string, start int) (n, end int) {
	i := start + len(noteOpen)
	i = skipSpaces(text, i)
	digits := i
	for i < len(text) && text[i] >= '0' && text[i] <= '9' && i-digits < 6 {
		i++
	}
	if i == digits {
		return 0, 0
	}
	n, _ = strconv.Atoi(text[digits:i])
	i = skipSpaces(text, i)
	if n == 0 || !strings.HasPrefix(text[i:], noteClose) {
		return 0, 0
	}
	return n, i + len(noteClose)
}

// skipSpaces skips ASCII and ideographic spaces.
func skipSpaces(text string, i int) int {
	for i < len(text) {
		switch {
		case text[i] == ' ' || text[i] == '\t':
			i++
		case strings.HasPrefix(text[i:], "\u3000"):
			i += len("\u3000")
		default:
			return i
		}
	}
	return i
}
