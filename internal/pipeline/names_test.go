package pipeline

import (
	"strings"
	"testing"
)

func TestSafeNames(t *testing.T) {
	long := strings.Repeat("職", 100) // 300 bytes
	got := SafeNames([]string{"THM2431-001v1", "manifest.json", "CON", "abc", "ABC", "../../etc/passwd", "a\x1bb", "///", long},
		[]string{"manifest.json"})
	want := []string{"THM2431-001v1", "manifest.json-2", "_CON", "abc", "ABC-2", "etc_passwd", "ab", "standard"}
	for i, w := range want {
		if got[i] != w {
			t.Errorf("SafeNames[%d] = %q, want %q", i, got[i], w)
		}
	}
	if l := got[len(got)-1]; len(l) > 100 || !strings.HasPrefix(l, "職職職") {
		t.Errorf("a 300-byte name became %q (%d bytes), want at most 100 bytes of it", l, len(l))
	}
}
