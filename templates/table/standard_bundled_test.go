package table

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/internal/golden"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/standards"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

// loadBundled loads a bundled standard and fails the test if it cannot.
func loadBundled(t *testing.T, code string) *standard.Standard {
	t.Helper()
	s, err := standard.LoadFS(standards.FS, code+".toml")
	if err != nil {
		t.Fatalf("loading bundled %s: %v", code, err)
	}
	return s
}

// TestStandardTHM2431 checks the seed standard's table against the
// published form: spans of the duty, task, K and S cells, levels, and the
// task × attitude matrix of the seed text.
func TestStandardTHM2431(t *testing.T) {
	s := loadBundled(t, "THM2431-001v1")
	d := build(t, s, templates.Options{})
	ts := doctest.Tables(d)
	g := doctest.Grid(t, ts[1])
	type span struct{ duty, task, k, s int }
	want := map[string]struct {
		level int
		span
	}{
		"T1.1": {3, span{2, 1, 2, 2}}, "T1.2": {3, span{}},
		"T2.1": {3, span{2, 1, 2, 2}}, "T2.2": {3, span{}},
		"T3.1": {4, span{3, 1, 3, 3}}, "T3.2": {3, span{}}, "T3.3": {3, span{}},
		"T4.1": {3, span{2, 1, 2, 2}}, "T4.2": {3, span{}},
		"T5.1": {4, span{4, 1, 4, 4}}, "T5.2": {4, span{}}, "T5.3": {3, span{}}, "T5.4": {3, span{}},
	}
	spanAt := func(r, col int) int {
		if p := g[r][col]; p.Row == r {
			return max(p.Cell.RowSpan, 1)
		}
		return 0
	}
	if len(ts[1].Rows) != 1+len(want) {
		t.Fatalf("main table has %d body rows, want %d", len(ts[1].Rows)-1, len(want))
	}
	for r := 1; r < len(ts[1].Rows); r++ {
		task, _, _ := strings.Cut(doctest.CellText(g[r][1].Cell), " ")
		w, ok := want[task]
		if !ok {
			t.Errorf("row %d: unexpected task %q", r, task)
			continue
		}
		got := span{spanAt(r, 0), spanAt(r, 1), spanAt(r, 5), spanAt(r, 6)}
		if w.span.task == 0 {
			w.span.task = 1 // each task has one block
		}
		if got != w.span {
			t.Errorf("%s: spans duty/task/K/S = %v, want %v", task, got, w.span)
		}
		if lv := doctest.CellText(g[r][4].Cell); lv != fmt.Sprint(w.level) {
			t.Errorf("%s: level %q, want %d", task, lv, w.level)
		}
	}
	if k := doctest.CellText(g[10][5].Cell); !strings.HasPrefix(k, "K26 ") || !strings.HasSuffix(k, "K29 客服相關的行業/工作場域作業規範") {
		t.Errorf("T5 K cell = %q, want K26…K29", k)
	}

	marks, cols := matrixMarks(t, ts[2:3])
	if len(ts) != 3 || strings.Join(cols, " ") != "T1.1 T1.2 T2.1 T2.2 T3.1 T3.2 T3.3 T4.1 T4.2 T5.1 T5.2 T5.3 T5.4" {
		t.Fatalf("%d tables, matrix columns %q; want one matrix of the 13 tasks", len(ts), cols)
	}
	seed := map[string]string{
		"A01": "√·√√√·√√√√√··", "A02": "√√··√√·√··√√·", "A03": "·√√·√√√√····√",
		"A04": "√·√√··√√√··√√", "A05": "··√√··√√√··√√", "A06": "··√√·√··√···√",
	}
	for a, m := range seed {
		if marks[a] != m {
			t.Errorf("matrix %s = %s, want the seed's %s", a, marks[a], m)
		}
	}
	if len(marks) != len(seed) {
		t.Errorf("matrix rows %q, want A01–A06", marks)
	}
}

// TestStandardBundledRemarks checks the paragraphs below the main table
// (attitudes, prerequisites, supplements, notes) against the source texts,
// transcribed in testdata/standard-table/*.remarks.txt: each once, in the
// order of the official form. The main table is checked against its source
// by TestStandardTableAgainstSource.
func TestStandardBundledRemarks(t *testing.T) {
	for _, code := range standards.Codes() {
		t.Run(code, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "standard-table", code+".remarks.txt"))
			if err != nil {
				t.Fatalf("no source transcription for bundled %s: %v", code, err)
			}
			d := build(t, loadBundled(t, code), templates.Options{})
			var got strings.Builder
			main := 0
			for _, bl := range d.Blocks {
				switch bl := bl.(type) {
				case *render.Table:
					main++
				case *render.Heading:
					if render.Texts(bl.Runs) == "基準更新紀錄" {
						main = -1 << 10 // the version history is not a remark
					}
				case *render.Paragraph:
					if main >= 2 { // after the header grid and the main table
						fmt.Fprintln(&got, render.Texts(bl.Runs))
					}
				}
			}
			if want := stripComments(string(data)); got.String() != want {
				t.Errorf("text below the main table differs from the source (-want +got):\n%s", golden.Diff(want, got.String()))
			}
		})
	}
}

func BenchmarkStandard(b *testing.B) {
	s, err := standard.LoadFS(standards.FS, "THM2431-001v1.toml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Standard(s, templates.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
