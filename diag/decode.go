package diag

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Doc is a TOML text that Decode read: where its keys are, and what the
// TOML library knows of it.
type Doc struct {
	File string
	// Keys maps every field path of the text to where it is written (see
	// KeyPositions).
	Keys map[string]Position
	// Meta is the TOML library's metadata of the decode (key order, which
	// keys were decoded).
	Meta toml.MetaData

	plain map[string]Position // by PlainKey, built on first use
	dest  reflect.Type        // the type decoded into, for key suggestions
}

// Decode is the one front door for every TOML file ocs reads. It checks,
// in this order and each in time linear in the input: the size (lim's
// MaxBytes), that the text is UTF-8, the nesting depth and key length (see
// ScanShape); then decodes the text into v (a pointer to a struct or to a
// map[string]any) with github.com/BurntSushi/toml. A syntax error or a
// value of the wrong type comes back as one Problem placed at its line
// and field path, naming the expected type in words; file names the input
// in problems. A leading byte order mark is ignored.
//
// Keys of the text that v has no field for are not problems yet: see
// Doc.Unknown.
func Decode(file string, data []byte, v any, lim Limits) (*Doc, Problems) {
	lim = lim.withDefaults()
	if p, bad := precheck(file, data, lim); bad {
		return nil, Problems{p}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if sh := ScanShape(data, lim); sh.Line > 0 {
		return nil, Problems{{Rule: RuleTOML, Severity: Error, File: file, Line: sh.Line, Col: sh.Col,
			Message: sh.Message,
			Hint:    "ocs files need only a few levels: check for unbalanced brackets [ ] { } or a run of dots"}}
	}
	doc := &Doc{File: file, Keys: KeyPositions(data), dest: reflect.TypeOf(v)}
	var raw map[string]any
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		return nil, Problems{doc.syntaxProblem(err)}
	}
	if m, ok := v.(*map[string]any); ok {
		*m = raw
	} else if md, err = toml.Decode(string(data), v); err != nil {
		return nil, Problems{doc.valueProblem(raw, err)}
	}
	doc.Meta = md
	return doc, nil
}

// precheck catches what the TOML library would report poorly or slowly: a
// file that is too large or is not UTF-8.
func precheck(file string, data []byte, lim Limits) (Problem, bool) {
	p := Problem{Rule: RuleTOML, Severity: Error, File: file}
	switch {
	case int64(len(data)) > lim.MaxBytes:
		p.Message = fmt.Sprintf("the file is %s, larger than the %s ocs reads", size(int64(len(data))), size(lim.MaxBytes))
		p.Hint = "check that this is the right file; ocs's TOML files are usually well under 1 MiB"
	case !utf8.Valid(data):
		off := invalidUTF8(data)
		p.Line = 1 + bytes.Count(data[:off], []byte("\n"))
		p.Col = 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:off], '\n')+1:off])
		p.Message = fmt.Sprintf("the file is not valid UTF-8 (byte 0x%02X)", data[off])
		p.Hint = "save the file as UTF-8 (Big5 and UTF-16 files must be converted, e.g. with iconv -f BIG5 -t UTF-8)"
	default:
		return p, false
	}
	return p, true
}

// size writes a byte count for people: "12 MiB", "900 KiB", "10 bytes".
func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0 || n >= 10<<20:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// invalidUTF8 returns the offset of the first byte that is not valid UTF-8.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// Pos returns where the key at a field path is written; ok is false when
// the scanner did not record it. A path without indexes or quotes, as the
// TOML library names keys ("items.name"), is found too.
func (d *Doc) Pos(path string) (Position, bool) {
	if p, ok := d.Keys[path]; ok {
		return p, true
	}
	if d.plain == nil {
		d.plain = make(map[string]Position, len(d.Keys))
		for fp, p := range d.Keys {
			k := PlainKey(fp)
			if q, ok := d.plain[k]; !ok || p.Line < q.Line || p.Line == q.Line && p.Col < q.Col {
				d.plain[k] = p
			}
		}
	}
	p, ok := d.plain[PlainKey(path)]
	return p, ok
}

// Place sets p's line and column to where its path is written, when known.
func (d *Doc) Place(p *Problem) {
	if kp, ok := d.Pos(p.Path); ok {
		p.Line, p.Col = kp.Line, kp.Col
	}
}

// Error returns an error Problem of rule TOML at path, placed.
func (d *Doc) Error(path, msg, hint string) Problem {
	p := Problem{Rule: RuleTOML, Severity: Error, File: d.File, Path: path, Message: msg, Hint: hint}
	d.Place(&p)
	return p
}

// Lines maps the document's field paths to their lines.
func (d *Doc) Lines() Lines {
	out := make(Lines, len(d.Keys))
	for path, p := range d.Keys {
		out[path] = p.Line
	}
	return out
}

// Unknown returns the keys of the text that the decoded value has no
// place for, outermost only: a key inside an unknown table is not listed
// again. It takes time linear in the number of keys (times their depth,
// which Limits bounds).
func (d *Doc) Unknown() []toml.Key {
	und := d.Meta.Undecoded()
	set := make(map[string]bool, len(und))
	for _, k := range und {
		set[k.String()] = true
	}
	var out []toml.Key
	for _, k := range und {
		outer := true
		for i := 1; i < len(k) && outer; i++ {
			outer = !set[k[:i].String()]
		}
		if outer && !freeForm(d.dest, k[:len(k)-1]) {
			out = append(out, k)
		}
	}
	return out
}

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
var libLastKey = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key ("(?:[^"\\]|\\.)*")\): `)

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

// SyntaxHint returns the hint for a TOML syntax message, or fallback.
func SyntaxHint(msg, fallback string) string {
	for _, h := range syntaxHints {
		if strings.Contains(msg, h.fragment) {
			return h.hint
		}
	}
	return fallback
}

// syntaxProblem turns a syntax error of the TOML library into a Problem
// placed where the library found it, with a hint for common mistakes.
func (d *Doc) syntaxProblem(err error) Problem {
	p := Problem{Rule: RuleTOML, Severity: Error, File: d.File, Message: "TOML syntax: " + err.Error(),
		Hint: "fix the TOML syntax at this place (see https://toml.io)"}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		p.Line, p.Col = pe.Position.Line, pe.Position.Col
		p.Message = "TOML syntax: " + pe.Message
		p.Hint = SyntaxHint(pe.Message, p.Hint)
		p.Path = pe.LastKey
	}
	return p
}

// valueProblem turns an error of decoding a syntactically good text into
// v into a Problem placed at its key: a value of the wrong type, told in
// words (what the key takes, what the file has), or a value the field
// refused (out of range, not a date).
func (d *Doc) valueProblem(raw map[string]any, err error) Problem {
	p := Problem{Rule: RuleTOML, Severity: Error, File: d.File}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		p.Path = PathOf(splitKey(pe.LastKey))
		if p.Line, p.Col = pe.Position.Line, pe.Position.Col; p.Line == 0 {
			d.Place(&p)
		}
		p.Message = "wrong value: " + pe.Message
		return p
	}
	m := libLastKey.FindStringSubmatch(err.Error())
	if m == nil {
		p.Message = "wrong value: " + strings.TrimPrefix(err.Error(), "toml: ")
		return p
	}
	p.Line, _ = strconv.Atoi(m[1])
	key, _ := strconv.Unquote(m[2])
	parts := splitKey(key)
	p.Path = PathOf(parts)
	d.Place(&p)
	got := "another type"
	if v, ok := lookup(raw, parts); ok {
		got = Describe(v)
	}
	want := fieldType(d.dest, parts)
	p.Message = fmt.Sprintf("%s must be %s, not %s", KeyName(p.Path), Expected(want), got)
	p.Hint = typeHint(p.Path, want, got)
	return p
}

// typeHint says how to write a value of type want at path, given that the
// file has got (as Describe names it).
func typeHint(path string, want reflect.Type, got string) string {
	if want == nil {
		return ""
	}
	key := KeyName(path)
	switch want.Kind() {
	case reflect.String:
		if !strings.HasPrefix(got, "a string") && !strings.HasPrefix(got, "a table") && !strings.HasPrefix(got, "an array") {
			return fmt.Sprintf(`put the value in quotes: %s = "…"`, key)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if strings.HasPrefix(got, "a string") {
			return "remove the quotes around the number"
		}
	case reflect.Slice, reflect.Array:
		if !strings.HasPrefix(got, "an array") {
			return fmt.Sprintf(`put it in a list, even a single item: %s = ["…"]`, key)
		}
	case reflect.Struct, reflect.Map:
		return fmt.Sprintf("write it as a table: a line [%s], then key = value lines", path)
	}
	return ""
}

// splitKey splits a dotted key as Key.String writes it (parts that are
// not bare keys quoted) into its parts.
func splitKey(s string) []string {
	var parts []string
	for s != "" {
		if s[0] == '"' {
			q, err := strconv.QuotedPrefix(s)
			if err != nil {
				return append(parts, s)
			}
			k, _ := strconv.Unquote(q)
			parts = append(parts, k)
			s = strings.TrimPrefix(s[len(q):], ".")
			continue
		}
		k, rest, _ := strings.Cut(s, ".")
		parts = append(parts, k)
		s = rest
	}
	return parts
}

// lookup finds the value at a key path in a decoded document; in an array
// of tables, the first element that has the rest of the path.
func lookup(v any, parts []string) (any, bool) {
	if len(parts) == 0 {
		return v, true
	}
	switch x := v.(type) {
	case map[string]any:
		e, ok := x[parts[0]]
		if !ok {
			return nil, false
		}
		return lookup(e, parts[1:])
	case []map[string]any:
		for _, e := range x {
			if r, ok := lookup(e, parts); ok {
				return r, true
			}
		}
	case []any:
		for _, e := range x {
			if r, ok := lookup(e, parts); ok {
				return r, true
			}
		}
	}
	return nil, false
}
