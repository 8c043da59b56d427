package fonts_test

import (
	"testing"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/standards"
)

// TestBundledStandardsCovered checks that the embedded face alone has
// every character of every bundled standard.
func TestBundledStandardsCovered(t *testing.T) {
	set, err := fonts.DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	names := standards.Names()
	if len(names) < 2 {
		t.Fatalf("%d bundled standards; want at least 2", len(names))
	}
	for _, name := range names {
		s, err := standard.LoadFS(standards.FS, name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		rep := fonts.Check(set, s.Walk)
		if rep.Chars < 200 {
			t.Errorf("%s: only %d distinct characters checked", name, rep.Chars)
		}
		if err := rep.Err(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
