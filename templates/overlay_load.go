package templates

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/ocs-project/ocs/standard"
)

// LoadOverlay reads a company overlay from a TOML file. Loading is strict:
// a syntax error, a value of the wrong type or an unknown key (with a
// suggestion for a likely typo) is returned as standard.Problems placed at
// line and column. A file that loads may still be invalid for a standard:
// see Validate.
func LoadOverlay(path string) (*Overlay, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read company overlay: %w", err)
	}
	return ParseOverlay(data, path)
}

// ParseOverlay decodes a company overlay from TOML text; name is the file
// name used in problems and to resolve a relative standard path.
func ParseOverlay(data []byte, name string) (*Overlay, error) {
	if !utf8.Valid(data) {
		bad := bytes.IndexFunc(data, func(r rune) bool { return r == utf8.RuneError })
		return nil, standard.Problems{{
			Rule: "TOML", Severity: standard.Error, File: name, Line: bytes.Count(data[:max(bad, 0)], []byte("\n")) + 1,
			Message: "the file is not UTF-8 text", Hint: "save the file as UTF-8 (not Big5)",
		}}
	}
	src := string(data)
	keys := locateTOMLKeys(src)
	var o Overlay
	md, err := toml.Decode(src, &o)
	if err != nil {
		return nil, standard.Problems{overlayDecodeProblem(err, name, keys)}
	}
	var ps standard.Problems
	for _, k := range md.Undecoded() {
		if overlayParentUnknown(md, k) {
			continue // reported with its table
		}
		ps = append(ps, overlayUnknownKey(k, name, keys))
	}
	if len(ps) > 0 {
		return nil, ps
	}
	o.Source = name
	o.Lines = make(map[string]int, len(keys))
	for path, p := range keys {
		o.Lines[path] = p.Line
	}
	return &o, nil
}

// overlayParentUnknown reports whether a table enclosing k is itself unknown.
func overlayParentUnknown(md toml.MetaData, k toml.Key) bool {
	und := make(map[string]bool)
	for _, u := range md.Undecoded() {
		und[strings.Join(u, ".")] = true
	}
	for i := 1; i < len(k); i++ {
		if und[strings.Join(k[:i], ".")] {
			return true
		}
	}
	return false
}

// tomlLastKey matches the position BurntSushi/toml puts in type errors.
var tomlLastKey = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): `)

// overlayDecodeProblem turns a TOML syntax or type error into a Problem.
func overlayDecodeProblem(err error, name string, keys map[string]tomlKeyPos) standard.Problem {
	p := standard.Problem{Rule: "TOML", Severity: standard.Error, File: name}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		p.Line, p.Col = pe.Position.Line, pe.Position.Col
		p.Path = pe.LastKey
		if strings.HasPrefix(pe.Message, notADate) {
			p.Message = "wrong value: " + pe.Message
			p.Hint = "write the date as YYYY-MM-DD, e.g. 2025-03-01"
			return p
		}
		p.Message = "TOML syntax: " + pe.Message
		p.Hint = "check quotes, brackets and '=' on that line"
		return p
	}
	msg := err.Error()
	if m := tomlLastKey.FindStringSubmatch(msg); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		p.Path = m[2]
		if kp, ok := keys[m[2]]; ok {
			p.Line, p.Col = kp.Line, kp.Col
		}
		msg = msg[len(m[0]):]
	}
	p.Message = "wrong value: " + strings.TrimPrefix(msg, "toml: ")
	if p.Path != "" {
		if t := overlayFieldType(strings.Split(p.Path, ".")); t != "" {
			p.Hint = p.Path + " takes " + t
		}
	}
	return p
}

// overlayUnknownKey reports a key the overlay format does not have, with
// the closest known key as a suggestion.
func overlayUnknownKey(k toml.Key, name string, keys map[string]tomlKeyPos) standard.Problem {
	path := strings.Join(k, ".")
	p := standard.Problem{
		Rule: "TOML", Severity: standard.Error, File: name, Path: path,
		Message: fmt.Sprintf("unknown key %q", k[len(k)-1]),
	}
	if kp, ok := keys[path]; ok {
		p.Line, p.Col = kp.Line, kp.Col
	}
	known := overlayKeys(k[:len(k)-1])
	if s := closest(k[len(k)-1], known); s != "" {
		p.Hint = fmt.Sprintf("did you mean %q?", s)
	} else if len(known) > 0 {
		p.Hint = "known keys here: " + strings.Join(known, ", ")
	}
	return p
}

// overlayType resolves a key path to the struct type it names inside
// Overlay; nil when the path leads nowhere.
func overlayType(path []string) reflect.Type {
	t := reflect.TypeOf(Overlay{})
	for _, name := range path {
		f, ok := overlayFieldByTag(t, name)
		if !ok {
			return nil
		}
		t = f.Type
		for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
	}
	return t
}

// overlayKeys lists the TOML keys of the table at path, in format order.
func overlayKeys(path []string) []string {
	t := overlayType(path)
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	var out []string
	for i := 0; i < t.NumField(); i++ {
		if tag := t.Field(i).Tag.Get("toml"); tag != "" && tag != "-" {
			out = append(out, tag)
		}
	}
	return out
}

// overlayFieldType describes in words the type a key path takes.
func overlayFieldType(path []string) string {
	if len(path) == 0 {
		return ""
	}
	parent := overlayType(path[:len(path)-1])
	if parent == nil || parent.Kind() != reflect.Struct {
		return ""
	}
	f, ok := overlayFieldByTag(parent, path[len(path)-1])
	if !ok {
		return ""
	}
	switch {
	case f.Type == reflect.TypeOf(Date("")):
		return "a date such as 2025-03-01"
	case f.Type.Kind() == reflect.String:
		return "a string in quotes"
	case f.Type.Kind() == reflect.Int:
		return "a whole number without quotes"
	case f.Type.Kind() == reflect.Bool:
		return "true or false"
	case f.Type.Kind() == reflect.Slice:
		return `a list of strings, e.g. ["…", "…"]`
	case f.Type.Kind() == reflect.Struct:
		return "a table, e.g. [" + strings.Join(path, ".") + "]"
	}
	return ""
}

// overlayFieldByTag finds the struct field with the given toml tag.
func overlayFieldByTag(t reflect.Type, tag string) (reflect.StructField, bool) {
	if t.Kind() != reflect.Struct {
		return reflect.StructField{}, false
	}
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).Tag.Get("toml") == tag {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}

// closest returns the candidate nearest to name when it is close enough to
// be a likely typo, or "".
func closest(name string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		d := editDistanceRunes(strings.ToLower(name), strings.ToLower(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	limit := len([]rune(name))/3 + 1
	if bestD >= 0 && bestD <= limit {
		return best
	}
	for _, c := range candidates { // "employment" for "employment_type"
		n, lc := strings.ToLower(name), strings.ToLower(c)
		if len(n) >= 3 && (strings.HasPrefix(lc, n) || strings.HasPrefix(n, lc)) {
			return c
		}
	}
	return ""
}

// editDistanceRunes is the Levenshtein distance between a and b in runes.
func editDistanceRunes(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
