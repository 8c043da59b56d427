package html

import (
	"path/filepath"
	"testing"

	"github.com/ocs-project/ocs/internal/golden"
	"github.com/ocs-project/ocs/internal/testdocs"
)

// The HTML of every bundled document (JSON-LD included) matches its
// reviewed golden file in testdata. After an intended change:
// go test ./render/html -update, then review the diff of testdata.
func TestGolden(t *testing.T) {
	docs, err := testdocs.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		t.Run(d.Name, func(t *testing.T) {
			out, err := Render(d.Doc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", d.Name+".html.golden"), out)
		})
	}
}
