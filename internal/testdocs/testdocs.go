// Package testdocs builds the documents that the backends' golden tests
// render: for each bundled standard its standard table and its occupation
// profile, and the job posting of examples/company-overlay.toml. It is the
// one place tests reach from a backend up to the templates, so a move of
// the templates touches this file only.
package testdocs

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/ocs-project/ocs/internal/golden"
	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/standards"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/jobdesc"
	"github.com/ocs-project/ocs/templates/table"
)

// Date is the date every document carries, so output does not depend on
// the clock or on SOURCE_DATE_EPOCH.
var Date = time.Date(2024, 12, 15, 0, 0, 0, 0, time.UTC)

// Doc is a named document. Name is "<standard code>.<kind>", kind being
// standard, profile or posting; golden files are named after it.
type Doc struct {
	Name string
	Doc  *render.Document
}

// All returns the documents in a fixed order: every bundled standard's
// table and profile, then the example posting.
func All() ([]Doc, error) {
	var out []Doc
	for _, code := range standards.Codes() {
		s, err := load(code)
		if err != nil {
			return nil, err
		}
		opt := templates.Options{Date: Date}
		d, err := table.Standard(s, opt)
		if err != nil {
			return nil, fmt.Errorf("%s standard table: %w", code, err)
		}
		out = append(out, Doc{code + ".standard", d})
		if d, err = jobdesc.JobDescription(s, nil, opt); err != nil {
			return nil, fmt.Errorf("%s occupation profile: %w", code, err)
		}
		out = append(out, Doc{code + ".profile", d})
	}
	p, err := Posting()
	if err != nil {
		return nil, err
	}
	return append(out, p), nil
}

// Golden renders every document of All with render and compares the
// output with testdata/<name><ext>.golden (see package golden; -update
// rewrites the files).
func Golden(t *testing.T, ext string, render func(*render.Document) ([]byte, error)) {
	t.Helper()
	docs, err := All()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		t.Run(d.Name, func(t *testing.T) {
			out, err := render(d.Doc)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", d.Name+ext+".golden"), out)
		})
	}
}

// Standard returns the standard table of the bundled standard code.
func Standard(code string) (Doc, error) {
	s, err := load(code)
	if err != nil {
		return Doc{}, err
	}
	d, err := table.Standard(s, templates.Options{Date: Date})
	if err != nil {
		return Doc{}, fmt.Errorf("%s standard table: %w", code, err)
	}
	return Doc{code + ".standard", d}, nil
}

// MustStandard is Standard for tests: it fails t on error.
func MustStandard(t testing.TB, code string) Doc {
	t.Helper()
	d, err := Standard(code)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// Posting returns the job posting of examples/company-overlay.toml.
func Posting() (Doc, error) {
	path := filepath.Join(root(), "examples", "company-overlay.toml")
	data, err := os.ReadFile(path)
	if err != nil {
		return Doc{}, err
	}
	o, err := jobdesc.ParseOverlay(data, "examples/company-overlay.toml")
	if err != nil {
		return Doc{}, err
	}
	const code = "THM2431-001v1"
	s, err := load(code)
	if err != nil {
		return Doc{}, err
	}
	d, err := jobdesc.JobDescription(s, o, templates.Options{Date: Date})
	if err != nil {
		return Doc{}, fmt.Errorf("example posting: %w", err)
	}
	return Doc{code + ".posting", d}, nil
}

func load(code string) (*standard.Standard, error) {
	s, err := standard.LoadFS(standards.FS, code+".toml")
	if err != nil {
		return nil, fmt.Errorf("bundled %s: %w", code, err)
	}
	return s, nil
}

// root is the repository's top folder, found from this file's place.
func root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}
