package docx

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/internal/testtool"
	"github.com/ocs-project/ocs/render"
)

// readBackScript prints, as JSON, what python-docx reads from each DOCX
// named on the command line: body paragraph texts in order (table cells
// row by row), each table's grid of cell identities (cells merged by
// w:vMerge or w:gridSpan resolve to the same w:tc) and header-row flags,
// the East Asian default font, the sections' footers and the core
// properties.
const readBackScript = `
import json, sys
import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

def texts(d):
    out = []
    for el in d.element.body.iterchildren():
        if el.tag == qn('w:p'):
            out.append(Paragraph(el, d).text)
        elif el.tag == qn('w:tbl'):
            for tr in el.tr_lst:
                for tc in tr.tc_lst:
                    out.extend(Paragraph(p, d).text for p in tc.p_lst)
    return out

def tables(d):
    res = []
    for t in d.tables:
        seen, grid = [], []
        for r in range(len(t.rows)):
            line = []
            for c in range(len(t.columns)):
                tc = t.cell(r, c)._tc
                for i, x in enumerate(seen):
                    if x is tc:
                        line.append(i)
                        break
                else:
                    seen.append(tc)
                    line.append(len(seen) - 1)
            grid.append(line)
        header = [tr.trPr is not None and tr.trPr.find(qn('w:tblHeader')) is not None for tr in t._tbl.tr_lst]
        res.append({"grid": grid, "header": header})
    return res

out = []
for path in sys.argv[1:]:
    d = docx.Document(path)
    fonts = d.styles.element.find(qn('w:docDefaults')).find(qn('w:rPrDefault')).find(qn('w:rPr')).find(qn('w:rFonts'))
    cp = d.core_properties
    out.append({
        "texts": texts(d),
        "tables": tables(d),
        "eastAsia": fonts.get(qn('w:eastAsia')),
        "ascii": fonts.get(qn('w:ascii')),
        "footers": [{"linked": s.footer.is_linked_to_previous,
                     "text": "\n".join(p.text for p in s.footer.paragraphs),
                     "fields": [i.text.strip() for i in s.footer._element.iter(qn('w:instrText'))],
                     "landscape": s.orientation == 1} for s in d.sections],
        "core": {"title": cp.title, "subject": cp.subject, "keywords": cp.keywords,
                 "language": cp.language, "created": cp.created.isoformat()},
    })
print(json.dumps(out, ensure_ascii=False))
`

type readBack struct {
	Texts  []string `json:"texts"`
	Tables []struct {
		Grid   [][]int `json:"grid"`
		Header []bool  `json:"header"`
	} `json:"tables"`
	EastAsia string `json:"eastAsia"`
	ASCII    string `json:"ascii"`
	Footers  []struct {
		Linked    bool     `json:"linked"`
		Text      string   `json:"text"`
		Fields    []string `json:"fields"`
		Landscape bool     `json:"landscape"`
	} `json:"footers"`
	Core map[string]string `json:"core"`
}

// pythonDocx reads the files back with python-docx, or skips the test when
// it is not installed.
func pythonDocx(t *testing.T, files ...string) []readBack {
	t.Helper()
	python := testtool.PythonDocx(t)
	cmd := exec.Command(python, append([]string{"-c", readBackScript}, files...)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python-docx could not read the files: %v\n%s", err, stderr.String())
	}
	var res []readBack
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("python-docx output: %v", err)
	}
	return res
}

// shape turns a hand-drawn table into the grid of cell identities that
// python-docx reports: one string per row, "*" a new cell, "^" the cell
// above continuing down (w:vMerge), "<" the cell on the left spanning
// across (w:gridSpan). Cells are numbered in order of first appearance.
func shape(rows ...string) [][]int {
	out := make([][]int, len(rows))
	next := 0
	for r, row := range rows {
		for c, ch := range row {
			switch ch {
			case '*':
				out[r] = append(out[r], next)
				next++
			case '^':
				out[r] = append(out[r], out[r-1][c])
			case '<':
				out[r] = append(out[r], out[r][c-1])
			}
		}
	}
	return out
}

// repeat lists rows n times.
func repeat(n int, rows ...string) []string {
	var out []string
	for range n {
		out = append(out, rows...)
	}
	return out
}

// sampleGrids are the tables of sampleDocument(5, 4), drawn by hand from
// how it builds them: the key-value header (two pairs a row, the fifth
// pair's value spanning the free columns), the main table (the duty cell
// down its four task rows; level, K and S of the first task down over the
// second), the attitude matrix with its note across, and the key-value
// grid of the form.
var sampleGrids = [][][]int{
	shape("****", "****", "**<<"),
	shape(append([]string{"*******"}, repeat(5, "*******", "^***^^^", "^******", "^******")...)...),
	shape("*****", "*****", "*****", "*****", "*<<<<"),
	shape("**", "**"),
}

// landscapeGrids are the tables of sampleDocument(2, 2) up to its section
// break: with two tasks a duty only the duty cell spans down.
var landscapeGrids = [][][]int{
	shape("****", "****", "**<<"),
	shape(append([]string{"*******"}, repeat(2, "*******", "^******")...)...),
	shape("*****", "*****", "*****", "*****", "*<<<<"),
}

func TestPythonDocxReadsBack(t *testing.T) {
	dir := t.TempDir()
	sample := sampleDocument(5, 4)
	landscape := sampleDocument(2, 2)
	landscape.Page.Landscape = true
	landscape.Blocks = landscape.Blocks[:9] // up to the section break: one section
	hostileDoc := &render.Document{Meta: render.Meta{Title: hostile[0]}}
	for _, s := range hostile {
		hostileDoc.Blocks = append(hostileDoc.Blocks, &render.Paragraph{Runs: []render.Run{{Text: s}}})
	}
	docs := []*render.Document{sample, landscape, hostileDoc}
	var files []string
	for i, d := range docs {
		f := filepath.Join(dir, fmt.Sprintf("doc%d.docx", i))
		if err := os.WriteFile(f, mustRender(t, d), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	res := pythonDocx(t, files...)

	for i, d := range docs {
		got := res[i]
		if miss := inOrder(strings.Join(got.Texts, "\n"), expectedTexts(d), false); miss != "" {
			t.Errorf("doc%d: python-docx does not find %q in order", i, miss)
		}
		if got.EastAsia != DefaultEastAsiaFont || got.ASCII != DefaultASCIIFont {
			t.Errorf("doc%d: default fonts %q / %q", i, got.EastAsia, got.ASCII)
		}
		if got.Core["title"] != d.Meta.Title {
			t.Errorf("doc%d: title %q, want %q", i, got.Core["title"], d.Meta.Title)
		}
		// Tables in document order, key-value grids included.
		var tables []*render.Table
		for _, b := range d.Blocks {
			switch b := b.(type) {
			case *render.Table:
				tables = append(tables, b)
			case *render.KeyValue:
				tables = append(tables, keyValueTable(b))
			}
		}
		if len(got.Tables) != len(tables) {
			t.Fatalf("doc%d: python-docx finds %d tables, want %d", i, len(got.Tables), len(tables))
		}
		wantGrids := [][][][]int{sampleGrids, landscapeGrids, nil}[i]
		if len(wantGrids) != len(tables) {
			t.Fatalf("doc%d: %d hand-drawn grids for %d tables", i, len(wantGrids), len(tables))
		}
		for k, tbl := range tables {
			if want := wantGrids[k]; fmt.Sprint(got.Tables[k].Grid) != fmt.Sprint(want) {
				t.Errorf("doc%d table %d: merged cells read back as\n%v\nwant\n%v", i, k, got.Tables[k].Grid, want)
			}
			for r, h := range got.Tables[k].Header {
				if h != (r < tbl.HeaderRows) {
					t.Errorf("doc%d table %d row %d: header flag %v", i, k, r, h)
				}
			}
		}
	}

	s := res[0]
	// The merged duty cell resolves to one cell over its four task rows.
	if g := s.Tables[1].Grid; g[1][0] != g[4][0] || g[1][0] == g[5][0] {
		t.Errorf("duty cell not merged over rows 1–4: %v", g)
	}
	if len(s.Footers) != 2 || s.Footers[0].Linked || s.Footers[1].Linked ||
		!strings.Contains(s.Footers[1].Text, "評量表 王小明") ||
		fmt.Sprint(s.Footers[0].Fields) != "[PAGE SECTIONPAGES]" {
		t.Errorf("sections' footers: %+v", s.Footers)
	}
	if s.Core["keywords"] != "THM2431-001v1" || s.Core["language"] != "zh-TW" || s.Core["subject"] != "職能基準" ||
		!strings.HasPrefix(s.Core["created"], "2024-12-15T00:00:00") {
		t.Errorf("core properties: %v", s.Core)
	}
	l := res[1]
	if len(l.Footers) != 1 || !l.Footers[0].Landscape || fmt.Sprint(l.Footers[0].Fields) != "[PAGE NUMPAGES]" ||
		l.Footers[0].Text != "\t第 1 頁／共 1 頁\tTHM2431-001v1" {
		t.Errorf("landscape one-section document: %+v", l.Footers)
	}
	if got := res[2].Texts; strings.Join(got, "\x00") != strings.Join(hostile, "\x00") {
		t.Errorf("hostile text read back as %q, want %q", got, hostile)
	}
}
