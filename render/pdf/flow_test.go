package pdf

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
)

// find returns the page (from 0) and the op of the first text op
// containing s.
func find(f *flow, s string) (int, op, bool) {
	for i, pg := range f.pages {
		for _, o := range pg.texts {
			if strings.Contains(o.text, s) {
				return i, o, true
			}
		}
	}
	return 0, op{}, false
}

// opWidth measures a text op.
func opWidth(f *flow, o op) float64 {
	w := 0.0
	for _, r := range o.text {
		w += f.t.width(o.ent, r, o.size)
	}
	return w
}

func TestKeepWithNext(t *testing.T) {
	set := testSet(t)
	for n := 30; n <= 50; n++ {
		doc := &render.Document{}
		for i := 0; i < n; i++ {
			doc.Blocks = append(doc.Blocks, &render.Paragraph{Runs: []render.Run{{Text: fmt.Sprintf("第%d段。", i)}}})
		}
		doc.Blocks = append(doc.Blocks,
			&render.Heading{Level: 2, Runs: []render.Run{{Text: "標題甲"}}},
			&render.Paragraph{KeepWithNext: true, Runs: []render.Run{{Text: "說明乙"}}},
			longTable(1, 2, 2),
		)
		f, err := layoutOnly(doc, Options{Fonts: set})
		if err != nil {
			t.Fatal(err)
		}
		ph, _, _ := find(f, "標題甲")
		pp, _, _ := find(f, "說明乙")
		pt, _, ok := find(f, "工作職責")
		if !ok || ph != pp || pp != pt {
			t.Errorf("%d paragraphs before: heading on page %d, its paragraph on %d, the table on %d", n, ph+1, pp+1, pt+1)
		}
	}
}

func TestAlignment(t *testing.T) {
	long := strings.Repeat("依照不同客戶型態安排客戶服務活動及銷售服務，提供客戶所需之協助 iCAP 以滿足客戶需求。", 4)
	doc := &render.Document{
		Footer: render.Footer{Right: "右頁尾"},
		Blocks: []render.Block{
			&render.Paragraph{Align: render.Justify, Runs: []render.Run{{Text: long}}},
			&render.Paragraph{Align: render.Center, Runs: []render.Run{{Text: "置中"}}},
			&render.Paragraph{Align: render.Right, Runs: []render.Run{{Text: "靠右"}}},
			&render.Paragraph{Runs: []render.Run{{Text: "本文"}, {Text: "【註1】", Super: true}}},
		},
	}
	f, err := layoutOnly(doc, Options{Fonts: testSet(t)})
	if err != nil {
		t.Fatal(err)
	}
	right := f.left + f.width
	// Justified lines but the last end at the right margin.
	_, c, _ := find(f, "置中")
	ends := map[float64]float64{}
	for _, o := range f.pages[0].texts {
		if o.y < c.y {
			ends[o.y] = math.Max(ends[o.y], o.x+opWidth(f, o))
		}
	}
	if len(ends) < 3 {
		t.Fatalf("the justified paragraph has %d lines, want several", len(ends))
	}
	last := 0.0
	for y := range ends {
		last = math.Max(last, y)
	}
	for y, end := range ends {
		if y != last && math.Abs(end-right) > 0.01 {
			t.Errorf("justified line at y %.1f ends at %.2f, want %.2f", y, end, right)
		}
	}
	if mid := c.x + opWidth(f, c)/2; math.Abs(mid-(f.left+f.width/2)) > 0.01 {
		t.Errorf("centred text's middle is at %.2f, want %.2f", mid, f.left+f.width/2)
	}
	for _, s := range []string{"靠右", "右頁尾"} {
		_, o, _ := find(f, s)
		if end := o.x + opWidth(f, o); math.Abs(end-right) > 0.01 {
			t.Errorf("%s ends at %.2f, want %.2f", s, end, right)
		}
	}
	_, body, _ := find(f, "本文")
	_, sup, _ := find(f, "【註1】")
	if !(sup.y < body.y-1 && sup.size < body.size*0.7) {
		t.Errorf("superscript at y %.2f size %g, body at y %.2f size %g: want raised and smaller", sup.y, sup.size, body.y, body.size)
	}
}

func TestStyles(t *testing.T) {
	doc := &render.Document{Blocks: []render.Block{
		&render.Paragraph{Style: render.TitleText, Runs: []render.Run{{Text: "文件標題"}}},
		&render.Heading{Level: 1, Runs: []render.Run{{Text: "一級標題"}}},
		&render.Heading{Level: 2, Runs: []render.Run{{Text: "二級標題"}}},
		&render.Paragraph{Runs: []render.Run{{Text: "本文段落"}, {Text: "粗體", Bold: true}}},
		&render.Paragraph{Style: render.Small, Runs: []render.Run{{Text: "附註文字"}}},
		&render.Table{Widths: []float64{1}, Rows: []render.Row{{Cells: []render.Cell{{Paras: text("表格文字")}}}}},
	}}
	f, err := layoutOnly(doc, Options{Fonts: testSet(t)})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text   string
		size   float64
		bold   bool
		center bool
	}{
		{"文件標題", 18, true, true},
		{"一級標題", 14, true, false},
		{"二級標題", 12, true, false},
		{"本文段落", 11, false, false},
		{"粗體", 11, true, false},
		{"附註文字", 9, false, false},
		{"表格文字", 10, false, false},
	}
	for _, tc := range tests {
		_, o, ok := find(f, tc.text)
		if !ok {
			t.Errorf("%s not drawn", tc.text)
			continue
		}
		if o.size != tc.size || (o.stroke > 0) != tc.bold {
			t.Errorf("%s: size %g stroke %g, want size %g bold %v", tc.text, o.size, o.stroke, tc.size, tc.bold)
		}
		if tc.bold && math.Abs(o.stroke-boldStroke*tc.size) > 1e-9 {
			t.Errorf("%s: bold stroke %g mm, want %g", tc.text, o.stroke, boldStroke*tc.size)
		}
		if mid := o.x + opWidth(f, o)/2; tc.center != (math.Abs(mid-(f.left+f.width/2)) < 0.01) {
			t.Errorf("%s: middle at %.2f, centred %v", tc.text, mid, tc.center)
		}
	}
}

func TestParagraphBreaks(t *testing.T) {
	set := testSet(t)
	long := strings.Repeat("依照不同客戶型態安排客戶服務活動及銷售服務，提供客戶所需之協助。", 16)
	split := 0
	for n := 24; n <= 36; n++ {
		doc := &render.Document{}
		for i := 0; i < n; i++ {
			doc.Blocks = append(doc.Blocks, &render.Paragraph{Runs: []render.Run{{Text: "填充"}}})
		}
		doc.Blocks = append(doc.Blocks, &render.Paragraph{Style: render.Small, Runs: []render.Run{{Text: long}}})
		f, err := layoutOnly(doc, Options{Fonts: set})
		if err != nil {
			t.Fatal(err)
		}
		total, pages := 0, 0
		for p, pg := range f.pages {
			lines := map[float64]bool{}
			for _, o := range pg.texts {
				if o.size == 9 {
					lines[o.y] = true
				}
			}
			total += len(lines)
			if len(lines) > 0 {
				pages++
			}
			if len(lines) == 1 {
				t.Errorf("%d paragraphs before: page %d holds a single line of the paragraph", n, p+1)
			}
		}
		if total < 4 {
			t.Fatalf("the paragraph has %d lines, want several", total)
		}
		if pages > 1 {
			split++
		}
	}
	if split < 2 {
		t.Errorf("the paragraph crossed a page break in %d layouts; the test wants several", split)
	}
}
