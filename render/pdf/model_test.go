package pdf

// Tests on the page model: what layout draws on each page, before any PDF
// is written. They need no external tool, so they run (and catch layout
// mistakes) everywhere, also where pdftotext and qpdf are missing.

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
)

// baselines returns the text of a page line by line, top to bottom: the
// texts on one baseline joined left to right.
func baselines(pg *page) []string {
	ops := slices.Clone(pg.texts)
	slices.SortStableFunc(ops, func(a, b op) int {
		if d := a.y - b.y; d < -0.01 || d > 0.01 {
			return cmp.Compare(a.y, b.y)
		}
		return cmp.Compare(a.x, b.x)
	})
	var lines []string
	for i, o := range ops {
		if i > 0 && o.y-ops[i-1].y < 0.01 {
			lines[len(lines)-1] += o.text
			continue
		}
		lines = append(lines, o.text)
	}
	return lines
}

// The header row of a table is drawn again at the top of every page the
// table reaches, shaded, above every other text of the table.
func TestHeaderRowOnEveryPage(t *testing.T) {
	doc := &render.Document{Blocks: []render.Block{
		&render.Heading{Level: 1, Runs: []render.Run{{Text: "工作職責及工作任務"}}},
		longTable(6, 4, 4),
	}}
	f, err := layoutOnly(doc, Options{Fonts: testSet(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.pages) < 3 {
		t.Fatalf("the table takes %d pages, want at least 3", len(f.pages))
	}
	// The header cells, column by column; 級別 wraps in its narrow column.
	const header = "工作職責工作任務行為指標級別職能內涵（知識）"
	for i, pg := range f.pages {
		// The header band is the shading at the top of the table.
		var band []op
		for _, fl := range pg.fills {
			if len(band) == 0 || fl.y < band[0].y-0.01 {
				band = []op{fl}
			} else if fl.y-band[0].y < 0.01 {
				band = append(band, fl)
			}
		}
		if len(band) != 5 {
			t.Errorf("page %d: %d shaded cells at the top of the table, want the 5 of the header row", i+1, len(band))
			continue
		}
		top, bottom := band[0].y, band[0].y+band[0].h
		if i > 0 && top-f.top > 0.01 {
			t.Errorf("page %d: the header row starts at y %.1f, want the top of the text area %.1f", i+1, top, f.top)
		}
		// Texts inside the band, by column; nothing of the table above it.
		var in []op
		for _, o := range pg.texts {
			switch {
			case o.y > top && o.y < bottom:
				in = append(in, o)
			case o.y <= top && !(i == 0 && o.text == "工作職責及工作任務"):
				t.Errorf("page %d: %q at y %.1f above the header row", i+1, o.text, o.y)
			}
		}
		slices.SortStableFunc(in, func(a, b op) int {
			if c := cmp.Compare(a.x, b.x); c != 0 {
				return c
			}
			return cmp.Compare(a.y, b.y)
		})
		var got strings.Builder
		for _, o := range in {
			got.WriteString(o.text)
		}
		if got.String() != header {
			t.Errorf("page %d: the header row reads %q, want %q", i+1, got.String(), header)
		}
	}
}

// Note references are drawn whole, as superscripts, in order: 【註N】 with
// both brackets, in paragraphs and in table cells, also where the line
// breaks right before or after them.
func TestNoteReferencesDrawnWhole(t *testing.T) {
	var runs []render.Run
	var want strings.Builder
	for n := 1; n <= 12; n++ {
		body := fmt.Sprintf("第%d項指標依照不同客戶型態安排服務", n)
		ref := fmt.Sprintf("【註%d】", n)
		runs = append(runs, render.Run{Text: body}, render.Run{Text: ref, Super: true}, render.Run{Text: "。"})
		want.WriteString(ref)
	}
	doc := &render.Document{Blocks: []render.Block{
		&render.Paragraph{Runs: runs},
		&render.Table{Widths: []float64{1, 3}, Rows: []render.Row{{Cells: []render.Cell{
			{Paras: text("指標")},
			{Paras: []render.Paragraph{{Runs: runs}}},
		}}}},
	}}
	f, err := layoutOnly(doc, Options{Fonts: testSet(t)})
	if err != nil {
		t.Fatal(err)
	}
	body := styleOf(render.Normal).size
	var sup, all strings.Builder
	for _, pg := range f.pages {
		for _, o := range pg.texts {
			all.WriteString(o.text)
			if o.size < body*0.7 {
				sup.WriteString(o.text)
			}
		}
	}
	if got, w := sup.String(), strings.Repeat(want.String(), 2); got != w {
		t.Errorf("superscript text:\n got %q\nwant %q", got, w)
	}
	// Every character of the runs is drawn once, in order.
	var plain strings.Builder
	for _, r := range runs {
		plain.WriteString(r.Text)
	}
	if got, w := all.String(), plain.String()+"指標"+plain.String(); got != w {
		t.Errorf("drawn text:\n got %q\nwant %q", got, w)
	}
}

// A table cell split by a page break carries at least two of its lines
// to the next page, never a lone last line. The rows before it and the
// cell's length move the break through the cell's last lines.
func TestSplitCellNoLoneLine(t *testing.T) {
	set := testSet(t)
	const mark = "甲乙丙丁戊己庚辛壬癸"
	carried := map[int]int{} // lines on the second page → layouts
	for _, n := range []int{20, 49} {
		for chars := 700; chars <= 1000; chars += 12 {
			long := strings.Repeat(mark, 100)[:chars*len("甲")] // 20 to 30 lines: too tall to move whole
			tb := &render.Table{Widths: []float64{1, 3}, HeaderRows: 1, Rows: []render.Row{
				{Cells: []render.Cell{{Paras: text("項目"), Shade: true}, {Paras: text("內容"), Shade: true}}},
			}}
			for i := 0; i < n; i++ {
				tb.Rows = append(tb.Rows, render.Row{Cells: []render.Cell{{Paras: text(fmt.Sprintf("列%d", i))}, {Paras: text("填充")}}})
			}
			tb.Rows = append(tb.Rows, render.Row{Cells: []render.Cell{{Paras: text("長列")}, {Paras: text(long)}}})
			f, err := layoutOnly(&render.Document{Blocks: []render.Block{tb}}, Options{Fonts: set})
			if err != nil {
				t.Fatal(err)
			}
			var parts []int // lines of the long cell on each page that has some
			total := 0
			for _, pg := range f.pages {
				ys := map[float64]bool{}
				for _, o := range pg.texts {
					if strings.ContainsAny(o.text, mark) {
						ys[o.y] = true
					}
				}
				if len(ys) > 0 {
					parts = append(parts, len(ys))
				}
				total += len(ys)
			}
			if total < 18 {
				t.Fatalf("%d rows, %d characters: the long cell has %d lines, want 20 or more", n, chars, total)
			}
			if len(parts) > 2 {
				t.Fatalf("%d rows, %d characters: the cell is spread over %d pages: %v", n, chars, len(parts), parts)
			}
			if len(parts) == 2 {
				carried[parts[1]]++
				if parts[1] < 2 {
					t.Errorf("%d rows, %d characters: the cell carries %d line to the next page, want at least 2 (lines per page %v)", n, chars, parts[1], parts)
				}
			}
		}
	}
	if carried[2] == 0 {
		t.Errorf("no layout carried exactly two lines over (%v); the test wants the break right before the last lines", carried)
	}
}

// The running footer counts the pages of each section: {page} of {pages}
// restart where a PageBreak starts a new section.
func TestFooterPageCounts(t *testing.T) {
	doc := &render.Document{Footer: render.Footer{Right: "第 {page} 頁／共 {pages} 頁"}}
	page := func(s string) { doc.Blocks = append(doc.Blocks, &render.Paragraph{Runs: []render.Run{{Text: s}}}) }
	page("甲一")
	doc.Blocks = append(doc.Blocks, &render.PageBreak{})
	page("甲二")
	doc.Blocks = append(doc.Blocks, &render.PageBreak{})
	page("甲三")
	doc.Blocks = append(doc.Blocks, &render.PageBreak{NewSection: true, Footer: &render.Footer{Center: "附件 {page}/{pages}"}})
	page("乙一")
	doc.Blocks = append(doc.Blocks, &render.PageBreak{})
	page("乙二")
	doc.Blocks = append(doc.Blocks, &render.PageBreak{NewSection: true})
	page("丙一")
	f, err := layoutOnly(doc, Options{Fonts: testSet(t)})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"甲一", "第 1 頁／共 3 頁"}, {"甲二", "第 2 頁／共 3 頁"}, {"甲三", "第 3 頁／共 3 頁"},
		{"乙一", "附件 1/2"}, {"乙二", "附件 2/2"},
		{"丙一", "附件 1/1"},
	}
	if len(f.pages) != len(want) {
		t.Fatalf("%d pages, want %d", len(f.pages), len(want))
	}
	for i, pg := range f.pages {
		if got := baselines(pg); !slices.Equal(got, want[i]) {
			t.Errorf("page %d draws %q, want %q", i+1, baselines(pg), want[i])
		}
	}
}
