package text

import (
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
)

func TestRevisionMarks(t *testing.T) {
	d := &render.Document{Blocks: []render.Block{&render.Paragraph{Runs: []render.Run{
		{Text: "根據"}, {Text: "既有", Change: render.Inserted}, {Text: "舊的", Change: render.Deleted}, {Text: "程序"},
	}}}}
	out, err := Render(d)
	if err != nil {
		t.Fatal(err)
	}
	if want := "根據[+既有+][-舊的-]程序"; !strings.Contains(string(out), want) {
		t.Errorf("got %q, want it to contain %q", out, want)
	}
}
