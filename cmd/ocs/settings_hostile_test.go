package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/diag"
	"github.com/ocs-project/ocs/internal/cost"
)

// A settings file costs work linear in its size on the inputs of issue 15
// items 1 and 2, and each is refused with problems at their lines.
func TestSettingsHostileLinear(t *testing.T) {
	cost.Linear(t, func(b []byte) { _, _ = parseSettings("s.toml", b) }, 300)
	cost.Refused(t, func(b []byte) error { _, err := parseSettings("s.toml", b); return err })
}

// FuzzParseSettings: parseSettings never panics, and a failure is a list
// of problems naming the file, each on a line of the input.
func FuzzParseSettings(f *testing.F) {
	for _, h := range cost.HostileTOML() {
		f.Add(h.Make(20))
	}
	for _, s := range []string{"lang = \"en\"\n[fonts]\nsystem = true\n", "[labels]\npart_checklist = \"x\"\n[labels.standard]\ncol_task = \"y\"\n",
		"labels = 5", "[fonts]\nfallbacks = \"a\"", "[docx]\nascii_font = 1979-05-27", "\uFEFFlang = 'zh-TW'"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := parseSettings("s.toml", data)
		if err == nil {
			return
		}
		var ps diag.Problems
		if !errors.As(err, &ps) {
			t.Fatalf("error %v is not problems", err)
		}
		lines := strings.Count(string(data), "\n") + 1
		for _, p := range ps {
			if p.File != "s.toml" || p.Message == "" || p.Line > lines {
				t.Errorf("problem %#v (input of %d lines)", p, lines)
			}
		}
	})
}
