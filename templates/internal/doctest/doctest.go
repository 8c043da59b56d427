// Package doctest holds the helpers the template packages' tests share:
// reading a render.Document back (tables, placed cells, text), building
// hand-made standards, reading the label files, and the property every TOML
// reader's fuzz target checks.
package doctest

import (
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/ocs-project/ocs/diag"
	"github.com/ocs-project/ocs/internal/cost"
	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
)

// Placed is a cell of a table placed on the grid: where it starts.
type Placed struct {
	Cell     *render.Cell
	Row, Col int
}

// Grid places the cells of tb with render's Table.Layout, as every backend
// does, and fails the test when the table is malformed (Layout's errors:
// a span past the edge or the last row, overlapping cells, …) or when a
// row does not fill its columns. g[r][c] is the cell covering row r,
// column c.
func Grid(t *testing.T, tb *render.Table) [][]Placed {
	t.Helper()
	l, err := tb.Layout()
	if err != nil {
		t.Fatalf("malformed table: %v", err)
	}
	g := make([][]Placed, l.Rows)
	for r := range g {
		g[r] = make([]Placed, l.Cols)
		for c := range g[r] {
			p := l.At(r, c)
			if p == nil {
				t.Fatalf("row %d leaves column %d empty", r, c)
			}
			g[r][c] = Placed{p.Cell, p.Row, p.Col}
		}
	}
	return g
}

// CellText is the text of a cell, one line per paragraph.
func CellText(c *render.Cell) string {
	lines := make([]string, len(c.Paras))
	for i, p := range c.Paras {
		lines[i] = render.Texts(p.Runs)
	}
	return strings.Join(lines, "\n")
}

// AllText returns every text of the document, one per line, for searching.
func AllText(d *render.Document) string {
	var b strings.Builder
	render.Walk(d, func(_, text string) { fmt.Fprintln(&b, text) })
	return b.String()
}

// Tables returns the document's tables in order.
func Tables(d *render.Document) []*render.Table {
	var out []*render.Table
	for _, b := range d.Blocks {
		if t, ok := b.(*render.Table); ok {
			out = append(out, t)
		}
	}
	return out
}

// Refs makes K/S references to the given codes, for hand-built standards.
func Refs(codes ...string) []standard.Ref {
	out := make([]standard.Ref, len(codes))
	for i, c := range codes {
		out[i] = standard.Ref{Code: c}
	}
	return out
}

// Entries makes outputs or indicators with the given texts.
func Entries(texts ...string) []standard.Entry {
	out := make([]standard.Entry, len(texts))
	for i, t := range texts {
		out[i] = standard.Entry{Text: t}
	}
	return out
}

// Normal completes a hand-built standard as the loader does, for the
// fixtures: templates read only normalised standards.
func Normal(s *standard.Standard) *standard.Standard {
	standard.Normalize(s)
	return s
}

// LabelKeys returns the label keys of each language of a document kind,
// sorted, and reports empty labels and a missing or extra language.
func LabelKeys(t *testing.T, kind string) map[string][]string {
	t.Helper()
	data, err := templates.LabelFile(kind)
	if err != nil {
		t.Fatal(err)
	}
	var all map[string]map[string]string
	if _, err := toml.Decode(string(data), &all); err != nil {
		t.Fatal(err)
	}
	keys := map[string][]string{}
	for lang, l := range all {
		for k, v := range l {
			if strings.TrimSpace(v) == "" {
				t.Errorf("labels/%s.toml [%s] %s is empty", kind, lang, k)
			}
			keys[lang] = append(keys[lang], k)
		}
		slices.Sort(keys[lang])
	}
	if len(all) != len(templates.Languages()) {
		t.Errorf("labels/%s.toml has %d languages, want %q", kind, len(all), templates.Languages())
	}
	return keys
}

// FuzzReader checks what every TOML reader promises: it never panics, and
// a failure is a list of problems, each naming the file and saying what
// is wrong, placed on a line of the input when it has one. It is seeded
// with the hostile inputs of internal/cost and a few odd ones.
func FuzzReader(f *testing.F, file string, read func([]byte) error) {
	for _, h := range cost.HostileTOML() {
		f.Add(h.Make(20))
	}
	for _, s := range []string{"", "\uFEFF", "a = 1", "[labels]\nx = 1", "[scale]\npoints = \"5\"", "salary = { min = 1, max = 99999999999999999999 }",
		"x = \"\"\"\n\"\"\"\"", "[[a]]\n[a]", "lang = 1979-05-27", "a = \"\xff\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := read(data)
		if err == nil {
			return
		}
		var ps diag.Problems
		if !errors.As(err, &ps) {
			return // not a TOML problem (a missing standard, say)
		}
		lines := strings.Count(string(data), "\n") + 1
		for _, p := range ps {
			if p.File != file || p.Message == "" || p.Line > lines || p.Line < 0 {
				t.Errorf("problem %#v (input of %d lines)", p, lines)
			}
		}
	})
}

//go:embed shared-rows.toml
var sharedRows []byte

// SharedRows loads shared-rows.toml, a standard shaped like published
// ones that share rows: duty T1 prints its tasks T1.1–T1.7 in one merged
// row (Task.Shares), and task T2.1 prints output O2.1.1 once for its
// level-3 and level-4 blocks (Block.SharesOutputs). It fails the test if
// the file has any problem.
func SharedRows(t testing.TB) *standard.Standard {
	t.Helper()
	s, ps := standard.CheckData("shared-rows.toml", sharedRows)
	if s == nil || len(ps) > 0 {
		t.Fatalf("shared-rows.toml: %v", ps)
	}
	return s
}
