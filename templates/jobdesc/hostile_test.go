package jobdesc

import (
	"testing"

	"github.com/ocs-project/ocs/internal/cost"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

// A company overlay costs work linear in its input on the inputs of issue
// 15 items 1 and 2 (a 2,500-deep inline table under an unknown key took
// more than 5 minutes, 5,000 unknown tables 46 s), and each is refused with
// problems at their lines.
func TestOverlayHostileLinear(t *testing.T) {
	read := func(b []byte) error { _, err := ParseOverlay(b, "o.toml"); return err }
	cost.Linear(t, func(b []byte) { _ = read(b) }, 300)
	cost.Refused(t, read)
}

func FuzzParseOverlay(f *testing.F) {
	doctest.FuzzReader(f, "o.toml", func(b []byte) error { _, err := ParseOverlay(b, "o.toml"); return err })
}
