package docx

import (
	"strings"
	"testing"
	"time"

	"github.com/ocs-project/ocs/render"
)

func TestTrackedChanges(t *testing.T) {
	d := &render.Document{
		Meta: render.Meta{Date: time.Date(2024, 12, 15, 0, 0, 0, 0, time.UTC)},
		Blocks: []render.Block{
			&render.Paragraph{Runs: []render.Run{
				{Text: "根據"},
				{Text: "既有", Change: render.Inserted},
				{Text: "程序 ", Change: render.Deleted},
				{Text: "進行訪談"},
			}},
			&render.Table{Widths: []float64{1}, Rows: []render.Row{{Cells: []render.Cell{{Paras: []render.Paragraph{
				{Runs: []render.Run{{Text: "P1.1.3 新指標", Change: render.Inserted}}},
			}}}}}},
		},
	}
	_, parts := unzipParts(t, mustRender(t, d))
	doc := parts["word/document.xml"]
	if err := wellFormed([]byte(doc)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<w:ins w:id="1" w:author="ocs" w:date="2024-12-15T00:00:00Z"><w:r><w:t>既有</w:t></w:r></w:ins>`,
		`<w:del w:id="2" w:author="ocs" w:date="2024-12-15T00:00:00Z"><w:r><w:delText xml:space="preserve">程序 </w:delText></w:r></w:del>`,
		`<w:ins w:id="3" w:author="ocs" w:date="2024-12-15T00:00:00Z"><w:r><w:t>P1.1.3 新指標</w:t></w:r></w:ins>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks\n%s", want)
		}
	}
	if strings.Contains(doc, "<w:t>程序") {
		t.Error("deleted text written in w:t, not w:delText")
	}
}
