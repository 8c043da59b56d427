package templates_test

import (
	"testing"

	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

func FuzzParseLabelFile(f *testing.F) {
	doctest.FuzzReader(f, "l.toml", func(b []byte) error { _, err := templates.ParseLabelFile("l.toml", b); return err })
}
