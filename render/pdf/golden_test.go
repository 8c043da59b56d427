package pdf

// The PDF goldens live in testdata: the text of every page of the bundled
// standard tables (one file a page, as pdftotext -raw reads it) and the
// pinned SHA-256 of the THM2431-001v1 standard table. A change of the PDF
// writer, the layout or the fonts changes them on purpose: rewrite them
// with
//
//	go test ./render/pdf -run TestGolden -update
//
// and review the diff of testdata (the page texts show what moved).

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/internal/golden"
	"github.com/ocs-project/ocs/internal/testdocs"
)

// pinnedPDF is the file holding the SHA-256 of the THM2431-001v1 standard
// table as a PDF. Compared across machines (laptop, CI), it tests that the
// same input gives the same bytes everywhere, not only twice in one
// process.
const pinnedPDF = "testdata/THM2431-001v1.standard.pdf.sha256"

func TestGoldenPDFHash(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "") // the document's own date counts
	golden.CheckSHA256(t, pinnedPDF, mustRender(t, testdocs.MustStandard(t, "THM2431-001v1").Doc))
}

// Every page of the bundled standard tables reads as its golden text.
func TestGoldenPageTexts(t *testing.T) {
	for _, code := range []string{"BAS1219-002v4", "THM2431-001v1"} {
		t.Run(code, func(t *testing.T) {
			d := testdocs.MustStandard(t, code)
			pages := pageTexts(t, mustRender(t, d.Doc))
			stale, _ := filepath.Glob(filepath.Join("testdata", d.Name+".p*.txt.golden"))
			if golden.Updating() {
				for _, f := range stale {
					os.Remove(f)
				}
			} else if len(stale) != len(pages) {
				t.Errorf("%d pages, %d golden page files", len(pages), len(stale))
			}
			for i, p := range pages {
				name := filepath.Join("testdata", fmt.Sprintf("%s.p%02d.txt.golden", d.Name, i+1))
				golden.Check(t, name, []byte(strings.TrimRight(p, "\n")+"\n"))
			}
		})
	}
}
