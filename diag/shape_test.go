package diag

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestStringEnd(t *testing.T) {
	tests := []struct {
		src  string // the string starts at offset 0
		want string // what StringEnd covers
	}{
		{`"abc" rest`, `"abc"`},
		{`"a\"b" rest`, `"a\"b"`},
		{`"a\\" rest"`, `"a\\"`},
		{`'a\' rest`, `'a\'`},
		{"\"open\nnext", "\"open"},
		{`"""a"b""c""" rest`, `"""a"b""c"""`},
		{`"""a"""" rest`, `"""a""""`},    // one quote of content before the delimiter
		{`"""a""""" rest`, `"""a"""""`},  // two quotes of content
		{`"""a"""""" rest`, `"""a"""""`}, // six quotes: not TOML; the scan ends after five
		{`'''a'''' rest`, `'''a''''`},
		{`'''a\''' rest`, `'''a\'''`}, // no escapes in literal strings
		{`"""a\""" rest"""`, `"""a\""" rest"""`},
		{"\"\"\"a\n\\\n  b\"\"\" rest", "\"\"\"a\n\\\n  b\"\"\""},
		{`"" rest`, `""`},
		{`'' rest`, `''`},
		{`"""never closed`, `"""never closed`},
	}
	for _, tt := range tests {
		if got := tt.src[:StringEnd([]byte(tt.src), 0)]; got != tt.want {
			t.Errorf("StringEnd(%q) covers %q, want %q", tt.src, got, tt.want)
		}
	}
}

// A multi-line string closed by four or five quotes cannot hide the rest
// of its line from the depth limit (issue 15 item 2): the fake string
// that a scanner stopping at the first """ would see is not a string.
func TestShapeNotFooledByQuotes(t *testing.T) {
	nest := strings.Repeat("[", 40) + strings.Repeat("]", 40)
	for _, src := range []string{
		`x = ["""a"""", ` + nest + "]\n",
		`x = ["""a""""", ` + nest + "]\n",
		`x = ['''a'''', ` + nest + "]\n",
		`x = ["a\"", ` + nest + "]\n",
		`x = ['a\', ` + nest + "]\n",
		"x = [\"\"\"a\\\n\"\"\", " + nest + "]\n",
	} {
		mustBeTOML(t, src)
		if sh := ScanShape([]byte(src), Limits{}); sh.Line == 0 || !strings.Contains(sh.Message, "nested more than 8") {
			t.Errorf("%q: shape %+v, want the nesting refused", src, sh)
		}
	}
}

// valueDepth is how deeply a decoded TOML value nests tables and arrays.
func valueDepth(v any) int {
	d := 0
	switch x := v.(type) {
	case map[string]any:
		for _, e := range x {
			d = max(d, valueDepth(e))
		}
		return d + 1
	case []map[string]any:
		for _, e := range x {
			d = max(d, valueDepth(e))
		}
		return d + 1
	case []any:
		for _, e := range x {
			d = max(d, valueDepth(e))
		}
		return d + 1
	}
	return 0
}

// FuzzScanShape checks the shape scanner against the TOML library: for
// any text the library accepts and the scanner lets through, the decoded
// value nests no deeper than the scanner's depth plus the dotted keys of
// a header and of a key (plus the document and an array of tables). A
// scanner that took part of a value for a string would let deeper values
// through.
func FuzzScanShape(f *testing.F) {
	for _, s := range []string{
		`x = ["""a"""", [[[1]]]]`, `x = ['''a'''', [[1]]]`, `a.b.c = [{d = [1]}]`,
		"[[a.b]]\nc.d = [[1]]\n", `x = ["a\"", [[1]]]`, "x = \"\"\"\n\\\n\"\"\"\ny = [[[]]]",
		"# [[[[\nx = 1", `"a.b" = {c = [1]}`, `x = """"a""""`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		sh := ScanShape([]byte(src), Limits{})
		if sh.Line > 0 {
			return
		}
		var m map[string]any
		if _, err := toml.Decode(src, &m); err != nil {
			return
		}
		if d, bound := valueDepth(m), sh.Depth+2*max(sh.KeyParts, 1)+2; d > bound {
			t.Errorf("decoded depth %d beyond the scanner's bound %d (depth %d, key parts %d)", d, bound, sh.Depth, sh.KeyParts)
		}
	})
}
