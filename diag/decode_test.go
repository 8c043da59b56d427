package diag

import "testing"

// Doc.Pos finds a key by field path and by the plain dotted key the TOML
// library reports.
func TestDocPos(t *testing.T) {
	src := `# comment = no
title = """
not = a key
"""
"quoted key" = 1
a.b = 2
[location]
region = "x" # region = y
inline = { one = 1, "two" = { deep = 3 }, three = [1, 2] }
[[items]]
name = "n"
[[items]]
  name = "m"
[methods]
  "T3.2" = ["口試"]
`
	var m map[string]any
	doc, ps := Decode("x.toml", []byte(src), &m, Limits{})
	if ps != nil {
		t.Fatal(ps)
	}
	want := map[string]Position{
		"title":                    {Line: 2, Col: 1},
		"quoted key":               {Line: 5, Col: 1},
		"a.b":                      {Line: 6, Col: 1},
		"location":                 {Line: 7, Col: 1},
		"location.region":          {Line: 8, Col: 1},
		"location.inline":          {Line: 9, Col: 1},
		"location.inline.one":      {Line: 9, Col: 12},
		"location.inline.two":      {Line: 9, Col: 21},
		"location.inline.two.deep": {Line: 9, Col: 31},
		"location.inline.three":    {Line: 9, Col: 43},
		"items":                    {Line: 10, Col: 1},
		"items.name":               {Line: 11, Col: 1},
		"methods":                  {Line: 14, Col: 1},
		"methods.T3.2":             {Line: 15, Col: 3},
	}
	for k, p := range want {
		if got, ok := doc.Pos(k); got != p || !ok {
			t.Errorf("%s at %v, want %v", k, got, p)
		}
	}
	for _, k := range []string{"not", "comment", "location.inline.four"} {
		if p, ok := doc.Pos(k); ok {
			t.Errorf("%s should not be a key (found at %v)", k, p)
		}
	}
}
