package pdf

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/internal/testtool"
	"github.com/ocs-project/ocs/render"
)

// testSet returns the embedded font set, failing the test without it.
func testSet(t testing.TB) *fonts.Set {
	t.Helper()
	s, err := fonts.DefaultSet()
	if err != nil {
		t.Fatalf("default fonts: %v", err)
	}
	return s
}

// mustRender renders doc with the default fonts and fails on error. With
// OCS_PDF_KEEP set to a folder, it also writes the PDF there, named after
// the test, to look at.
func mustRender(t testing.TB, doc *render.Document) []byte {
	t.Helper()
	out, err := Render(doc, Options{Fonts: testSet(t)})
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	if dir := os.Getenv("OCS_PDF_KEEP"); dir != "" {
		name := strings.NewReplacer("/", "_", " ", "_").Replace(t.Name()) + ".pdf"
		if err := os.WriteFile(filepath.Join(dir, name), out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// tool returns the path of an external program, skipping the test when
// it is not installed (failing it when OCS_REQUIRE_TOOLS=1).
func tool(t testing.TB, name string) string {
	t.Helper()
	pkg := "poppler-utils"
	if name == "qpdf" {
		pkg = "qpdf"
	}
	return testtool.Path(t, name, pkg)
}

// writeTemp writes a PDF to a temporary file and returns its path.
func writeTemp(t testing.TB, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// pageTexts returns the text of each page of a PDF, by pdftotext.
func pageTexts(t testing.TB, data []byte) []string {
	t.Helper()
	bin := tool(t, "pdftotext")
	path := writeTemp(t, data)
	out, err := exec.Command(bin, "-raw", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// squeeze removes all white space, so text broken into lines compares
// with the text it came from.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// qpdfCheck runs qpdf --check on a PDF.
func qpdfCheck(t testing.TB, data []byte) {
	t.Helper()
	bin := tool(t, "qpdf")
	out, err := exec.Command(bin, "--check", writeTemp(t, data)).CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("No syntax or stream encoding errors")) {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
}

// para returns a paragraph of one plain run.
func text(s string) []render.Paragraph { return []render.Paragraph{render.Text(s)} }

// longTable builds a table like the main table of a standard: duties
// spanning their tasks, tasks with several indicator paragraphs, and a
// knowledge cell spanning each duty's first two tasks. Every text holds a
// unique token (D03, T03.2, P03.2.4, K03) so tests can find it.
func longTable(duties, tasks, indicators int) *render.Table {
	tb := &render.Table{
		Widths:     []float64{2, 2.2, 6, 0.8, 3},
		HeaderRows: 1,
		Continued:  "（續）",
		Rows: []render.Row{{Cells: []render.Cell{
			{Paras: text("工作職責"), Shade: true, Align: render.Center},
			{Paras: text("工作任務"), Shade: true, Align: render.Center},
			{Paras: text("行為指標"), Shade: true, Align: render.Center},
			{Paras: text("級別"), Shade: true, Align: render.Center},
			{Paras: text("職能內涵（知識）"), Shade: true, Align: render.Center},
		}}},
	}
	for d := 1; d <= duties; d++ {
		for k := 1; k <= tasks; k++ {
			var row render.Row
			if k == 1 {
				row.Cells = append(row.Cells, render.Cell{Paras: text(fmt.Sprintf("D%02d 人際溝通與協調", d)), RowSpan: tasks})
			}
			row.Cells = append(row.Cells, render.Cell{Paras: text(fmt.Sprintf("T%02d.%d 和顧客有效溝通", d, k))})
			var ps []render.Paragraph
			for p := 1; p <= indicators; p++ {
				ps = append(ps, render.Paragraph{Runs: []render.Run{
					{Text: fmt.Sprintf("P%02d.%d.%d 根據既有程序", d, k, p)},
					{Text: "【註2】", Super: true},
					{Text: "進行訪談，並尊重不同文化及社會背景的差異，顧及其需求與權利。"},
				}})
			}
			row.Cells = append(row.Cells, render.Cell{Paras: ps})
			row.Cells = append(row.Cells, render.Cell{Paras: text("3"), Align: render.Center, VAlign: render.Middle})
			switch {
			case k == 1 && tasks >= 2:
				row.Cells = append(row.Cells, render.Cell{Paras: text(fmt.Sprintf("K%02d 有效的溝通策略和技巧，能化解溝通阻礙，並維持關係", d)), RowSpan: 2})
			case k > 2 || tasks < 2:
				row.Cells = append(row.Cells, render.Cell{Paras: text(fmt.Sprintf("K%02d.%d 基本團隊合作", d, k))})
			}
			tb.Rows = append(tb.Rows, row)
		}
	}
	return tb
}

// layoutOnly lays doc out without writing the PDF.
func layoutOnly(doc *render.Document, opt Options) (*flow, error) {
	set := opt.Fonts
	if set == nil {
		var err error
		if set, err = fonts.DefaultSet(); err != nil {
			return nil, err
		}
	}
	f, _, err := layout(context.Background(), doc, opt.AllowMissing, set, nil)
	return f, err
}

// plainPDF returns the PDF rewritten by qpdf with its objects
// uncompressed and out of object streams, to look for objects in.
func plainPDF(t testing.TB, data []byte) []byte {
	t.Helper()
	out, err := exec.Command(tool(t, "qpdf"), "--qdf", "--object-streams=disable", writeTemp(t, data), "-").Output()
	if err != nil {
		t.Fatalf("qpdf --qdf: %v", err)
	}
	return out
}
