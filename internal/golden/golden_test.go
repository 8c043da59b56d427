package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	tests := []struct {
		name, want, got, diff string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"changed line", "1\n2\n3\n4\n5\n6\n7\n", "1\n2\n3\nfour\n5\n6\n7\n",
			"@@ line 2\n 2\n 3\n-4\n+four\n 5\n 6\n"},
		{"added at end", "a\nb\n", "a\nb\nc\n", "@@ line 1\n a\n b\n+c\n"},
		{"removed first", "x\na\nb\nc\nd\n", "a\nb\nc\nd\n", "@@ line 1\n-x\n a\n b\n"},
		{"two hunks", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "one\n2\n3\n4\n5\n6\n7\n8\n9\nten\n",
			"@@ line 1\n-1\n+one\n 2\n 3\n@@ line 8\n 8\n 9\n-10\n+ten\n"},
		{"missing final newline", "a\n", "a", "@@ line 1\n-a\n+a⏎(no newline at end)\n"},
		{"into empty", "", "【註1】\n", "@@ line 1\n+【註1】\n"},
	}
	for _, tt := range tests {
		if got := Diff(tt.want, tt.got); got != tt.diff {
			t.Errorf("%s: Diff =\n%s\nwant\n%s", tt.name, got, tt.diff)
		}
	}
}

// Inputs too large to match line by line still show where they differ.
func TestDiffLarge(t *testing.T) {
	var a, b strings.Builder
	for i := 0; i < 3000; i++ {
		a.WriteString("行\n")
		b.WriteString("行\n")
	}
	a.WriteString("甲\n")
	b.WriteString("乙\n")
	d := Diff(a.String(), b.String())
	if d != "@@ line 2999\n 行\n 行\n-甲\n+乙\n" {
		t.Errorf("Diff = %q", d)
	}
}

func TestCheck(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.golden")
	if err := os.WriteFile(p, []byte("a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	Check(t, p, []byte("a\n")) // passes
	ft := &fakeT{TB: t}
	Check(ft, p, []byte("b\n"))
	if !strings.Contains(ft.msg, "@@ line 1\n-a\n+b") || !strings.Contains(ft.msg, "go test -update") {
		t.Errorf("mismatch message = %q", ft.msg)
	}
}

// fakeT records Errorf instead of failing.
type fakeT struct {
	testing.TB
	msg string
}

func (f *fakeT) Helper() {}
func (f *fakeT) Errorf(format string, args ...any) {
	f.msg = strings.TrimSpace(sprintf(format, args...))
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
