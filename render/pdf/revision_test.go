package pdf

import (
	"testing"

	"github.com/ocs-project/ocs/render"
)

// TestRevisionLines checks that inserted runs are underlined and deleted
// runs struck through: each adds one rule to the page.
func TestRevisionLines(t *testing.T) {
	count := func(runs ...render.Run) int {
		t.Helper()
		doc := &render.Document{Blocks: []render.Block{&render.Paragraph{Runs: runs}}}
		f, err := layoutOnly(doc, Options{Fonts: testSet(t)})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, p := range f.pages {
			for _, o := range p.rules {
				if o.kind == opLine {
					n++
				}
			}
		}
		return n
	}
	base := count(render.Run{Text: "根據程序"})
	if got := count(render.Run{Text: "根據"}, render.Run{Text: "既有", Change: render.Inserted}, render.Run{Text: "程序"}); got != base+1 {
		t.Errorf("inserted run: %d lines, want %d", got, base+1)
	}
	if got := count(render.Run{Text: "根據"}, render.Run{Text: "舊有", Change: render.Deleted}, render.Run{Text: "程序"}); got != base+1 {
		t.Errorf("deleted run: %d lines, want %d", got, base+1)
	}
}
