package templates

import (
	"errors"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/diag"
	"github.com/ocs-project/ocs/internal/cost"
)

// Every TOML reader of this package costs work linear in its input on the
// inputs of issue 15 items 1 and 2 (100× the input: at most 300× the
// allocations), and refuses them with problems at their lines.
func TestHostileTOMLLinear(t *testing.T) {
	readers := map[string]func([]byte) error{
		"overlay":             func(b []byte) error { _, err := ParseOverlay(b, "o.toml"); return err },
		"assessment settings": func(b []byte) error { _, err := ParseAssessmentConfig(b, "a.toml"); return err },
		"labels":              func(b []byte) error { _, err := ParseLabelFile("l.toml", b); return err },
	}
	for name, read := range readers {
		t.Run(name, func(t *testing.T) {
			cost.Linear(t, func(b []byte) { _ = read(b) }, 300)
			cost.Refused(t, read)
		})
	}
}

// fuzzReader checks what every TOML reader promises: it never panics, and
// a failure is a list of problems, each naming the file and saying what
// is wrong, placed on a line of the input when it has one.
func fuzzReader(f *testing.F, file string, read func([]byte) error) {
	for _, h := range cost.HostileTOML() {
		f.Add(h.Make(20))
	}
	for _, s := range []string{"", "\uFEFF", "a = 1", "[labels]\nx = 1", "[scale]\npoints = \"5\"", "salary = { min = 1, max = 99999999999999999999 }",
		"x = \"\"\"\n\"\"\"\"", "[[a]]\n[a]", "lang = 1979-05-27", "a = \"\xff\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := read(data)
		if err == nil {
			return
		}
		var ps diag.Problems
		if !errors.As(err, &ps) {
			return // not a TOML problem (a missing standard, say)
		}
		lines := strings.Count(string(data), "\n") + 1
		for _, p := range ps {
			if p.File != file || p.Message == "" || p.Line > lines || p.Line < 0 {
				t.Errorf("problem %#v (input of %d lines)", p, lines)
			}
		}
	})
}

func FuzzParseOverlay(f *testing.F) {
	fuzzReader(f, "o.toml", func(b []byte) error { _, err := ParseOverlay(b, "o.toml"); return err })
}

func FuzzParseAssessmentConfig(f *testing.F) {
	fuzzReader(f, "a.toml", func(b []byte) error { _, err := ParseAssessmentConfig(b, "a.toml"); return err })
}

func FuzzParseLabelFile(f *testing.F) {
	fuzzReader(f, "l.toml", func(b []byte) error { _, err := ParseLabelFile("l.toml", b); return err })
}
