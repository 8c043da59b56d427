package diag

import (
	"strconv"
	"strings"
)

// Field paths name a place in a TOML document the way its file spells it:
// keys joined with dots, a key that is not a bare TOML key quoted, array
// elements (of [[tables]] as of [values]) by 0-based index in brackets:
// "duty[1].task[0].indicators[2]", `methods."T3.2"`, "salary.min".

// JoinKey appends a key to a field path, quoting it when it is not bare.
func JoinKey(path, key string) string {
	if !IsBareKey(key) {
		key = strconv.Quote(key)
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// Index appends an array index to a field path.
func Index(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// IsBareKey reports whether key can be written in TOML without quotes.
func IsBareKey(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// ParentPath drops the last element (key or index) of a field path; it
// returns "" for a top-level key.
func ParentPath(path string) string {
	if strings.HasSuffix(path, "]") {
		if i := strings.LastIndexByte(path, '['); i >= 0 {
			return path[:i]
		}
	}
	// Skip a quoted last key, which may contain dots.
	if strings.HasSuffix(path, `"`) {
		if i := strings.LastIndex(path[:len(path)-1], `."`); i >= 0 {
			return path[:i]
		}
		return ""
	}
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i]
	}
	return ""
}

// KeyName returns the last key of a path with its indexes, as a message
// names it: "duty[0].task[1].indicators[2]" → "indicators[2]".
func KeyName(path string) string {
	if path == "" {
		return "the document"
	}
	p := path
	for strings.HasSuffix(p, "]") && ParentPath(p) != p {
		p = ParentPath(p)
	}
	if parent := ParentPath(p); parent != "" {
		return path[len(parent)+1:]
	}
	return path
}

// PathOf turns a key as the TOML library reports it (its parts, without
// array indexes) into a field path.
func PathOf(key []string) string {
	path := ""
	for _, k := range key {
		path = JoinKey(path, k)
	}
	return path
}

// PlainKey turns a field path such as `items[0]."T3.2"` into the dotted
// key without indexes or quotes that the TOML library reports for it:
// items.T3.2.
func PlainKey(path string) string {
	var b strings.Builder
	for i := 0; i < len(path); {
		switch path[i] {
		case '[':
			end := strings.IndexByte(path[i:], ']')
			if end < 0 {
				return b.String()
			}
			i += end + 1
		case '"':
			q, err := strconv.QuotedPrefix(path[i:])
			if err != nil {
				return b.String()
			}
			s, _ := strconv.Unquote(q)
			b.WriteString(s)
			i += len(q)
		default:
			b.WriteByte(path[i])
			i++
		}
	}
	return b.String()
}

// Lines maps field paths to the 1-based lines where they are written.
type Lines map[string]int

// Line returns the line of path, or of its nearest ancestor that has one;
// 0 when none is known. Problems found late (a character no font has, at
// PDF time) use it to point back at their TOML line.
func (l Lines) Line(path string) int {
	for p := path; p != ""; p = ParentPath(p) {
		if n, ok := l[p]; ok {
			return n
		}
	}
	return 0
}
