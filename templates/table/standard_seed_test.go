package table

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/internal/golden"
	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

// outline writes the main table of a standard as the hand-written
// fixtures in testdata/standard-table spell it: a duty line where a duty
// cell starts, then the K and S cells that start in that row with the
// number of rows they span, then the task with its level and the
// outputs and indicators of the row, one paragraph a line.
func outline(t *testing.T, tb *render.Table) string {
	t.Helper()
	g := doctest.Grid(t, tb)
	var b strings.Builder
	list := func(indent string, c *render.Cell) {
		for _, p := range c.Paras {
			if s := render.Texts(p.Runs); s != "" {
				s = strings.ReplaceAll(s, "\n", "\n"+indent+"  ")
				fmt.Fprintf(&b, "%s%s\n", indent, s)
			}
		}
	}
	starts := func(r, col int) bool { return g[r][col].Row == r && g[r][col].Col == col }
	for r := tb.HeaderRows; r < len(g); r++ {
		if starts(r, 0) {
			fmt.Fprintf(&b, "%s\n", doctest.CellText(g[r][0].Cell))
		}
		for _, kc := range []struct {
			col  int
			name string
		}{{5, "K"}, {6, "S"}} {
			if starts(r, kc.col) {
				fmt.Fprintf(&b, "  %s (%d rows):\n", kc.name, max(g[r][kc.col].Cell.RowSpan, 1))
				list("    ", g[r][kc.col].Cell)
			}
		}
		if starts(r, 1) {
			fmt.Fprintf(&b, "  %s [%s]\n", doctest.CellText(g[r][1].Cell), doctest.CellText(g[r][4].Cell))
		}
		list("    ", g[r][2].Cell)
		list("    ", g[r][3].Cell)
	}
	return b.String()
}

// The main table of each bundled standard says what its source says:
// THM2431-001v1 as extracted from the official PDF (the seed text), and
// BAS1219-002v4 as transcribed in the domain notes (§4). The fixtures are
// written from those texts, not from the code: codes, texts, levels, the
// order of rows and the rows each merged K and S cell spans.
func TestStandardTableAgainstSource(t *testing.T) {
	for _, code := range []string{"THM2431-001v1", "BAS1219-002v4"} {
		t.Run(code, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "standard-table", code+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			want := stripComments(string(data))
			d := build(t, loadBundled(t, code), templates.Options{})
			got := outline(t, doctest.Tables(d)[1])
			if got != want {
				t.Errorf("main table differs from its source (-want +got):\n%s", golden.Diff(want, got))
			}
		})
	}
}

// stripComments drops the "#" lines that head a fixture.
func stripComments(s string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(s, "\n") {
		if !strings.HasPrefix(l, "#") {
			b.WriteString(l)
		}
	}
	return b.String()
}
