package fonts

import (
	"strings"
	"testing"
)

func TestEmbeddedVersions(t *testing.T) {
	got := Embedded()
	if len(got) != 3 {
		t.Fatalf("Embedded() lists %d fonts, want 3 (TW-Kai, OCS Serif, OCS Serif Bold)", len(got))
	}
	want := []string{"TW-Kai", "OCS Serif", "OCS Serif Bold"}
	for i, f := range got {
		if f.Name != want[i] {
			t.Errorf("font %d is %q, want %q", i, f.Name, want[i])
		}
		if f.Version == "unknown" || !strings.Contains(strings.ToLower(f.Version), "version") {
			t.Errorf("%s: version %q does not read like a name-table version string", f.Name, f.Version)
		}
		if f.Bytes < 10_000 {
			t.Errorf("%s: %d bytes, too small for an embedded font", f.Name, f.Bytes)
		}
	}
	// The TW-Kai source is version 103.1 (fonts/README.md).
	if !strings.Contains(got[0].Version, "103.1") {
		t.Errorf("TW-Kai version %q, want the source's 103.1", got[0].Version)
	}
}
