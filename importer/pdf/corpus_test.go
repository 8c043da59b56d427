package pdf

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/BurntSushi/toml"

	"github.com/ocs-project/ocs/importer/grid"
	"github.com/ocs-project/ocs/internal/testtool"
)

// The corpus: PDFs of the bundled standards made by three engines (ocs
// itself, LibreOffice from ocs's DOCX, Chromium from ocs's HTML), built
// on demand into one temporary folder shared by the tests of a run.

var (
	corpusOnce sync.Once
	corpusDir  string
	ocsBin     string
	corpusErr  error
	corpusMu   sync.Mutex
)

func TestMain(m *testing.M) {
	code := m.Run()
	if corpusDir != "" {
		os.RemoveAll(corpusDir)
	}
	os.Exit(code)
}

// ocs builds the ocs command once per run.
func ocs(t testing.TB) string {
	t.Helper()
	corpusOnce.Do(func() {
		corpusDir, corpusErr = os.MkdirTemp("", "ocs-pdf-corpus-")
		if corpusErr != nil {
			return
		}
		ocsBin = filepath.Join(corpusDir, "ocs")
		out, err := exec.Command("go", "build", "-o", ocsBin, "../../cmd/ocs").CombinedOutput()
		if err != nil {
			corpusErr = fmt.Errorf("building ocs: %v\n%s", err, out)
		}
	})
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	return ocsBin
}

func run(t testing.TB, dir string, env []string, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

// corpusPDF returns the PDF of a bundled standard made by engine
// ("ocs", "libreoffice", "chromium", or "qpdf": LibreOffice's rewritten
// by qpdf), building it on first use.
func corpusPDF(t testing.TB, engine, code string) []byte {
	t.Helper()
	bin := ocs(t)
	var base string
	if engine == "qpdf" {
		// LibreOffice's PDF rewritten with object streams, a cross-
		// reference stream and linearization, as newer Word writes.
		corpusPDF(t, "libreoffice", code)
		base = filepath.Join(corpusDir, code+".libreoffice.pdf")
	}
	corpusMu.Lock()
	defer corpusMu.Unlock()
	out := filepath.Join(corpusDir, code+"."+engine+".pdf")
	if b, err := os.ReadFile(out); err == nil {
		return b
	}
	tmp := t.TempDir()
	switch engine {
	case "ocs":
		run(t, tmp, nil, bin, "render", "standard", code, "-o", out)
	case "libreoffice":
		soffice := testtool.Path(t, "soffice", "libreoffice-writer-nogui")
		run(t, tmp, nil, bin, "render", "standard", code, "-f", "docx", "-o", filepath.Join(tmp, code+".docx"))
		run(t, tmp, []string{"HOME=" + tmp}, soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, filepath.Join(tmp, code+".docx"))
		if err := os.Rename(filepath.Join(tmp, code+".pdf"), out); err != nil {
			t.Fatal(err)
		}
	case "chromium":
		chromium := testtool.Path(t, "chromium", "chromium")
		html := filepath.Join(tmp, code+".html")
		run(t, tmp, nil, bin, "render", "standard", code, "-f", "html", "-o", html)
		run(t, tmp, nil, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--user-data-dir="+filepath.Join(tmp, "profile"), "--print-to-pdf="+out, "--no-pdf-header-footer", "file://"+html)
	case "qpdf":
		qpdf := testtool.Path(t, "qpdf", "qpdf")
		run(t, tmp, nil, qpdf, "--object-streams=generate", "--linearize", base, out)
	default:
		t.Fatalf("unknown engine %q", engine)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// source is what the tests expect, read from a bundled standard's TOML
// with a decoder of its own (not the code under test, not package
// standard).
type source struct {
	Duty []struct {
		Title string
		Task  []struct {
			Title      string
			Outputs    []string
			Indicators []string
			Knowledge  []string
			Skills     []string
		}
	}
	Knowledge map[string]string
	Skills    map[string]string
}

// expected lists the texts of one column: code and text as printed.
type expected struct {
	col    int
	code   string
	text   string
	unique bool // printed exactly once (P, O); K and S repeat per duty
}

func expectations(t *testing.T, code string) []expected {
	t.Helper()
	var src source
	if _, err := toml.DecodeFile(filepath.Join("..", "..", "standards", code+".toml"), &src); err != nil {
		t.Fatal(err)
	}
	var out []expected
	for i, d := range src.Duty {
		for j, task := range d.Task {
			for k, o := range task.Outputs {
				out = append(out, expected{2, fmt.Sprintf("O%d.%d.%d", i+1, j+1, k+1), o, true})
			}
			for k, p := range task.Indicators {
				out = append(out, expected{3, fmt.Sprintf("P%d.%d.%d", i+1, j+1, k+1), p, true})
			}
			for _, c := range task.Knowledge {
				out = append(out, expected{5, c, src.Knowledge[c], false})
			}
			for _, c := range task.Skills {
				out = append(out, expected{6, c, src.Skills[c], false})
			}
		}
	}
	return out
}

// squeeze drops white space: line breaks in cells are the engine's.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

var header = []string{"工作職責", "工作任務", "工作產出", "行為指標", "職能級別", "職能內涵(K=knowledge知識)", "職能內涵(S=skills技能)"}

func isHeader(r grid.Row) bool {
	if len(r.Cells) != len(header) {
		return false
	}
	for i, c := range r.Cells {
		h := squeeze(c.Text)
		if i == 0 && h == "主要職責" { // the 2026 form's name for the column
			h = header[0]
		}
		if c.Col != i || h != header[i] {
			return false
		}
	}
	return true
}

var engines = []string{"ocs", "libreoffice", "chromium"}
var codes = []string{"THM2431-001v1", "BAS1219-002v4"}

func TestCorpus(t *testing.T) {
	for _, engine := range append(engines, "qpdf") {
		for _, code := range codes {
			t.Run(engine+"/"+code, func(t *testing.T) {
				data := corpusPDF(t, engine, code)
				doc, err := Read(context.Background(), data, Options{})
				if err != nil {
					t.Fatal(err)
				}
				again, err := Read(context.Background(), data, Options{})
				if err != nil || dump(again) != dump(doc) {
					t.Errorf("a second read differs (%v)", err)
				}
				checkTable(t, doc, expectations(t, code), code == "THM2431-001v1")
				checkNothingLost(t, data, doc)
			})
		}
	}
}

// checkTable asserts that the duty table's header row opens it on every
// page it covers, that every P and O text is in exactly one cell of its
// column (or cut by a page break into the last cell of one page and the
// first of the next), that every K and S text is in its column and no
// other, and that K and S cells merged over several tasks are found.
func checkTable(t *testing.T, doc *grid.Document, want []expected, spans bool) {
	t.Helper()
	cols := map[int][]grid.Cell{} // cells of the duty table by column, in order
	headerPages := map[int]bool{}
	tablePages := map[int]bool{}
	merged := map[int]int{}
	for _, b := range doc.Blocks {
		if b.Table == nil || len(b.Table.Rows) == 0 || !isHeader(b.Table.Rows[0]) {
			continue
		}
		headerPages[b.Table.Page] = true
		for _, r := range b.Table.Rows[1:] {
			for _, c := range r.Cells {
				cols[c.Col] = append(cols[c.Col], c)
				if strings.TrimSpace(c.Text) != "" {
					tablePages[c.Page] = true
				}
				if c.RowSpan > 1 && (c.Col == 5 || c.Col == 6) && strings.TrimSpace(c.Text) != "" {
					merged[c.Col]++
				}
			}
		}
	}
	if len(headerPages) == 0 {
		t.Fatal("no table opens with the 7-column header row")
	}
	for p := range tablePages {
		if !headerPages[p] {
			t.Errorf("page %d holds duty-table cells but no header row", p)
		}
	}
	for _, w := range want {
		needle := squeeze(w.code + w.text)
		found := 0
		for col, cs := range cols {
			for _, c := range cs {
				if strings.Contains(squeeze(c.Text), needle) {
					found++
					if col != w.col {
						t.Errorf("%s found in column %d, want %d", w.code, col, w.col)
					}
				}
			}
		}
		if found == 0 {
			found = cutAcross(cols[w.col], needle)
		}
		switch {
		case found == 0:
			t.Errorf("%s %q is in no cell of column %d", w.code, w.text, w.col)
		case w.unique && found != 1:
			t.Errorf("%s %q is in %d cells, want 1", w.code, w.text, found)
		}
	}
	if spans && (merged[5] == 0 || merged[6] == 0) {
		t.Errorf("no K or S cell spans several rows (K: %d, S: %d)", merged[5], merged[6])
	}
}

// cutAcross counts the pairs of consecutive cells of a column, on
// consecutive pages, whose texts end and begin with the two parts of
// needle.
func cutAcross(cs []grid.Cell, needle string) int {
	n := 0
	for i := 0; i+1 < len(cs); i++ {
		a, b := squeeze(cs[i].Text), squeeze(cs[i+1].Text)
		if cs[i+1].Page != cs[i].Page+1 {
			continue
		}
		for k := 1; k < len(needle); k++ {
			if strings.HasSuffix(a, needle[:k]) && strings.HasPrefix(b, needle[k:]) {
				n++
				break
			}
		}
	}
	return n
}

// checkNothingLost asserts that every character pdftotext finds is in
// the grid at least as often, white space apart.
func checkNothingLost(t *testing.T, data []byte, doc *grid.Document) {
	t.Helper()
	pdftotext := testtool.Path(t, "pdftotext", "poppler-utils")
	in := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	have := map[rune]int{}
	for _, b := range doc.Blocks {
		if b.Line != nil {
			count(have, b.Line.Text)
		} else {
			for _, r := range b.Table.Rows {
				for _, c := range r.Cells {
					count(have, c.Text)
				}
			}
		}
	}
	want := map[rune]int{}
	count(want, string(out))
	for r, n := range want {
		if have[r] < n {
			t.Errorf("%q: pdftotext finds it %d times, the grid %d", r, n, have[r])
		}
	}
}

func count(m map[rune]int, s string) {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			m[r]++
		}
	}
}
