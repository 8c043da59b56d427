package pdf

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
)

// tokenRE matches the unique tokens longTable puts in its cells.
var tokenRE = regexp.MustCompile(`[DTPK]\d\d(\.\d+)*`)

func TestLongTable(t *testing.T) {
	const duties, tasks, indicators = 6, 4, 4
	tb := longTable(duties, tasks, indicators)
	out := mustRender(t, &render.Document{Blocks: []render.Block{
		&render.Heading{Level: 1, Runs: []render.Run{{Text: "工作職責及工作任務"}}},
		tb,
		&render.Paragraph{Runs: []render.Run{{Text: "表格之後的段落。"}}},
	}})
	qpdfCheck(t, out)
	pages := pageTexts(t, out)
	if len(pages) < 3 {
		t.Fatalf("the table takes %d pages, want at least 3", len(pages))
	}
	// The expected tokens, in the order of the table's rows.
	var want []string
	for d := 1; d <= duties; d++ {
		want = append(want, fmt.Sprintf("D%02d", d))
		for k := 1; k <= tasks; k++ {
			want = append(want, fmt.Sprintf("T%02d.%d", d, k))
			for p := 1; p <= indicators; p++ {
				want = append(want, fmt.Sprintf("P%02d.%d.%d", d, k, p))
			}
			switch {
			case k == 1:
				want = append(want, fmt.Sprintf("K%02d", d))
			case k > 2:
				want = append(want, fmt.Sprintf("K%02d.%d", d, k))
			}
		}
	}
	page := map[string]int{}  // page of each token's first appearance
	count := map[string]int{} // appearances not marked continued
	for i, p := range pages {
		sq := squeeze(p)
		if !strings.Contains(sq, "工作職責工作任務行為指標級別職能內涵（知識）") {
			t.Errorf("page %d lacks the header row: %q", i+1, sq)
		}
		for _, m := range tokenRE.FindAllStringIndex(sq, -1) {
			tok := sq[m[0]:m[1]]
			if _, ok := page[tok]; !ok {
				page[tok] = i + 1
			}
			if !continued(sq[m[1]:]) {
				count[tok]++
			}
		}
	}
	last := map[byte]int{} // page of the previous token of each kind
	for _, tok := range want {
		if count[tok] != 1 {
			t.Errorf("%s appears %d times (not counting continued repeats), want once", tok, count[tok])
		}
		if page[tok] < last[tok[0]] {
			t.Errorf("%s is on page %d, before the previous %c token's page %d", tok, page[tok], tok[0], last[tok[0]])
		}
		last[tok[0]] = page[tok]
	}
	if len(count) != len(want) {
		t.Errorf("found %d distinct tokens, want %d", len(count), len(want))
	}
	if n := strings.Count(strings.Join(pages, ""), "（續）"); n < len(pages)-1 {
		t.Errorf("（續） appears %d times; every page after the first continues a duty", n)
	}
	// No character of the indicator sentences is lost or doubled, also
	// where a sentence is split between pages: these characters occur in
	// no other text of the document.
	all := strings.Join(pages, "")
	for _, r := range "根據既程序訪談尊重社會背景差異需求權利" {
		if n := strings.Count(all, string(r)); n != duties*tasks*indicators {
			t.Errorf("%c occurs %d times, want %d", r, n, duties*tasks*indicators)
		}
	}
	if !strings.Contains(squeeze(pages[len(pages)-1]), "表格之後的段落。") {
		t.Error("the paragraph after the table is not on the last page")
	}
}

// continued reports whether a token's text runs on to the table's
// Continued mark, as a repeated spanning cell's does.
func continued(rest string) bool {
	i := strings.Index(rest, "（續）")
	return i >= 0 && i <= len("人際溝通與協調") && !tokenRE.MatchString(rest[:i])
}

func TestEnormousCell(t *testing.T) {
	var sentences []string
	for i := 1; i <= 140; i++ {
		sentences = append(sentences, fmt.Sprintf("第%03d句：依照不同客戶型態安排客戶服務活動及銷售服務，並維護及建立客戶關係。", i))
	}
	long := strings.Join(sentences, "")
	tb := &render.Table{
		Widths: []float64{1, 4}, HeaderRows: 1,
		Rows: []render.Row{
			{Cells: []render.Cell{{Paras: text("項目"), Shade: true}, {Paras: text("內容"), Shade: true}}},
			{Cells: []render.Cell{{Paras: text("短列")}, {Paras: text("第一列")}}},
			{Cells: []render.Cell{{Paras: text("長列標籤")}, {Paras: text(long)}}},
			{Cells: []render.Cell{{Paras: text("末列")}, {Paras: text("最後一列")}}},
		},
	}
	out := mustRender(t, &render.Document{Blocks: []render.Block{tb}})
	qpdfCheck(t, out)
	pages := pageTexts(t, out)
	if len(pages) < 2 {
		t.Fatalf("a page and a half of text took %d page(s)", len(pages))
	}
	// The cell's parts follow each other once the repeated header row
	// is taken off the continuation pages.
	var b strings.Builder
	for i, p := range pages {
		sq := squeeze(p)
		if !strings.HasPrefix(sq, "項目內容") {
			t.Errorf("page %d does not start with the header row", i+1)
		}
		if i > 0 {
			sq = strings.TrimPrefix(sq, "項目內容")
		}
		b.WriteString(sq)
	}
	all := b.String()
	if !strings.Contains(all, long) {
		t.Error("the long cell's text does not come out whole and in order")
	}
	for _, s := range []string{"短列", "第一列", "長列標籤", "末列", "最後一列"} {
		if n := strings.Count(all, s); n != 1 {
			t.Errorf("%q appears %d times, want once", s, n)
		}
	}
}

func TestSections(t *testing.T) {
	filler := func(n int) []render.Block {
		var bs []render.Block
		for i := 0; i < n; i++ {
			bs = append(bs, &render.Paragraph{Runs: []render.Run{{Text: fmt.Sprintf("第%d頁的內容。", i+1)}}}, &render.PageBreak{})
		}
		return bs[:len(bs)-1]
	}
	doc := &render.Document{Footer: render.Footer{Right: "第 {page} 頁／共 {pages} 頁"}}
	doc.Blocks = append(doc.Blocks, filler(3)...)
	doc.Blocks = append(doc.Blocks, &render.PageBreak{NewSection: true, Footer: &render.Footer{Center: "附件 {page}/{pages}"}})
	doc.Blocks = append(doc.Blocks, filler(2)...)
	doc.Blocks = append(doc.Blocks, &render.PageBreak{NewSection: true})
	doc.Blocks = append(doc.Blocks, filler(1)...)
	pages := pageTexts(t, mustRender(t, doc))
	want := []string{"第1頁／共3頁", "第2頁／共3頁", "第3頁／共3頁", "附件1/2", "附件2/2", "附件1/1"}
	if len(pages) != len(want) {
		t.Fatalf("got %d pages, want %d", len(pages), len(want))
	}
	for i, w := range want {
		sq := squeeze(pages[i])
		if !strings.HasSuffix(sq, w) {
			t.Errorf("page %d ends %q, want footer %q", i+1, sq, w)
		}
		if i >= 3 && strings.Contains(sq, "共") {
			t.Errorf("page %d still has the first section's footer: %q", i+1, sq)
		}
	}
}

func TestKeyValueGrid(t *testing.T) {
	out := mustRender(t, &render.Document{Blocks: []render.Block{&render.KeyValue{Columns: 2, Pairs: []render.Pair{
		{Label: "姓名", Value: text("王小明")}, {Label: "日期", Value: text("2024/12/15")}, {Label: "單位", Value: text("行銷部")},
	}}}})
	sq := squeeze(strings.Join(pageTexts(t, out), ""))
	if !strings.Contains(sq, "姓名王小明日期2024/12/15單位行銷部") {
		t.Errorf("key-value grid text is %q", sq)
	}
}
