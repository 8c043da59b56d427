package table

import (
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

// matrixMarks returns each attitude row of the matrix tables as its code
// and a pattern of √ and ·, columns of all tables joined in order, and the
// task codes of the columns.
func matrixMarks(t *testing.T, ts []*render.Table) (map[string]string, []string) {
	t.Helper()
	marks := map[string]string{}
	var cols []string
	for _, tb := range ts {
		doctest.Grid(t, tb)
		for _, c := range tb.Rows[0].Cells[1:] {
			cols = append(cols, doctest.CellText(&c))
		}
		for _, r := range tb.Rows[1:] {
			code, _, _ := strings.Cut(doctest.CellText(&r.Cells[0]), " ")
			for _, c := range r.Cells[1:] {
				switch doctest.CellText(&c) {
				case "√":
					marks[code] += "√"
				case "":
					marks[code] += "·"
				default:
					t.Errorf("matrix cell of %s = %q, want √ or empty", code, doctest.CellText(&c))
				}
				if c.Align != render.Center {
					t.Errorf("matrix cell of %s not centred", code)
				}
			}
		}
	}
	return marks, cols
}

func TestStandardAttitudes(t *testing.T) {
	d := build(t, sampleStandard(), templates.Options{})
	var texts []string
	var heading int
	for i, b := range d.Blocks {
		if h, ok := b.(*render.Heading); ok && render.Texts(h.Runs) == "職能內涵（A=attitude 態度）" {
			heading = i
		}
	}
	if heading == 0 {
		t.Fatal("no attitude heading")
	}
	for _, b := range d.Blocks[heading+1 : heading+3] {
		texts = append(texts, render.Texts(b.(*render.Paragraph).Runs))
	}
	wantTexts := []string{"A01 主動積極：不需他人指示能自動自發做事【註2】。", "A02 謹慎細心"}
	if strings.Join(texts, "\n") != strings.Join(wantTexts, "\n") {
		t.Errorf("attitudes = %q, want %q", texts, wantTexts)
	}
	m, ok := d.Blocks[heading+3].(*render.Table)
	if !ok {
		t.Fatalf("block after the attitudes = %T, want the matrix table", d.Blocks[heading+3])
	}
	marks, cols := matrixMarks(t, []*render.Table{m})
	if strings.Join(cols, " ") != "T1.1 T1.2 T2.1 T2.2" {
		t.Errorf("matrix columns = %q", cols)
	}
	if marks["A01"] != "√·√·" || marks["A02"] != "·√√·" {
		t.Errorf("matrix marks = %q", marks)
	}
	if m.HeaderRows != 1 || !m.Rows[0].Cells[1].Shade {
		t.Error("matrix header row not flagged and shaded")
	}
}

func TestStandardWithoutAttitudes(t *testing.T) {
	s := sampleStandard()
	s.Attitudes = nil
	for i := range s.Duties {
		for j := range s.Duties[i].Tasks {
			s.Duties[i].Tasks[j].Attitudes = nil
		}
	}
	d := build(t, s, templates.Options{})
	if text := doctest.AllText(d); strings.Contains(text, "A=attitude") || strings.Contains(text, "A01") {
		t.Errorf("a standard without attitudes prints an attitude section:\n%s", text)
	}
	if n := len(doctest.Tables(d)); n != 3 {
		t.Errorf("%d tables, want 3 (header, main table, history): no matrix", n)
	}

	// A catalogue with no task marks: the list, but no matrix.
	s.Attitudes = sampleStandard().Attitudes
	d = build(t, s, templates.Options{})
	if !strings.Contains(doctest.AllText(d), "A02 謹慎細心") {
		t.Error("attitude list missing")
	}
	if n := len(doctest.Tables(d)); n != 3 {
		t.Errorf("%d tables, want 3: no matrix when no task marks an attitude", n)
	}
}

func TestStandardWideMatrix(t *testing.T) {
	s := &standard.Standard{Occupation: "寬矩陣", Attitudes: []standard.Attitude{{Code: "A01", Name: "主動積極"}}}
	want := ""
	for d := range 4 {
		duty := standard.Duty{Title: "職責"}
		for k := range 12 {
			task := standard.Task{Title: "任務", Blocks: []standard.Block{{Indicators: []standard.Entry{{Text: "指標。"}}}}}
			if (d+k)%3 == 0 {
				task.Attitudes = []string{"A01"}
				want += "√"
			} else {
				want += "·"
			}
			duty.Tasks = append(duty.Tasks, task)
		}
		s.Duties = append(s.Duties, duty)
	}
	standard.Normalize(s)
	for _, tt := range []struct {
		landscape bool
		width     float64
	}{{false, stdPortraitWidth}, {true, stdLandscapeWidth}} {
		d := build(t, s, templates.Options{Landscape: tt.landscape})
		ms := doctest.Tables(d)[2:]
		if len(ms) < 2 {
			t.Errorf("landscape %v: 48 tasks in %d matrix table, want a split", tt.landscape, len(ms))
		}
		for i, m := range ms {
			sum := 0.0
			for _, w := range m.Widths {
				sum += w
			}
			if sum > tt.width {
				t.Errorf("landscape %v: matrix table %d is %.0f mm wide, text width %.0f", tt.landscape, i, sum, tt.width)
			}
			if doctest.CellText(&m.Rows[1].Cells[0]) != "A01 主動積極" {
				t.Errorf("matrix table %d does not repeat the attitude column", i)
			}
		}
		marks, cols := matrixMarks(t, ms)
		if marks["A01"] != want || len(cols) != 48 || cols[0] != "T1.1" || cols[47] != "T4.12" {
			t.Errorf("landscape %v: marks %q cols %d…, want %q", tt.landscape, marks["A01"], len(cols), want)
		}
	}
}
