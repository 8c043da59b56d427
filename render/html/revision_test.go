package html

import (
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
)

func TestRevisionMarks(t *testing.T) {
	plain := &render.Document{Blocks: []render.Block{&render.Paragraph{Runs: []render.Run{{Text: "根據程序"}}}}}
	marked := &render.Document{Blocks: []render.Block{&render.Paragraph{Runs: []render.Run{
		{Text: "根據"}, {Text: "既有", Change: render.Inserted}, {Text: "舊的", Change: render.Deleted, Super: true}, {Text: "程序"},
	}}}}
	out, err := Render(marked, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"根據<ins>既有</ins><del><sup>舊的</sup></del>程序", "del { color:"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("marked page lacks %q", want)
		}
	}
	out, err = Render(plain, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "ins {") {
		t.Error("page without revisions carries the revision style")
	}
}
