package render

import (
	"slices"
	"testing"
)

func TestMarkDraft(t *testing.T) {
	doc := &Document{
		Meta:   Meta{Subject: "職能基準", Keywords: []string{"X1"}},
		Footer: Footer{Left: "X1", Right: "第 {page} 頁"},
		Blocks: []Block{
			&Paragraph{Runs: []Run{{Text: "本文"}}},
			&PageBreak{NewSection: true, Footer: &Footer{Left: "第二份"}},
			&PageBreak{NewSection: true, Footer: &Footer{}},
		},
	}
	second := doc.Blocks[1].(*PageBreak).Footer
	MarkDraft(doc, DraftLabels{Mark: "草稿", Problems: "問題"}, []string{"a", "b"})
	if doc.Watermark != "草稿" || doc.Meta.Subject != "草稿\u3000職能基準" || !slices.Equal(doc.Meta.Keywords, []string{"草稿", "X1"}) {
		t.Errorf("watermark %q, meta %+v", doc.Watermark, doc.Meta)
	}
	if doc.Footer.Left != "草稿\u3000X1" || doc.Footer.Right != "第 {page} 頁" {
		t.Errorf("footer %+v", doc.Footer)
	}
	if f := doc.Blocks[1].(*PageBreak).Footer; f.Left != "草稿\u3000第二份" || second.Left != "第二份" {
		t.Errorf("section footer %q (the caller's footer became %q)", f.Left, second.Left)
	}
	if f := doc.Blocks[2].(*PageBreak).Footer; f.Left != "草稿" {
		t.Errorf("empty section footer %q", f.Left)
	}
	n := len(doc.Blocks)
	if n != 6 {
		t.Fatalf("%d blocks, want the problems page added", n)
	}
	if _, ok := doc.Blocks[3].(*PageBreak); !ok {
		t.Error("the problems do not start a page")
	}
	if h := doc.Blocks[4].(*Heading); Texts(h.Runs) != "問題" {
		t.Errorf("heading %q", Texts(h.Runs))
	}
	if l := doc.Blocks[5].(*List); len(l.Items) != 2 || Texts(l.Items[1]) != "b" {
		t.Errorf("list %+v", l.Items)
	}
	if err := Check(doc); err != nil {
		t.Errorf("the draft does not check: %v", err)
	}
}
