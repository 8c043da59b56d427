package standard

import (
	"github.com/ocs-project/ocs/diag"

	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// decoder turns the generic TOML value into the model, strictly: every
// unknown key and every value of the wrong type becomes a problem, and
// decoding goes on so that all of them are reported at once.
type decoder struct {
	file  string
	lines diag.Lines
	order map[string][]string // keys of the catalogue tables in file order
	probs Problems
}

func newDecoder(file string, lines diag.Lines, md toml.MetaData) *decoder {
	d := &decoder{file: file, lines: lines, order: make(map[string][]string)}
	for _, k := range md.Keys() {
		if len(k) == 2 {
			switch k[0] {
			case "knowledge", "skills", "attitudes", "notes":
				d.order[k[0]] = append(d.order[k[0]], k[1])
			}
		}
	}
	return d
}

// errorAt records a load error at path.
func (d *decoder) errorAt(path, msg, hint string) {
	d.probs = append(d.probs, Problem{Rule: diag.RuleTOML, Severity: Error, File: d.file,
		Line: d.lines.Line(path), Path: path, Message: msg, Hint: hint})
}

// tbl is a TOML table being decoded against its node of the format.
type tbl struct {
	d    *decoder
	m    map[string]any
	path string
	node *node
}

// table checks that v is a table of the format node n and reports its
// unknown keys.
func (d *decoder) table(v any, path string, n *node) (tbl, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		d.wrongType(path, n, v)
		return tbl{}, false
	}
	var keys []string
	for k := range m {
		if n.kind == kTable && n.field(k) == nil {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		d.unknownKey(diag.JoinKey(path, k), k, n)
	}
	return tbl{d: d, m: m, path: path, node: n}, true
}

// has reports whether the table sets key.
func (t tbl) has(key string) bool {
	_, ok := t.m[key]
	return ok
}

func (t tbl) str(key string) string {
	v, ok := t.m[key]
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		t.d.wrongType(diag.JoinKey(t.path, key), t.node.field(key), v)
	}
	return s
}

func (t tbl) int(key string) int {
	v, ok := t.m[key]
	if !ok {
		return 0
	}
	n, ok := v.(int64)
	if !ok {
		t.d.wrongType(diag.JoinKey(t.path, key), t.node.field(key), v)
		return 0
	}
	// Smaller out-of-range values are the validator's business; one that
	// an int may not hold on every platform is refused here, as written.
	if n > math.MaxInt32 || n < math.MinInt32 {
		f := t.node.field(key)
		t.d.errorAt(diag.JoinKey(t.path, key), fmt.Sprintf("%s must be %s, not %s", key, expected(f), diag.Describe(v)), "write it like this: "+f.example)
		return 0
	}
	return int(n)
}

func (t tbl) bool(key string) bool {
	v, ok := t.m[key]
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		t.d.wrongType(diag.JoinKey(t.path, key), t.node.field(key), v)
	}
	return b
}

// list returns the elements of an array value (nil when absent).
func (t tbl) list(key string) []any {
	v, ok := t.m[key]
	if !ok {
		return nil
	}
	switch a := v.(type) {
	case []any:
		return a
	case []map[string]any:
		out := make([]any, len(a))
		for i, m := range a {
			out[i] = m
		}
		return out
	}
	t.d.wrongType(diag.JoinKey(t.path, key), t.node.field(key), v)
	return nil
}

// tables returns the elements of an array of tables.
func (t tbl) tables(key string) []tbl {
	n := t.node.field(key)
	path := diag.JoinKey(t.path, key)
	var out []tbl
	for i, v := range t.list(key) {
		if e, ok := t.d.table(v, diag.Index(path, i), n.elem); ok {
			out = append(out, e)
		}
	}
	return out
}

// sub returns a sub-table.
func (t tbl) sub(key string) (tbl, bool) {
	v, ok := t.m[key]
	if !ok {
		return tbl{}, false
	}
	return t.d.table(v, diag.JoinKey(t.path, key), t.node.field(key))
}

func (t tbl) strs(key string) []string {
	n := t.node.field(key)
	path := diag.JoinKey(t.path, key)
	var out []string
	for i, v := range t.list(key) {
		s, ok := v.(string)
		if !ok {
			t.d.wrongType(diag.Index(path, i), n.elem, v)
			continue
		}
		out = append(out, s)
	}
	return out
}

// textOr decodes a value that is a string or a table of the node's elem:
// it returns the string, or the decoded table.
func (d *decoder) textOr(v any, path string, n *node) (string, tbl, bool) {
	if s, ok := v.(string); ok {
		return s, tbl{}, true
	}
	if _, ok := v.(map[string]any); !ok {
		d.wrongType(path, n, v)
		return "", tbl{}, false
	}
	t, ok := d.table(v, path, n.elem)
	return "", t, ok
}

// entries decodes an array of texts, each a string or a {code, text} table.
func (t tbl) entries(key string) []Entry {
	return codeTexts(t, key, func(s string) Entry { return Entry{Text: s} })
}

// refs decodes an array of references, each a code string or a {code,
// text} table.
func (t tbl) refs(key string) []Ref {
	return codeTexts(t, key, func(s string) Ref { return Ref{Code: s} })
}

// codeTexts decodes an array whose elements are a string or a {code, text}
// table; plain makes the element a string stands for.
func codeTexts[T ~struct{ Code, Text string }](t tbl, key string, plain func(string) T) []T {
	n := t.node.field(key)
	path := diag.JoinKey(t.path, key)
	var out []T
	for i, v := range t.list(key) {
		s, e, ok := t.d.textOr(v, diag.Index(path, i), n.elem)
		switch {
		case !ok:
		case e.m == nil:
			out = append(out, plain(s))
		default:
			out = append(out, T{Code: e.str("code"), Text: e.str("text")})
		}
	}
	return out
}

// mapKeys returns the keys of a catalogue table in file order.
func (t tbl) mapKeys() []string {
	var out []string
	seen := make(map[string]bool, len(t.m))
	for _, k := range t.d.order[t.path] {
		if _, ok := t.m[k]; ok && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	var rest []string
	for k := range t.m {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// wrongType reports a value of the wrong type, naming the expected type.
func (d *decoder) wrongType(path string, n *node, v any) {
	msg := fmt.Sprintf("%s must be %s, not %s", diag.KeyName(path), expected(n), diag.Describe(v))
	hint := "write it like this: " + n.example
	switch n.kind {
	case kInteger:
		if s, ok := v.(string); ok {
			if _, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
				hint = "remove the quotes: " + n.example
			}
		}
	case kBool:
		if s, ok := v.(string); ok && (strings.TrimSpace(s) == "true" || strings.TrimSpace(s) == "false") {
			hint = "remove the quotes: " + n.example
		}
	case kString:
		switch v.(type) {
		case time.Time:
			hint = "put the date in quotes: " + n.example
		case int64, float64, bool:
			hint = "put the value in quotes: " + n.example
		}
	case kArray:
		switch v.(type) {
		case string:
			hint = "put it in a list, even a single item: " + n.example
		case map[string]any:
			if n.elem.kind == kTable {
				hint = "write the table header with double brackets: " + n.example
			}
		}
	}
	if n.example == "" {
		hint = ""
	}
	d.errorAt(path, msg, hint)
}

// expected names the type a node wants.
func expected(n *node) string {
	switch n.kind {
	case kString:
		return "a string"
	case kBool:
		return "true or false"
	case kInteger:
		if n.max > 0 {
			return fmt.Sprintf("an integer from %d to %d", n.min, n.max)
		}
		return "an integer"
	case kArray:
		switch n.elem.kind {
		case kString:
			return "an array of strings"
		case kTable:
			return "an array of tables " + n.example
		case kTextOr:
			return "an array of strings or {" + strings.Join(n.elem.elem.keys(), ", ") + "} tables"
		default:
			return "an array"
		}
	case kTable:
		return "a table"
	case kMap:
		return "a table of code = text entries"
	default:
		var keys []string
		for _, f := range n.elem.fields {
			keys = append(keys, f.key)
		}
		return "a string or a table {" + strings.Join(keys, ", ") + "}"
	}
}
