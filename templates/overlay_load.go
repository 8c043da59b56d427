package templates

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
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
	keys := keyPositions(data)
	var o Overlay
	md, err := toml.Decode(string(data), &o)
	if err != nil {
		return nil, standard.Problems{decodeProblem(err, name, keys, overlayHint)}
	}
	var ps standard.Problems
	for _, k := range md.Undecoded() {
		if overlayParentUnknown(md, k) {
			continue // reported with its table
		}
		ps = append(ps, unknownKeyProblem(k, name, keys, overlayKeys(k[:len(k)-1])))
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

// overlayHint says what the key at path takes, for type errors.
func overlayHint(path string) string {
	if t := overlayFieldType(strings.Split(path, ".")); t != "" {
		return path + " takes " + t
	}
	return ""
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
