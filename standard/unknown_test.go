package standard

import (
	"strings"
	"testing"
)

func TestUnknownKeyHint(t *testing.T) {
	tests := []struct {
		key  string
		n    *node
		want string
	}{
		{"titel", formatOf().task, `did you mean "title"?`},
		{"job", formatOf().root, `"job" belongs in [category]`},                     // misplaced, not short for job_category
		{"job_category", categoryNode(), `"job_category" belongs in the top level`}, // not a longer "job"
		{"desc", formatOf().root, `did you mean "description"?`},
		{"title", formatOf().block, "keys after a [[duty.task.block]] header belong to that block"},
		{"xyz", formatOf().root, "keys allowed here: code, occupation"},
	}
	for _, tt := range tests {
		d := &decoder{}
		d.unknownKey(tt.key, tt.key, tt.n)
		if len(d.probs) != 1 || !strings.Contains(d.probs[0].Advice(), tt.want) {
			t.Errorf("unknown key %q in %s: %v, want a hint with %q", tt.key, tt.n.name, d.probs, tt.want)
		}
	}
}

// categoryNode returns the node of the [category] table.
func categoryNode() *node { return formatOf().root.field("category") }
