package standard

import (
	"strings"
	"testing"
)

func TestNextCode(t *testing.T) {
	tests := map[string]string{
		"P1.1.9": "P1.1.10", "K09": "K10", "K99": "K100", "P1.1": "P1.2", "T3": "T4",
		"S17.1": "S17.2", "X": "", "P1.1a": "", "": "",
	}
	for in, want := range tests {
		if got := nextCode(in); got != want {
			t.Errorf("nextCode(%q) = %q, want %q", in, got, want)
		}
	}
}

// Codes come from position, continue after explicit ones, and legacy
// two-level codes continue across the tasks of a duty.
func TestAssignCodes(t *testing.T) {
	src := `occupation = "x"
[[duty]]
title = "d"
  [[duty.task]]
  title = "t"
  outputs = ["o"]
  indicators = ["a", "b"]
  [[duty.task]]
  title = "t"
    [[duty.task.block]]
    indicators = ["a"]
    [[duty.task.block]]
    indicators = ["b", { code = "P1.2.5", text = "c" }, "d"]
[[duty]]
code = "T7"
title = "legacy"
  [[duty.task]]
  title = "t"
  indicators = [{ code = "P7.1", text = "a" }, "b"]
  outputs = [{ code = "O7.1", text = "o" }]
  [[duty.task]]
  code = "T7.9"
  title = "t"
  indicators = ["c"]
  outputs = ["o"]
  [[duty.task]]
  title = "no blocks"
  block = []
`
	s, err := Parse("codes.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range s.Duties {
		got = append(got, d.Code)
		for _, task := range d.Tasks {
			got = append(got, task.Code)
			for _, b := range task.Blocks {
				for _, e := range b.Outputs {
					got = append(got, e.Code)
				}
				for _, e := range b.Indicators {
					got = append(got, e.Code)
				}
			}
		}
	}
	want := "T1 T1.1 O1.1.1 P1.1.1 P1.1.2 T1.2 P1.2.1 P1.2.2 P1.2.5 P1.2.6 T7 T7.1 O7.1 P7.1 P7.2 T7.9 O7.2 P7.3 T7.3"
	if n := len(s.Duties[1].Tasks[2].Blocks); n != 1 {
		t.Errorf("a task with block = [] has %d blocks, want 1", n)
	}
	if g := strings.Join(got, " "); g != want {
		t.Errorf("codes\n got %s\nwant %s", g, want)
	}
}
