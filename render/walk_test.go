package render

import (
	"slices"
	"testing"
)

// Walk names where each text stands; WalkTexts yields the same texts in the
// same order.
func TestWalkPaths(t *testing.T) {
	para := func(s string) []Paragraph { return []Paragraph{{Runs: []Run{{Text: s}}}} }
	d := &Document{
		Meta:   Meta{Title: "題", Keywords: []string{"k0", "k1"}},
		Footer: Footer{Right: "頁"},
		Blocks: []Block{
			&Heading{Runs: []Run{{Text: "標題"}}},
			&KeyValue{Pairs: []Pair{{Label: "名", Value: para("值")}}},
			&Table{Continued: "續", Rows: []Row{{Cells: []Cell{{Paras: para("a")}, {Paras: para("b")}}}}},
			&List{Items: [][]Run{{{Text: "項"}}}},
			&Signature{Fields: []string{"簽名"}},
		},
	}
	var got, texts []string
	Walk(d, func(where, text string) {
		if text != "" {
			got = append(got, where+"="+text)
		}
	})
	want := []string{"meta.title=題", "meta.keywords[0]=k0", "meta.keywords[1]=k1", "footer.right=頁",
		"blocks[0]=標題", "blocks[1].pairs[0].label=名", "blocks[1].pairs[0].paras[0]=值",
		"blocks[2].continued=續", "blocks[2].rows[0].cells[0].paras[0]=a", "blocks[2].rows[0].cells[1].paras[0]=b",
		"blocks[3].items[0]=項", "blocks[4].fields[0]=簽名"}
	if !slices.Equal(got, want) {
		t.Errorf("Walk gives\n%q\nwant\n%q", got, want)
	}
	WalkTexts(d, func(text string) {
		if text != "" {
			texts = append(texts, text)
		}
	})
	for i, w := range want {
		if i >= len(texts) || w[len(w)-len(texts[i]):] != texts[i] {
			t.Fatalf("WalkTexts gives %q, want the texts of %q", texts, want)
		}
	}
}
