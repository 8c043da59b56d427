package importer_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/importer/all"

	"github.com/ocs-project/ocs/importer"
	"github.com/ocs-project/ocs/internal/testtool"
	"github.com/ocs-project/ocs/render"
	rdocx "github.com/ocs-project/ocs/render/docx"
	rtext "github.com/ocs-project/ocs/render/text"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/standards"
	"github.com/ocs-project/ocs/templates"
	tabletpl "github.com/ocs-project/ocs/templates/table"
)

func init() { all.Register() }

// bundled loads a bundled standard.
func bundled(t testing.TB, code string) *standard.Standard {
	t.Helper()
	data, name, err := standards.Open(code)
	if err != nil {
		t.Fatal(err)
	}
	s, err := standard.Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// table renders a standard's official table with the given options.
func table(t testing.TB, s *standard.Standard, opt templates.Options, encode func(*render.Document) ([]byte, error)) []byte {
	t.Helper()
	doc, err := tabletpl.Standard(s, opt)
	if err != nil {
		t.Fatal(err)
	}
	out, err := encode(doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func txt(t testing.TB, s *standard.Standard) string {
	return string(table(t, s, templates.Options{}, rtext.Render))
}

func docxOf(t testing.TB, s *standard.Standard, opt templates.Options) []byte {
	return table(t, s, opt, func(d *render.Document) ([]byte, error) { return rdocx.Render(d, rdocx.Options{}) })
}

// imported imports data and returns the standard its TOML loads as,
// failing on any check error or unplaced text.
func imported(t testing.TB, name string, data []byte) (*importer.Result, *standard.Standard) {
	t.Helper()
	res, err := importer.Import(context.Background(), data, importer.Options{Source: name})
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	for _, f := range res.Report {
		if f.Severity == importer.Error {
			t.Errorf("import %s: %s", name, f)
		}
	}
	if errs := res.Problems.Errors(); len(errs) > 0 {
		t.Fatalf("import %s: the TOML has errors: %v\n%s", name, errs, res.TOML)
	}
	s, err := standard.Parse(name+".toml", res.TOML)
	if err != nil {
		t.Fatal(err)
	}
	return res, s
}

// diffLines returns the lines where two texts differ, for messages.
func diffLines(a, b string) []string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, "- "+x+"\n+ "+y)
		}
	}
	return out
}

// The seed text imports to the bundled THM2431-001v1: its standard table
// is the bundled one's, except the 行業別代碼 the seed prints as 155.
func TestSeedImportsToBundled(t *testing.T) {
	data, err := os.ReadFile("testdata/THM2431-001v1-seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	res, got := imported(t, "seed.txt", data)
	want := bundled(t, "THM2431-001v1")
	d := diffLines(txt(t, want), txt(t, got))
	if len(d) != 1 || d[0] != "- 行業別 ｜ 住宿及餐飲業/住宿業 ｜ 行業別代碼 ｜ I55\n+ 行業別 ｜ 住宿及餐飲業/住宿業 ｜ 行業別代碼 ｜ 155" {
		t.Errorf("the seed's table differs from the bundled one's in %d lines:\n%s", len(d), strings.Join(d, "\n"))
	}
	// 155 is kept as printed and check flags it.
	flagged := false
	for _, p := range res.Problems {
		if p.Rule == "R04" && p.Path == "category.industry[0].code" {
			flagged = true
		}
	}
	if !flagged {
		t.Errorf("check does not flag the 行業別代碼 155: %v", res.Problems)
	}
}

// Every judgement on the seed is a comment in the TOML and a finding.
func TestSeedJudgements(t *testing.T) {
	data, err := os.ReadFile("testdata/THM2431-001v1-seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	res, _ := imported(t, "seed.txt", data)
	toml := string(res.TOML)
	comments := []string{
		"# import: P1.1.9 cut by a page break and rejoined:",
		"# import: P4.2.1 cut by a page break and rejoined:",
		"# import: P5.3.3 cut by a page break and rejoined:",
		"# import: O4.2.1 cut by a page break and rejoined: 「活動企劃」+「書」",
		"# import: title cut by a page break and rejoined: 「研擬活動」+「企劃書」",
		"# import: cut by a page break and rejoined: 「…必須轉介以解決衝」+「突和進行調解」\nS04 = ",
		"# import: K20–K25 read as one cell merged over T4.1–T4.2",
		"# import: S13–S18 read as one cell merged over T5.1–T5.4",
	}
	for _, c := range comments {
		if !strings.Contains(unwrap(toml), c) {
			t.Errorf("the TOML lacks the comment %q", c)
		}
	}
	where := map[string]bool{}
	for _, f := range res.Report {
		if strings.Contains(f.Message, "rejoined") {
			where[f.Where] = true
		}
	}
	for _, w := range []string{"P1.1.9", "P4.2.1", "P5.3.3", "S04", "T4.2", "O4.2.1"} {
		if !where[w] {
			t.Errorf("no report finding for the rejoined %s (have %v)", w, where)
		}
	}
	if !strings.Contains(toml, `code = "155"`) {
		t.Error("the 行業別代碼 is not kept as printed (155)")
	}
}

// unwrap joins comment lines the writer wrapped, so tests can look for a
// whole comment.
func unwrap(toml string) string {
	var b strings.Builder
	prevComment := false
	for _, l := range strings.Split(toml, "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "# ") && prevComment && !strings.HasPrefix(t, "# import:") {
			b.WriteString(" " + t[2:])
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(t)
		prevComment = strings.HasPrefix(t, "# ")
	}
	return b.String()
}

// The DOCX ocs writes for each bundled standard, portrait and landscape,
// imports back to the same table.
func TestDOCXRoundTrip(t *testing.T) {
	for _, code := range standards.Codes() {
		for _, land := range []bool{false, true} {
			s := bundled(t, code)
			data := docxOf(t, s, templates.Options{Landscape: land})
			_, got := imported(t, code+".docx", data)
			if d := diffLines(txt(t, s), txt(t, got)); len(d) > 0 {
				t.Errorf("%s (landscape %v): %d lines differ:\n%s", code, land, len(d), strings.Join(d, "\n"))
			}
		}
	}
}

func writeTemp(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// The DOCX ocs writes, re-saved by LibreOffice as DOCX and as ODT,
// imports back to the same table: Word-processor files that ocs did not
// write itself.
func TestLibreOfficeRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversions take several seconds")
	}
	soffice := testtool.Path(t, "soffice", "libreoffice-writer-nogui")
	dir := t.TempDir()
	var inputs []string
	want := map[string]string{}
	for _, code := range standards.Codes() {
		s := bundled(t, code)
		inputs = append(inputs, writeTemp(t, dir, code+".docx", docxOf(t, s, templates.Options{})))
		want[code] = txt(t, s)
	}
	for _, target := range []struct{ filter, ext, sub string }{
		{"odt", "odt", "odt"},
		{"docx:MS Word 2007 XML", "docx", "docx"},
	} {
		out := filepath.Join(dir, target.sub)
		cmd := exec.Command(soffice, append([]string{"--headless", "--convert-to", target.filter, "--outdir", out}, inputs...)...)
		cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice --convert-to %s: %v\n%s", target.filter, err, msg)
		}
		for _, code := range standards.Codes() {
			data, err := os.ReadFile(filepath.Join(out, code+"."+target.ext))
			if err != nil {
				t.Fatal(err)
			}
			res, got := imported(t, code+"."+target.ext, data)
			if res.Format != target.ext {
				t.Errorf("%s.%s read as %s", code, target.ext, res.Format)
			}
			if d := diffLines(want[code], txt(t, got)); len(d) > 0 {
				t.Errorf("%s re-saved by LibreOffice as %s: %d lines differ:\n%s", code, target.ext, len(d), strings.Join(d, "\n"))
			}
		}
	}
}

func templatesOptions() templates.Options { return templates.Options{} }
