package pdf

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/render"
)

// randomTable builds a valid table of random shape: random widths, spans
// that fit the grid, and cells of random length, each starting with a
// unique token "Cn.". Unless narrow, columns are wide enough for a token,
// so a token is never cut between lines.
func randomTable(rng *rand.Rand, narrow bool) (*render.Table, []string) {
	cols := 1 + rng.IntN(6)
	rows := 1 + rng.IntN(25)
	t := &render.Table{HeaderRows: rng.IntN(min(rows, 3)), Continued: "（續）"}
	for range cols {
		if narrow {
			t.Widths = append(t.Widths, 0.1+rng.Float64()*3)
		} else {
			t.Widths = append(t.Widths, 1+rng.Float64())
		}
	}
	taken := make([][]bool, rows)
	for r := range taken {
		taken[r] = make([]bool, cols)
	}
	var tokens []string
	filler := []rune("依照不同客戶型態安排客戶服務活動及銷售服務提供客戶所需之協助 P1.1.1 with words，。（）【註1】")
	for r := 0; r < rows; r++ {
		var row render.Row
		row.KeepTogether = rng.IntN(3) == 0
		for c := 0; c < cols; c++ {
			if taken[r][c] {
				continue
			}
			cs := 1
			for cs < cols-c && !taken[r][c+cs] && rng.IntN(4) == 0 {
				cs++
			}
			rs := 1
			limit := rows
			if r < t.HeaderRows {
				limit = t.HeaderRows
			}
			for r+rs < limit && rng.IntN(3) == 0 {
				rs++
			}
			for i := r; i < r+rs; i++ {
				for k := c; k < c+cs; k++ {
					taken[i][k] = true
				}
			}
			tok := fmt.Sprintf("C%d.", len(tokens))
			tokens = append(tokens, tok)
			n := rng.IntN(400)
			if rng.IntN(20) == 0 {
				n = 3000 // taller than a page in a narrow column
			}
			var b strings.Builder
			b.WriteString(tok)
			for range n {
				b.WriteRune(filler[rng.IntN(len(filler))])
			}
			row.Cells = append(row.Cells, render.Cell{
				Paras: text(b.String()), RowSpan: rs, ColSpan: cs,
				VAlign: render.VAlign(rng.IntN(3)), Align: render.Align(rng.IntN(4)), Shade: rng.IntN(5) == 0,
			})
			c += cs - 1
		}
		t.Rows = append(t.Rows, row)
	}
	return t, tokens
}

// TestRandomTables lays out random tables and checks that every token is
// drawn, no text leaves the text area and no cell part pokes out of it.
func TestRandomTables(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	set := testSet(t)
	n := 60
	if testing.Short() {
		n = 10
	}
	for i := 0; i < n; i++ {
		narrow := i%3 == 2
		tb, tokens := randomTable(rng, narrow)
		doc := &render.Document{
			Footer: render.Footer{Center: "{page}/{pages}"},
			Blocks: []render.Block{&render.Paragraph{Runs: []render.Run{{Text: "前言"}}}, tb},
		}
		f, err := layoutOnly(doc, Options{Fonts: set})
		if err != nil {
			t.Fatalf("table %d: %v", i, err)
		}
		var all strings.Builder
		for p, pg := range f.pages {
			for _, o := range pg.texts {
				all.WriteString(o.text)
				if o.y > f.limit()+0.01 && o.y < f.pageH-f.bottom/2-2 {
					t.Errorf("table %d page %d: text %q at y %.1f below the text area", i, p+1, o.text, o.y)
				}
				if o.y < f.top {
					t.Errorf("table %d page %d: text %q at y %.1f above the text area", i, p+1, o.text, o.y)
				}
			}
			for _, o := range pg.rules {
				if o.kind == opFrame && (o.y < f.top-0.01 || o.y+o.h > f.limit()+0.01) && o.h < f.body() {
					t.Errorf("table %d page %d: cell part %.1f–%.1f outside the text area", i, p+1, o.y, o.y+o.h)
				}
			}
		}
		got := all.String()
		for _, tok := range tokens {
			if !narrow && !strings.Contains(got, tok) {
				t.Errorf("table %d: token %s was not drawn", i, tok)
			}
		}
		// Every line of every cell was printed: a cell's next line only
		// moves forward as its lines are drawn.
		for _, c := range f.items[1].(*tableItem).g.cells {
			if c.next != len(c.lines) && c.row >= tb.HeaderRows {
				t.Errorf("table %d: cell at row %d column %d printed %d of its %d lines", i, c.row, c.col, c.next, len(c.lines))
			}
		}
		if len(f.pages) > 200 {
			t.Errorf("table %d took %d pages", i, len(f.pages))
		}
	}
}

// TestRandomInvalidTables throws tables with arbitrary spans and widths
// at Render: each either renders or fails with a clear error, never with
// an internal error.
func TestRandomInvalidTables(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	set := testSet(t)
	for i := 0; i < 300; i++ {
		tb := &render.Table{HeaderRows: rng.IntN(4) - 1}
		for range rng.IntN(4) {
			tb.Widths = append(tb.Widths, float64(rng.IntN(4)-1))
		}
		for range rng.IntN(5) {
			var row render.Row
			for range rng.IntN(5) {
				row.Cells = append(row.Cells, render.Cell{Paras: text("格"), RowSpan: rng.IntN(5) - 1, ColSpan: rng.IntN(5) - 1})
			}
			tb.Rows = append(tb.Rows, row)
		}
		f, err := layoutOnly(&render.Document{Blocks: []render.Block{tb}}, Options{Fonts: set})
		if err != nil {
			if e := err.Error(); !strings.HasPrefix(e, "blocks[0]: ") && !strings.HasPrefix(e, "blocks[0].rows[") {
				t.Errorf("table %d: error %q does not name the block", i, err)
			}
			continue
		}
		if len(f.pages) == 0 {
			t.Errorf("table %d: no pages", i)
		}
	}
}

// A cached layout is taken only by a face table that numbers the faces as
// the layout did, and it adds the entries the layout added.
func TestFaceTableExtend(t *testing.T) {
	set := testSet(t)
	a, b := set.Regular, set.Bold
	if b == nil || b == a {
		t.Skip("the test set has no bold face of its own")
	}
	for _, tc := range []struct {
		have, before, added []*fonts.Face
		ok                  bool
		want                int
	}{
		{have: nil, before: nil, added: []*fonts.Face{a, b}, ok: true, want: 2},
		{have: []*fonts.Face{a}, before: []*fonts.Face{a}, added: []*fonts.Face{b}, ok: true, want: 2},
		{have: []*fonts.Face{a, b}, before: []*fonts.Face{a}, added: []*fonts.Face{b}, ok: true, want: 2},
		{have: []*fonts.Face{a}, before: nil, added: []*fonts.Face{a, b}, ok: true, want: 2},
		{have: []*fonts.Face{b}, before: []*fonts.Face{a}, added: nil, ok: false, want: 1},
		{have: []*fonts.Face{a, b}, before: []*fonts.Face{a}, added: nil, ok: false, want: 2},
		{have: []*fonts.Face{a}, before: []*fonts.Face{a, b}, added: nil, ok: false, want: 1},
		{have: []*fonts.Face{b}, before: nil, added: []*fonts.Face{a, b}, ok: false, want: 1},
	} {
		ft := newFaceTable(set, nil)
		for _, f := range tc.have {
			ft.entry(f)
		}
		if ok := ft.extend(tc.before, tc.added); ok != tc.ok || len(ft.entries) != tc.want {
			t.Errorf("have %d, before %d, added %d: extend %v with %d entries, want %v with %d",
				len(tc.have), len(tc.before), len(tc.added), ok, len(ft.entries), tc.ok, tc.want)
		}
	}
}
