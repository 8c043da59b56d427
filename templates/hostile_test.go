package templates

import (
	"testing"

	"github.com/ocs-project/ocs/internal/cost"
)

// A label file costs work linear in its input on the inputs of issue 15
// items 1 and 2 (100× the input: at most 300× the allocations), and each
// is refused with problems at their lines.
func TestLabelFileHostileLinear(t *testing.T) {
	read := func(b []byte) error { _, err := ParseLabelFile("l.toml", b); return err }
	cost.Linear(t, func(b []byte) { _ = read(b) }, 300)
	cost.Refused(t, read)
}
