package assessment

import "testing"

// The lists of choices are fresh on every call: a caller that changes one
// cannot change what the next caller, or the templates, see.
func TestChoicesFresh(t *testing.T) {
	for name, list := range map[string]func() []string{"AssessmentParts": AssessmentParts, "AssessmentMethods": AssessmentMethods} {
		a := list()
		first := a[0]
		a[0] = "changed"
		if got := list()[0]; got != first {
			t.Errorf("%s()[0] = %q after a caller changed its copy, want %q", name, got, first)
		}
	}
}
