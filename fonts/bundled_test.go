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

// BenchmarkCoverStandard measures the check of the characters of
// THM2431-001v1 against the embedded faces that a render makes.
func BenchmarkCoverStandard(b *testing.B) {
	set, err := fonts.DefaultSet()
	if err != nil {
		b.Fatal(err)
	}
	s, err := standard.LoadFS(standards.FS, "THM2431-001v1.toml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if rep := set.Cover(s.Walk); !rep.OK() {
			b.Fatal(rep.Err())
		}
	}
}
