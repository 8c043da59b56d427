package docx

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ocs-project/ocs/internal/testtool"
	"github.com/ocs-project/ocs/render"
)

// convertWithLibreOffice converts DOCX files to PDF with LibreOffice
// headless, in a private profile, or skips the test when LibreOffice or
// poppler-utils are missing. It returns the PDF paths.
func convertWithLibreOffice(t *testing.T, dir string, files []string) []string {
	t.Helper()
	soffice := testtool.Path(t, "soffice", "libreoffice-writer-nogui")
	testtool.Path(t, "pdftotext", "poppler-utils")
	home := filepath.Join(dir, "home")
	if err := os.MkdirAll(home, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", "pdf", "--outdir", dir}, files...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+home)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	var pdfs []string
	for _, f := range files {
		pdf := strings.TrimSuffix(f, ".docx") + ".pdf"
		if _, err := os.Stat(pdf); err != nil {
			t.Fatalf("LibreOffice wrote no PDF for %s: %v\n%s", f, err, out)
		}
		pdfs = append(pdfs, pdf)
	}
	return pdfs
}

// pdfPages returns the text of each page of a PDF, in content order.
func pdfPages(t *testing.T, pdf string) []string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// taskRow matches a task cell of the sample's main table in squashed text.
var taskRow = regexp.MustCompile(`T\d+\.\d+工作任務`)

func TestLibreOfficeConverts(t *testing.T) {
	dir := t.TempDir()
	sample := sampleDocument(5, 4)
	landscape := sampleDocument(2, 2)
	landscape.Page.Landscape = true
	landscape.Blocks = landscape.Blocks[:9] // up to the section break
	if _, ok := landscape.Blocks[8].(*render.Table); !ok {
		t.Fatal("sampleDocument changed: block 8 should be the attitude matrix")
	}
	hostileDoc := &render.Document{Footer: render.Footer{Center: "{page}/{pages}"}}
	for _, s := range hostile[:4] {
		hostileDoc.Blocks = append(hostileDoc.Blocks, &render.Paragraph{Runs: []render.Run{{Text: s}}})
	}
	hostileDoc.Blocks = append(hostileDoc.Blocks, &render.Paragraph{Runs: []render.Run{{Text: hostile[5]}}})
	docs := []*render.Document{sample, landscape, hostileDoc}
	var files []string
	for i, d := range docs {
		f := filepath.Join(dir, fmt.Sprintf("doc%d.docx", i))
		if err := os.WriteFile(f, mustRender(t, d), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	pdfs := convertWithLibreOffice(t, dir, files)

	for i, d := range docs {
		pages := pdfPages(t, pdfs[i])
		if miss := inOrder(strings.Join(pages, "\n"), expectedTexts(d), true); miss != "" {
			t.Errorf("doc%d: %q missing or out of order in LibreOffice's PDF", i, miss)
		}
		// Every page carries body text besides its footer: no empty page
		// between sections, none after a table.
		for p, text := range pages {
			var body []string
			for _, line := range strings.Split(text, "\n") {
				if line = strings.TrimSpace(line); line != "" && !strings.Contains(line, "頁") && !strings.Contains(line, "/") {
					body = append(body, line)
				}
			}
			if len(body) == 0 {
				t.Errorf("doc%d: page %d of %d is empty:\n%s", i, p+1, len(pages), text)
			}
		}
	}

	// The sample: the main table runs over several pages in section 1,
	// the assessment form is section 2 with its own footer, numbered from 1.
	pages := pdfPages(t, pdfs[0])
	if len(pages) < 4 {
		t.Fatalf("sample has %d pages, want the table to run over several", len(pages))
	}
	for p, text := range pages[:len(pages)-1] {
		if want := "第 " + strconv.Itoa(p+1) + " 頁"; !strings.Contains(text, want) {
			t.Errorf("page %d lacks %q", p+1, want)
		}
		// A page with rows of the main table starts with its header row.
		if sq := stripSpace(text); taskRow.MatchString(sq) && !strings.Contains(sq, "行為指標") {
			t.Errorf("page %d does not repeat the header row", p+1)
		}
	}
	last := pages[len(pages)-1]
	if !strings.Contains(last, "評量表 王小明") || !strings.Contains(last, "第 1 頁") {
		t.Errorf("the second section's page lacks its footer or restarted number:\n%s", last)
	}
	// A one-section document counts its pages with NUMPAGES, which
	// LibreOffice computes.
	lp := pdfPages(t, pdfs[1])
	for p, text := range lp {
		if want := fmt.Sprintf("第 %d 頁／共 %d 頁", p+1, len(lp)); !strings.Contains(text, want) {
			t.Errorf("landscape page %d lacks %q", p+1, want)
		}
	}
	if h := pdfPages(t, pdfs[2]); !strings.Contains(h[0], "1/1") {
		t.Errorf("one-page document footer: %q", h[0])
	}
}
