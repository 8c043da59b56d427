package html

import (
	"testing"

	"github.com/ocs-project/ocs/internal/testdocs"
	"github.com/ocs-project/ocs/render"
)

// The HTML of every bundled document (JSON-LD included) matches its
// reviewed golden file in testdata. After an intended change:
// go test ./render/html -update, then review the diff of testdata.
func TestGolden(t *testing.T) {
	testdocs.Golden(t, ".html", func(d *render.Document) ([]byte, error) { return Render(d, Options{}) })
}
