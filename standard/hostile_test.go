package standard

import (
	"testing"

	"github.com/ocs-project/ocs/internal/cost"
)

// Parse costs work linear in its input on the inputs of issue 15 items 1
// and 2 (100× the input: at most 300× the allocations), including
// nesting hidden behind a multi-line string closed by four quotes, and
// refuses each with a problem placed at a line.
func TestHostileTOMLLinear(t *testing.T) {
	cost.Linear(t, func(b []byte) { _, _ = Parse("x.toml", b) }, 300)
	cost.Refused(t, func(b []byte) error { _, err := Parse("x.toml", b); return err })
}
