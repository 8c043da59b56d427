package standard

import (
	"fmt"
	"slices"
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

// Normalize gives a standard built in code what Load gives a file: codes
// from position (kept where written), reference texts from the catalogues
// (kept where given), one block for a task without any; twice is once.
func TestNormalize(t *testing.T) {
	s := &Standard{
		Duties: []Duty{
			{Title: "甲", Tasks: []Task{
				{Title: "一", Blocks: []Block{
					{Outputs: []Entry{{Text: "紀錄"}}, Indicators: []Entry{{Text: "a"}, {Text: "b"}},
						Knowledge: []Ref{{Code: "K01"}, {Code: "K02", Text: "本任務的說法"}}},
					{Indicators: []Entry{{Text: "c"}}, Skills: []Ref{{Code: "S01"}, {Code: "S09"}}},
				}},
				{Title: "二"},
			}},
			{Code: "T5", Title: "乙", Tasks: []Task{
				{Title: "三", Blocks: []Block{{Indicators: []Entry{{Code: "P5.1", Text: "d"}, {Text: "e"}}}}},
			}},
		},
		Knowledge: []Item{{Code: "K01", Text: "知識一"}, {Code: "K02", Text: "知識二"}},
		Skills:    []Item{{Code: "S01", Text: "技能一"}},
	}
	Normalize(s)
	Normalize(s)
	var got []string
	for _, d := range s.Duties {
		got = append(got, d.Code)
		for _, task := range d.Tasks {
			got = append(got, fmt.Sprintf("%s/%d", task.Code, len(task.Blocks)))
			for _, b := range task.Blocks {
				for _, e := range append(b.Outputs, b.Indicators...) {
					got = append(got, e.Code+"="+e.Text)
				}
				for _, r := range append(b.Knowledge, b.Skills...) {
					got = append(got, r.Code+"="+r.Text)
				}
			}
		}
	}
	want := []string{
		"T1", "T1.1/2", "O1.1.1=紀錄", "P1.1.1=a", "P1.1.2=b", "K01=知識一", "K02=本任務的說法", "P1.1.3=c", "S01=技能一", "S09=",
		"T1.2/1",
		"T5", "T5.1/1", "P5.1=d", "P5.2=e",
	}
	if !slices.Equal(got, want) {
		t.Errorf("normalised:\n got %q\nwant %q", got, want)
	}
}
