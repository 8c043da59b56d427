package diag

import (
	"reflect"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestScanLines(t *testing.T) {
	src := "\uFEFF# comment with [brackets] and \"quotes\"\n" + // 1
		"a = \"x # not a comment\"   # trailing\n" + // 2
		"b = \"\"\"\n" + // 3
		"multi\n" + // 4
		"line \"quoted\" ] \\\"\"\"\n" + // 5
		"\"\"\"\n" + // 6
		"c = 'lit'\n" + // 7
		"[ t . \"q k\" ]\n" + // 8
		"x = [\n" + // 9
		"  1,  # comment ]\n" + // 10
		"  [2, 3],\n" + // 11
		"  { y = \"}\", z = [4] },\n" + // 12
		"]\n" + // 13
		"d.e = 1979-05-27 07:32:00\n" + // 14
		"[[arr]]\n" + // 15
		"v = '''\n" + // 16
		"x'''\n" + // 17
		"[[arr]]\n" + // 18
		"v = 2\n" + // 19
		"[arr.sub]\n" + // 20
		"w = 3\n" + // 21
		"[[arr.list]]\n" + // 22
		"u = 1\n" + // 23
		"inline = {\n" + // 24
		"  k = 1,\n" + // 25
		"}\n" + // 26
		"\"K 5\" = \"\\u00e9\"\n" // 27
	mustBeTOML(t, src)
	lines := LinesOf([]byte(src))
	want := map[string]int{
		"a": 2, "b": 3, "c": 7, `t."q k"`: 8,
		`t."q k".x`: 9, `t."q k".x[0]`: 10, `t."q k".x[1]`: 11, `t."q k".x[1][1]`: 11,
		`t."q k".x[2]`: 12, `t."q k".x[2].y`: 12, `t."q k".x[2].z[0]`: 12, `t."q k".d.e`: 14,
		"arr[0]": 15, "arr[0].v": 16, "arr[1]": 18, "arr[1].v": 19, "arr[1].sub": 20, "arr[1].sub.w": 21,
		"arr[1].list[0]": 22, "arr[1].list[0].u": 23, "arr[1].list[0].inline.k": 25, `arr[1].list[0]."K 5"`: 27,
	}
	for path, line := range want {
		if lines[path] != line {
			t.Errorf("%s: line %d, want %d", path, lines[path], line)
		}
	}
	// plus t."q k".x[1][0], t."q k".x[2].z, arr[1].list[0].inline, and the
	// tables that headers and dotted keys define: t (line 8), t."q k".d (14)
	if len(lines) != len(want)+5 || lines["t"] != 8 || lines[`t."q k".d`] != 14 {
		t.Errorf("%d paths recorded, want %d: %v", len(lines), len(want)+5, lines)
	}
}

func TestKeyPositions(t *testing.T) {
	src := "\uFEFF# comment = no\n" + // 1
		"title = \"\"\"\n" + // 2
		"not = a key\n" + // 3
		"\"\"\"\n" + // 4
		"\"quoted key\" = 1\n" + // 5
		"a.b = 2\n" + // 6
		"[location]\n" + // 7
		"region = \"x\" # region = y\n" + // 8
		"inline = { one = 1, \"two\" = { deep = 3 }, three = [1, 2] }\n" + // 9
		"\tcity = { name = \"臺北市\", zip = \"100\" }\n" + // 10
		"[[items]]\n" + // 11
		"  name = \"n\"\n" // 12
	mustBeTOML(t, src)
	want := map[string]Position{
		"title":                    {2, 1},
		`"quoted key"`:             {5, 1},
		"a":                        {6, 1}, // the table a.b = 2 defines
		"a.b":                      {6, 1},
		"location":                 {7, 1},
		"location.region":          {8, 1},
		"location.inline":          {9, 1},
		"location.inline.one":      {9, 12},
		"location.inline.two":      {9, 21},
		"location.inline.two.deep": {9, 31},
		"location.inline.three":    {9, 43},
		"location.inline.three[0]": {9, 52},
		"location.inline.three[1]": {9, 55},
		"location.city":            {10, 2},
		"location.city.name":       {10, 11},
		"location.city.zip":        {10, 25},
		"items[0]":                 {11, 1},
		"items[0].name":            {12, 3},
	}
	if got := KeyPositions([]byte(src)); !reflect.DeepEqual(got, want) {
		t.Errorf("KeyPositions:\n got  %v\n want %v", got, want)
	}
}

// mustBeTOML stops the test when src is not a TOML document the library
// accepts, as the scanner expects.
func mustBeTOML(t *testing.T, src string) {
	t.Helper()
	var m map[string]any
	if _, err := toml.Decode(src, &m); err != nil {
		t.Fatalf("test document is not valid TOML: %v", err)
	}
}

// The scanner never loops or panics on text it does not understand.
func TestScanLinesGarbage(t *testing.T) {
	for _, src := range []string{"", "[", "[[", "a", "a =", "a = [", "a = {", "a = \"", "a = '''", "= 1", "[a.]\n", "a = [1,,]", "a = {b}", "\"\"\"", "a = [\"\\"} {
		LinesOf([]byte(src))
	}
}

func TestUnescape(t *testing.T) {
	tests := map[string]string{
		`plain`: "plain", `a\"b`: `a"b`, `\u00e9\U0001F600`: "é😀", `tab\tend`: "tab\tend",
		`\x41`: "A", `bad\u12`: `bad\u12`, `\q`: `\q`, `trailing\`: `trailing\`,
	}
	for in, want := range tests {
		if got := unescape(in); got != want {
			t.Errorf("unescape(%q) = %q, want %q", in, got, want)
		}
	}
}
