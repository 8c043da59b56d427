package text

import (
	"testing"

	"github.com/ocs-project/ocs/internal/testdocs"
)

// The text of every bundled document matches its reviewed golden file in
// testdata. After an intended change: go test ./render/text -update, then
// review the diff of testdata.
func TestGolden(t *testing.T) {
	testdocs.Golden(t, ".txt", Render)
}
