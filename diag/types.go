package diag

import (
	"fmt"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ocs-project/ocs/internal/lazyre"
)

// freeForm reports whether the table at path inside t is free-form: a
// value of an interface type (map[string]any, any), whose keys the caller
// checks itself.
func freeForm(t reflect.Type, path []string) bool {
	for i := 0; i <= len(path); i++ {
		if ft := fieldType(t, path[:i]); ft != nil && (ft.Kind() == reflect.Interface ||
			ft.Kind() == reflect.Map && ft.Elem().Kind() == reflect.Interface) {
			return true
		}
	}
	return false
}

// UnknownKeys reports every outermost unknown key (see Unknown) as an
// error at its line, suggesting the closest key that the decoded struct
// has in that table (from its toml tags).
func (d *Doc) UnknownKeys() Problems {
	var ps Problems
	for _, k := range d.Unknown() {
		known := FieldKeys(d.dest, k[:len(k)-1])
		p := d.Error(PathOf(k), fmt.Sprintf("unknown key %q", k[len(k)-1]), "")
		if s := Suggest(k[len(k)-1], known); s != "" {
			p.Suggestion = s
		} else if len(known) > 0 {
			p.Hint = "known keys here: " + strings.Join(known, ", ")
		}
		ps = append(ps, p)
	}
	return ps
}

// FieldKeys lists the toml keys of the struct that path leads to inside t
// (a struct type or a pointer to one), in declaration order; nil when path
// leads to something other than a struct.
func FieldKeys(t reflect.Type, path []string) []string {
	t = fieldType(t, path)
	for t != nil && t.Kind() == reflect.Slice {
		t = deref(t.Elem())
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	var out []string
	for i := 0; i < t.NumField(); i++ {
		if tag := tomlName(t.Field(i)); tag != "" {
			out = append(out, tag)
		}
	}
	return out
}

// tomlName returns the TOML key of a struct field: its toml tag, or ""
// for a field TOML does not set.
func tomlName(f reflect.StructField) string {
	tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	if tag == "-" || !f.IsExported() {
		return ""
	}
	if tag == "" {
		return f.Name
	}
	return tag
}

// fieldType resolves a key path inside t to the type stored there: through
// pointers, and through slices (arrays of tables) and maps on the way; nil
// when the path leads nowhere.
func fieldType(t reflect.Type, path []string) reflect.Type {
	t = deref(t)
	for _, name := range path {
		for t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer) {
			t = t.Elem()
		}
		switch {
		case t == nil:
			return nil
		case t.Kind() == reflect.Map:
			t = t.Elem()
		case t.Kind() == reflect.Struct:
			var found reflect.Type
			for i := 0; i < t.NumField(); i++ {
				if tomlName(t.Field(i)) == name {
					found = t.Field(i).Type
					break
				}
			}
			t = found
		default:
			return nil
		}
		t = deref(t)
	}
	return t
}

// deref strips pointers.
func deref(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// Expected names in words the TOML value the Go type t takes.
func Expected(t reflect.Type) string {
	if t == nil {
		return "another value"
	}
	if t == reflect.TypeOf(time.Time{}) {
		return "a date such as 2025-03-01"
	}
	if t.Implements(textUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler) {
		if t.Kind() == reflect.String {
			return "a string"
		}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return Expected(t.Elem())
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		if e := t.Elem(); e.Kind() == reflect.String {
			return `a list of strings, e.g. ["…", "…"]`
		}
		return "a list"
	case reflect.Map:
		if t.Elem().Kind() == reflect.String {
			return `a table of key = "text" entries`
		}
		return "a table"
	case reflect.Struct:
		return "a table"
	}
	return "another value"
}

var textUnmarshaler = reflect.TypeOf((*interface{ UnmarshalText([]byte) error })(nil)).Elem()

// Describe names the TOML type of a decoded value, quoting short scalars
// and writing integers as written.
func Describe(v any) string {
	switch x := v.(type) {
	case string:
		if utf8.RuneCountInString(x) > 24 {
			x = string([]rune(x)[:24]) + "…"
		}
		return fmt.Sprintf("a string (%q)", x)
	case int64:
		return fmt.Sprintf("an integer (%d)", x)
	case float64:
		return fmt.Sprintf("a float (%v)", x)
	case bool:
		return fmt.Sprintf("a boolean (%v)", x)
	case time.Time:
		return "a date/time"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return "another value"
}

// libLastKey matches the place BurntSushi/toml puts in type errors:
// `toml: line 2 (last key "scale.points"): …`, the key quoted as Go quotes
// strings (`"methods.\"T3.2\""`).
var libLastKey = lazyre.New(`^toml: (?:line (\d+) )?\(last key ("(?:[^"\\]|\\.)*")\): `)

// syntaxHints suggest a fix for common TOML mistakes, by message fragment.
var syntaxHints = []struct{ fragment, hint string }{
	{"has already been defined", "a key may appear only once in a table: remove or rename the second one (tasks are separate [[duty.task]] tables)"},
	{"already created", "a table or array of tables may be defined only once: use [[…]] for every element of an array of tables"},
	{"cannot contain newlines", "close the string on the same line, or use a multi-line string \"\"\"…\"\"\""},
	{"newlines not allowed", "close the string on the same line, or use a multi-line string \"\"\"…\"\"\""},
	{"expected '\"'", "close the string with a double quote"},
	{"unexpected EOF", "something is not closed: check the last string, array [ ] or table { }"},
	{"expected a comma", "separate array elements with commas: [\"a\", \"b\"]"},
	{"expected value", "a value is a quoted string, a number, an array [ … ] or a table { … }; quote text: key = \"…\""},
	{"NULL bytes", "save the file as UTF-8"},
	{"invalid escape", "write a backslash as \\\\, or use a literal string in single quotes"},
}
