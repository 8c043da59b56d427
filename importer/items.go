package importer

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ocs-project/ocs/internal/lazyre"
)

// coded is one item of a cell that lists coded texts, such as
// "P1.1.1 … P1.1.2 …" or "K01 …\nK02 …".
type coded struct {
	Code, Text string
	Start, End int // byte range of the item in the cell text
}

var codeAt = lazyre.New(`^[A-Z]\d+(?:\.\d+)*`)

// splitCoded splits text into items that start with a code of the given
// letter at the start of the text or after white space. Text before the
// first code is returned as an item with an empty Code. A cell without
// any code is one such item.
func splitCoded(text string, letter byte) []coded {
	var starts []int
	var codes []string
	for i := 0; i < len(text); i++ {
		if text[i] != letter || (i > 0 && !isSpace(text[i-1])) {
			continue
		}
		m := codeAt().FindString(text[i:])
		if m == "" || len(m) < 2 {
			continue
		}
		end := i + len(m)
		if end < len(text) && (text[end] < utf8.RuneSelf && !isSpace(text[end])) {
			continue // "K12a", "P1.1.1x": not a code
		}
		starts = append(starts, i)
		codes = append(codes, m)
		i = end - 1
	}
	var out []coded
	if len(starts) == 0 || strings.TrimSpace(text[:starts[0]]) != "" {
		end := len(text)
		if len(starts) > 0 {
			end = starts[0]
		}
		if t := strings.TrimSpace(text[:end]); t != "" {
			out = append(out, coded{Text: t, Start: 0, End: end})
		}
	}
	for k, s := range starts {
		end := len(text)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		out = append(out, coded{Code: codes[k], Text: strings.TrimSpace(text[s+len(codes[k]) : end]), Start: s, End: end})
	}
	return out
}

func isSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

var noteRefRe = lazyre.New(`【\s*註\s*(\d(?:\s?\d){0,5})\s*】`)

// bullet marks that start a new line inside a cell (K26's ■ items).
const bullets = "■□◆◇●○•‧"

// clean normalises a text the way the extraction needs it and reports how
// many characters it removed: note references lose inner spaces
// (【註 7】 → 【註7】), a space before a bullet ■ becomes a line break, and
// spaces between CJK characters (the extraction's, as in 「需求/ 問題」 or
// 「休閒與觀光旅遊 / 旅館管理」) go; so do spaces a PDF's glyph positions put
// inside a reference's number (【註1 4】). Spaces next to Latin letters or
// digits stay (「經歷 2 年以上」).
func clean(s string) (string, int) {
	before := utf8.RuneCountInString(s)
	s = noteRefRe().ReplaceAllStringFunc(s, func(m string) string {
		return "【註" + strings.ReplaceAll(noteRefRe().FindStringSubmatch(m)[1], " ", "") + "】"
	})
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != ' ' && r != '\u3000' && r != '\t' {
			b.WriteRune(r)
			continue
		}
		j := i
		for j < len(rs) && (rs[j] == ' ' || rs[j] == '\u3000' || rs[j] == '\t') {
			j++
		}
		var left, right rune
		if i > 0 {
			left = rs[i-1]
		}
		if j < len(rs) {
			right = rs[j]
		}
		switch {
		case left == 0 || right == 0 || left == '\n' || right == '\n':
			// trimmed below
		case strings.ContainsRune(bullets, right) && left != '\n':
			b.WriteByte('\n')
		case (wide(left) || left == '/') && (wide(right) || right == '/') && (wide(left) || wide(right)):
		default:
			b.WriteString(string(rs[i:j]))
		}
		i = j - 1
	}
	lines := strings.Split(b.String(), "\n")
	kept := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			kept = append(kept, l)
		}
	}
	out := strings.Join(kept, "\n")
	removed := before - utf8.RuneCountInString(out)
	return out, max(removed, 0)
}

// wide reports a character of CJK text: Han, kana, bopomofo, CJK and
// full-width punctuation.
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) ||
		(r >= 0x3040 && r <= 0x312F) || (r >= 0x2010 && r <= 0x2027 && r != 0x2013) ||
		strings.ContainsRune(bullets, r)
}

// codeNumbers returns the numbers of a code: "P1.1.9" → [1 1 9].
func codeNumbers(code string) []int {
	if len(code) < 2 {
		return nil
	}
	var out []int
	for _, p := range strings.Split(code[1:], ".") {
		n, err := strconv.Atoi(p)
		if err != nil {
			return nil
		}
		out = append(out, n)
	}
	return out
}

// codeLess orders codes of one letter by their numbers: K9 < K10.
func codeLess(a, b string) bool {
	na, nb := codeNumbers(a), codeNumbers(b)
	for i := 0; i < len(na) && i < len(nb); i++ {
		if na[i] != nb[i] {
			return na[i] < nb[i]
		}
	}
	if len(na) != len(nb) {
		return len(na) < len(nb)
	}
	return a < b
}

// squash removes every space: labels are compared without them.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
