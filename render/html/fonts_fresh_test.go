package html

import "testing"

// DefaultFonts is fresh on every call: changing one copy changes neither
// the next nor the stack the backend writes.
func TestDefaultFontsFresh(t *testing.T) {
	a := DefaultFonts()
	a[0] = "Comic Sans MS"
	if got := DefaultFonts()[0]; got != "標楷體" {
		t.Errorf("DefaultFonts()[0] = %q after a caller changed its copy, want 標楷體", got)
	}
}
