package assessment

import (
	"testing"

	"github.com/ocs-project/ocs/internal/cost"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

// An assessment settings file costs work linear in its input on the
// inputs of issue 15 items 1 and 2, and each is refused with problems at
// their lines.
func TestAssessmentConfigHostileLinear(t *testing.T) {
	read := func(b []byte) error { _, err := ParseAssessmentConfig(b, "a.toml"); return err }
	cost.Linear(t, func(b []byte) { _ = read(b) }, 300)
	cost.Refused(t, read)
}

func FuzzParseAssessmentConfig(f *testing.F) {
	doctest.FuzzReader(f, "a.toml", func(b []byte) error { _, err := ParseAssessmentConfig(b, "a.toml"); return err })
}
