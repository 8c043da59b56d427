package diag

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
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
	m := libLastKey().FindStringSubmatch(err.Error())
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
