package importer_test

import (
	"os"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
	rpdf "github.com/ocs-project/ocs/render/pdf"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
)

// sharedRows loads the shared-rows fixture of the templates' tests
// (T1.1–T1.7 in one merged row, O2.1.1 over T2.1's two blocks), with edit
// applied to its text.
func sharedRows(t *testing.T, edit func(string) string) *standard.Standard {
	t.Helper()
	data, err := os.ReadFile("../templates/internal/doctest/shared-rows.toml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := standard.Parse("shared-rows.toml", []byte(edit(string(data))))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// A 工作任務 cell naming several tasks imports as tasks sharing the first
// one's row, and an output cell merged over two blocks of a task as
// shares_outputs: the DOCX and PDF ocs writes import back to the same
// table, portrait and landscape, also when the shared row crosses a page
// break (its indicators written eight times over).
func TestSharedRowsImport(t *testing.T) {
	long := func(s string) string {
		i := strings.Index(s, "  indicators = [\n")
		j := i + strings.Index(s[i:], "  ]\n")
		body := s[i+len("  indicators = [\n") : j]
		return s[:i] + "  indicators = [\n" + strings.Repeat(body, 8) + s[j:]
	}
	for _, tc := range []struct {
		name string
		edit func(string) string
	}{{"fixture", func(s string) string { return s }}, {"long row", long}} {
		s := sharedRows(t, tc.edit)
		want := txt(t, s)
		for _, land := range []bool{false, true} {
			opt := templates.Options{Landscape: land}
			files := map[string][]byte{
				"docx": docxOf(t, s, opt),
				"pdf":  table(t, s, opt, func(d *render.Document) ([]byte, error) { return rpdf.Render(d, rpdf.Options{}) }),
			}
			for ext, data := range files {
				name := tc.name + "." + ext
				res, got := imported(t, name, data)
				if d := diffLines(want, txt(t, got)); len(d) > 0 {
					t.Errorf("%s (landscape %v): %d lines differ:\n%s", name, land, len(d), strings.Join(d, "\n"))
				}
				toml := string(res.TOML)
				if n := strings.Count(toml, `shares = "T1.1"`); n != 6 {
					t.Errorf("%s (landscape %v): %d tasks share T1.1's row, want 6", name, land, n)
				}
				if n := strings.Count(toml, "shares_outputs = true"); n != 1 {
					t.Errorf("%s (landscape %v): %d blocks share outputs, want 1", name, land, n)
				}
			}
		}
	}
}
