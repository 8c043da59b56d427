package templates

import "testing"

// The list of languages is fresh on every call: a caller that changes it
// cannot change what the next caller, or the templates, see. (The
// assessment's lists of parts and methods are checked the same way in
// templates/assessment.)
func TestLanguagesFresh(t *testing.T) {
	a := Languages()
	first := a[0]
	a[0] = "changed"
	if got := Languages()[0]; got != first {
		t.Errorf("Languages()[0] = %q after a caller changed its copy, want %q", got, first)
	}
}
