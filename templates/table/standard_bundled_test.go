package table

import (
	"fmt"
	"strings"
	"testing"

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

// TestStandardBundledText walks every bundled standard and checks that
// each text of the model is printed once, in its place: outputs,
// indicators, K and S in their task's cells (a merged cell once for its
// rows), attitudes and notes below the table.
func TestStandardBundledText(t *testing.T) {
	for _, code := range standards.Codes() {
		t.Run(code, func(t *testing.T) {
			s := loadBundled(t, code)
			d := build(t, s, templates.Options{})
			g := doctest.Grid(t, doctest.Tables(d)[1])
			r := 1
			for _, duty := range s.Duties {
				for _, task := range duty.Tasks {
					for bi, bl := range task.Blocks {
						check := func(col int, want []string) {
							t.Helper()
							p := g[r][col]
							got := doctest.CellText(p.Cell)
							if got != strings.Join(want, "\n") {
								t.Errorf("%s block %d column %d = %q, want %q", task.Code, bi, col, got, want)
							}
						}
						var outs, inds, ks, ss []string
						for _, e := range bl.Outputs {
							outs = append(outs, e.Code+" "+e.Text)
						}
						for _, e := range bl.Indicators {
							inds = append(inds, e.Code+" "+e.Text)
						}
						for _, k := range bl.Knowledge {
							ks = append(ks, k.Code+" "+k.Text)
						}
						for _, k := range bl.Skills {
							ss = append(ss, k.Code+" "+k.Text)
						}
						check(2, outs)
						check(3, inds)
						check(5, ks)
						check(6, ss)
						r++
					}
				}
			}
			if r != len(g) {
				t.Errorf("main table has %d body rows, the standard %d blocks", len(g)-1, r-1)
			}
			text := paragraphs(d)
			for _, a := range s.Attitudes {
				line := a.Code + " " + a.Name
				if a.Definition != "" {
					line += "：" + a.Definition
				}
				if !strings.Contains(text, line+"\n") {
					t.Errorf("attitude %q not printed", line)
				}
			}
			for _, n := range s.Notes {
				line := fmt.Sprintf("【註%d】%s：%s", n.N, n.Term, n.Text)
				if !strings.Contains(text, line+"\n") {
					t.Errorf("note %q not printed", line)
				}
			}
			for _, p := range append(s.Prerequisites, s.Supplements...) {
				if strings.Count(text, p+"\n") != 1 {
					t.Errorf("remark %q printed %d times, want once", p, strings.Count(text, p+"\n"))
				}
			}
		})
	}
}

// paragraphs returns the text of every heading and paragraph of the
// document, in and out of tables, one per line.
func paragraphs(d *render.Document) string {
	var b strings.Builder
	for _, bl := range d.Blocks {
		switch bl := bl.(type) {
		case *render.Heading:
			fmt.Fprintln(&b, render.Texts(bl.Runs))
		case *render.Paragraph:
			fmt.Fprintln(&b, render.Texts(bl.Runs))
		case *render.Table:
			for _, r := range bl.Rows {
				for _, c := range r.Cells {
					for _, p := range c.Paras {
						fmt.Fprintln(&b, render.Texts(p.Runs))
					}
				}
			}
		}
	}
	return b.String()
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
