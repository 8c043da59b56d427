package render

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// otherBlock is a block type of no backend's: it has isBlock through the
// embedded heading.
type otherBlock struct{ *Heading }

// allBlocks returns a well-formed block of every type.
func allBlocks() []Block {
	return []Block{
		&Heading{Level: 1, Runs: []Run{{Text: "標題"}}},
		&Paragraph{Runs: []Run{{Text: "段落"}}, Indent: 5, Hanging: -3},
		&KeyValue{Columns: 2, Pairs: []Pair{{Label: "甲", Value: []Paragraph{Text("一")}}}},
		&Table{Widths: []float64{1, 2}, HeaderRows: 1, Rows: []Row{cells("h:1x2"), cells("a:2x1", "b"), cells("c")}},
		&List{Items: [][]Run{{{Text: "項"}}}},
		&Signature{Fields: []string{"簽名"}},
		&PageBreak{NewSection: true},
	}
}

func TestCheckAccepts(t *testing.T) {
	for _, d := range []*Document{{}, {Blocks: allBlocks()}} {
		if err := Check(d); err != nil {
			t.Errorf("Check(%d blocks): %v", len(d.Blocks), err)
		}
	}
}

func TestCheck(t *testing.T) {
	para := func(indent, hanging float64) Paragraph {
		return Paragraph{Runs: []Run{{Text: "文"}}, Indent: indent, Hanging: hanging}
	}
	pairs := []Pair{{Label: "甲"}}
	for _, c := range []struct {
		name  string
		block Block
		path  string // the error's path, blocks[1] being the block under test
		want  string
	}{
		{"nil", nil, "blocks[1]", "block is nil"},
		{"nil heading", (*Heading)(nil), "blocks[1]", "block is nil"},
		{"nil paragraph", (*Paragraph)(nil), "blocks[1]", "block is nil"},
		{"nil key-value grid", (*KeyValue)(nil), "blocks[1]", "block is nil"},
		{"nil table", (*Table)(nil), "blocks[1]", "block is nil"},
		{"nil list", (*List)(nil), "blocks[1]", "block is nil"},
		{"nil signature", (*Signature)(nil), "blocks[1]", "block is nil"},
		{"nil page break", (*PageBreak)(nil), "blocks[1]", "block is nil"},
		{"unknown block type", otherBlock{&Heading{}}, "blocks[1]", "unknown block type render.otherBlock"},
		{"empty table", &Table{}, "blocks[1]", "table has no column widths"},
		{"zero widths", &Table{Widths: []float64{0, 0}, Rows: []Row{cells("a")}}, "blocks[1]", "widths[0] is 0"},
		{"table without rows", &Table{Widths: []float64{1}}, "blocks[1]", "the table has no rows"},
		{"span past the table", table(2, cells("a", "b"), cells("c:2x1", "d")), "blocks[1].rows[1].cells[0]", "the cell spans 2 rows from row 2"},
		{"too many cells", table(1, cells("a"), cells("b", "c")), "blocks[1].rows[1].cells[1]", "no free column"},
		{"negative span", table(1, cells("a:-1x1")), "blocks[1].rows[0].cells[0]", "RowSpan -1"},
		{"cell indent before layout", table(1, Row{Cells: []Cell{{Paras: []Paragraph{para(0, 0), para(math.Inf(-1), 0)}}, {}}}),
			"blocks[1].rows[0].cells[0].paras[1]", "Indent is -Inf: give a length in millimetres"},
		{"negative columns", &KeyValue{Columns: -1, Pairs: pairs}, "blocks[1]", "Columns is -1"},
		{"label width 1", &KeyValue{LabelWidth: 1, Pairs: pairs}, "blocks[1]", "LabelWidth is 1:"},
		{"negative label width", &KeyValue{LabelWidth: -0.2, Pairs: pairs}, "blocks[1]", "LabelWidth is -0.2"},
		{"NaN label width", &KeyValue{LabelWidth: math.NaN(), Pairs: pairs}, "blocks[1]", "LabelWidth is NaN"},
		{"no pairs", &KeyValue{}, "blocks[1]", "the key-value grid has no pairs"},
		{"value indent", &KeyValue{Pairs: []Pair{{Label: "甲"}, {Label: "乙", Value: []Paragraph{para(0, math.NaN())}}}},
			"blocks[1].pairs[1].paras[0]", "Hanging is NaN"},
		{"paragraph indent NaN", &Paragraph{Indent: math.NaN()}, "blocks[1]", "Indent is NaN"},
		{"paragraph indent past a metre", &Paragraph{Indent: 1001}, "blocks[1]", "Indent is 1001: give a length in millimetres, at most 1000 either way"},
		{"signature without fields", &Signature{}, "blocks[1]", "the signature line has no fields"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := &Document{Blocks: []Block{&Heading{}, c.block}}
			err := Check(d)
			var pe *PathError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a *PathError", err)
			}
			if pe.Path != c.path || !strings.Contains(pe.Err.Error(), c.want) {
				t.Errorf("error at %q: %v; want at %q one containing %q", pe.Path, pe.Err, c.path, c.want)
			}
			if want := c.path + ": " + pe.Err.Error(); err.Error() != want {
				t.Errorf("message %q, want %q", err, want)
			}
		})
	}
	if err := Check(nil); err == nil {
		t.Error("Check(nil) gave no error")
	}
}

// TestCheckPathsAreWalkPaths checks that Check names a cell the way Walk
// names its text.
func TestCheckPathsAreWalkPaths(t *testing.T) {
	d := &Document{Blocks: allBlocks()}
	d.Blocks = append(d.Blocks, table(2, cells("a", "b"), cells("c", "d", "錯")))
	err := Check(d)
	var pe *PathError
	if !errors.As(err, &pe) {
		t.Fatalf("got %v, want a *PathError", err)
	}
	var where []string
	Walk(d, func(w, text string) {
		if text == "錯" {
			where = append(where, w)
		}
	})
	if len(where) != 1 || !strings.HasPrefix(where[0], pe.Path+".") {
		t.Errorf("Check names %q; Walk names the cell's text at %q", pe.Path, where)
	}
}
