package main

import (
	"regexp"
	"strings"
	"testing"
)

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, errOut := ocs(t, args...)
		if code != 0 || errOut != "" {
			t.Fatalf("ocs %s: exit %d, stderr %q", strings.Join(args, " "), code, errOut)
		}
		for _, re := range []string{
			`(?m)^ocs (dev|dev\+[0-9a-f]{12}|v\d+\.\d+\.\d+\S*)$`,
			`(?m)^go +go1\.\d+`,
			`(?m)^font +TW-Kai, Version 103\.1 \(\d+\.\d MB embedded\)$`,
			`(?m)^font +OCS Serif, Version 2\.1\.5 \(\d+ KB embedded\)$`,
		} {
			if !regexp.MustCompile(re).MatchString(out) {
				t.Errorf("ocs %s: output does not match %s:\n%s", strings.Join(args, " "), re, out)
			}
		}
	}
}

func TestVersionStamped(t *testing.T) {
	oldV, oldR := version, revision
	defer func() { version, revision = oldV, oldR }()
	version, revision = "v1.2.3", "0123456789abcdef0123456789abcdef01234567"
	_, out, _ := ocs(t, "version")
	if !strings.HasPrefix(out, "ocs v1.2.3\nrevision 0123456789abcdef0123456789abcdef01234567\n") {
		t.Errorf("stamped version printed as:\n%s", out)
	}
	version = "dev"
	if got := buildInfo().Version; got != "dev+0123456789ab" {
		t.Errorf("unreleased build with a revision is %q, want dev+0123456789ab", got)
	}
}
