package standard

import (
	"testing"

	"github.com/ocs-project/ocs/diag"
)

func TestPaths(t *testing.T) {
	tests := []struct{ path, parent, key string }{
		{"code", "", "code"},
		{"duty[0]", "duty", "duty[0]"},
		{"duty[0].task[1].indicators[2]", "duty[0].task[1].indicators", "indicators[2]"},
		{"x[0][1]", "x[0]", "x[0][1]"},
		{`skills."S17.1"`, "skills", `"S17.1"`},
		{`a."b.c".d`, `a."b.c"`, "d"},
	}
	for _, tt := range tests {
		if got := diag.ParentPath(tt.path); got != tt.parent {
			t.Errorf("diag.ParentPath(%q) = %q, want %q", tt.path, got, tt.parent)
		}
		if got := diag.KeyName(tt.path); got != tt.key {
			t.Errorf("diag.KeyName(%q) = %q, want %q", tt.path, got, tt.key)
		}
	}
	if got := diag.JoinKey(diag.JoinKey("", "skills"), "S17.1"); got != `skills."S17.1"` {
		t.Errorf("joinKey = %s", got)
	}
}
