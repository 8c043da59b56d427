package templates

import (
	"strings"
	"unicode/utf8"
)

// tomlKeyPos is where a key is written: 1-based line and column (in
// characters, as editors count them).
type tomlKeyPos struct{ Line, Col int }

// locateTOMLKeys finds where each key of a TOML text is first written, by
// dotted path without array indices ("salary.min", "contact.email"). The
// TOML library keeps these positions private, so this reads the text
// itself: table headers, key = value lines and one level of inline tables.
// It is used only to place messages; anything it cannot read is skipped.
func locateTOMLKeys(src string) map[string]tomlKeyPos {
	out := make(map[string]tomlKeyPos)
	var table []string
	closing := "" // the delimiter of a multi-line string being skipped
	for n, line := range strings.Split(src, "\n") {
		if closing != "" {
			if strings.Contains(line, closing) {
				closing = ""
			}
			continue
		}
		trimmed := strings.TrimLeft(line, " \t")
		indent := utf8.RuneCountInString(line[:len(line)-len(trimmed)])
		if strings.HasPrefix(trimmed, "[") {
			inner := strings.TrimPrefix(strings.TrimPrefix(trimmed, "["), "[")
			if keys, rest, ok := readTOMLKey(inner); ok && strings.HasPrefix(strings.TrimLeft(rest, " \t"), "]") {
				table = keys
				recordKeyPos(out, table, n+1, indent+1)
			}
			continue
		}
		keys, rest, ok := readTOMLKey(trimmed)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, " \t")
		if !strings.HasPrefix(rest, "=") {
			continue
		}
		path := append(append([]string{}, table...), keys...)
		recordKeyPos(out, path, n+1, indent+1)
		value := strings.TrimLeft(rest[1:], " \t")
		if strings.HasPrefix(value, "{") {
			col := indent + utf8.RuneCountInString(trimmed) - utf8.RuneCountInString(value)
			recordInlineKeys(out, path, value, n+1, col+1)
		}
		for _, d := range []string{`"""`, `'''`} {
			if strings.Count(value, d)%2 == 1 {
				closing = d
			}
		}
	}
	return out
}

// recordKeyPos keeps the first position of a path.
func recordKeyPos(out map[string]tomlKeyPos, path []string, line, col int) {
	k := strings.Join(path, ".")
	if _, ok := out[k]; !ok {
		out[k] = tomlKeyPos{line, col}
	}
}

// readTOMLKey reads a dotted key (bare or quoted parts) at the start of s and
// returns its parts and the text after it.
func readTOMLKey(s string) (parts []string, rest string, ok bool) {
	for {
		s = strings.TrimLeft(s, " \t")
		part, r, ok := readTOMLKeyPart(s)
		if !ok {
			return nil, "", false
		}
		parts = append(parts, part)
		r = strings.TrimLeft(r, " \t")
		if !strings.HasPrefix(r, ".") {
			return parts, r, true
		}
		s = r[1:]
	}
}

// readTOMLKeyPart reads one bare or quoted key part.
func readTOMLKeyPart(s string) (part, rest string, ok bool) {
	if s == "" {
		return "", "", false
	}
	if q := s[0]; q == '"' || q == '\'' {
		end := strings.IndexByte(s[1:], q)
		if end < 0 {
			return "", "", false
		}
		return s[1 : 1+end], s[2+end:], true
	}
	i := 0
	for i < len(s) && isTOMLBareKeyByte(s[i]) {
		i++
	}
	if i == 0 {
		return "", "", false
	}
	return s[:i], s[i:], true
}

func isTOMLBareKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// recordInlineKeys records the keys of an inline table value "{ a = 1, b = 2 }"
// that starts at column col.
func recordInlineKeys(out map[string]tomlKeyPos, path []string, value string, line, col int) {
	depth := 0
	expectKey := false
	for i := 0; i < len(value); i++ {
		c := value[i]
		switch {
		case c == '"' || c == '\'':
			end := strings.IndexByte(value[i+1:], c)
			if end < 0 {
				return
			}
			if expectKey && depth == 1 {
				if keys, rest, ok := readTOMLKey(value[i:]); ok && strings.HasPrefix(strings.TrimLeft(rest, " \t"), "=") {
					recordKeyPos(out, append(append([]string{}, path...), keys...), line, col+utf8.RuneCountInString(value[:i]))
				}
				expectKey = false
			}
			i += end + 1
		case c == '{' || c == '[':
			depth++
			expectKey = c == '{'
		case c == '}' || c == ']':
			depth--
			if depth == 0 {
				return
			}
		case c == ',':
			expectKey = depth == 1
		case c == ' ' || c == '\t':
		default:
			if expectKey && depth == 1 {
				if keys, rest, ok := readTOMLKey(value[i:]); ok && strings.HasPrefix(strings.TrimLeft(rest, " \t"), "=") {
					recordKeyPos(out, append(append([]string{}, path...), keys...), line, col+utf8.RuneCountInString(value[:i]))
					i += len(value[i:]) - len(rest) - 1
				}
			}
			expectKey = false
		}
	}
}
