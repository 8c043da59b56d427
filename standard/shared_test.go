package standard

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// testdata/shared.toml writes T1.1's row once for T1.1–T1.4 and the output
// of T2.1's first block once for both its blocks: the model gives every
// sharing task and block a copy with the codes printed, the groups are
// the printed rows, and Check finds nothing to say.
func TestSharedRowsLoad(t *testing.T) {
	s, ps := Check("testdata/shared.toml")
	if s == nil || len(ps) > 0 {
		t.Fatalf("problems in a valid shared file:\n%v", ps)
	}
	d1 := &s.Duties[0]
	wantRow := Block{
		Outputs:    []Entry{{"O1.1.1", "公文登記簿"}},
		Indicators: []Entry{{"P1.1.1", "依公文處理規定收發與登記公文。"}, {"P1.1.2", "依時限追蹤公文辦理進度。"}},
		Knowledge:  []Ref{{"K01", "公文處理規定"}},
		Skills:     []Ref{{"S01", "文書處理能力"}},
	}
	for j, code := range []string{"T1.1", "T1.2", "T1.3", "T1.4"} {
		tk := d1.Tasks[j]
		if tk.Code != code || tk.Level != 3 || len(tk.Blocks) != 1 || !reflect.DeepEqual(tk.Blocks[0], wantRow) {
			t.Errorf("task %d: %s level %d blocks %+v, want %s level 3 with T1.1's row", j, tk.Code, tk.Level, tk.Blocks, code)
		}
	}
	if got := d1.RowOwners(); !slices.Equal(got, []int{0, 0, 0, 0}) {
		t.Errorf("RowOwners = %v, want T1.1 for all four", got)
	}
	if got := d1.RowGroups(); !reflect.DeepEqual(got, [][]int{{0, 1, 2, 3}}) {
		t.Errorf("duty T1 groups %v, want one row of the four tasks", got)
	}
	// The sharing tasks hold the row itself, not copies: memory stays
	// linear however many tasks share a row.
	if &d1.Tasks[3].Blocks[0] != &d1.Tasks[0].Blocks[0] {
		t.Error("a sharing task holds a copy of the row")
	}

	d2 := &s.Duties[1]
	if got := d2.RowGroups(); !reflect.DeepEqual(got, [][]int{{0}, {1}}) {
		t.Errorf("duty T2 groups %v, want a row per task", got)
	}
	t21 := &d2.Tasks[0]
	out := []Entry{{"O2.1.1", "測試計畫書"}}
	if !slices.Equal(t21.Blocks[0].Outputs, out) || !slices.Equal(t21.Blocks[1].Outputs, out) || !t21.Blocks[1].SharesOutputs {
		t.Errorf("T2.1 outputs %v / %v, want %v in both blocks", t21.Blocks[0].Outputs, t21.Blocks[1].Outputs, out)
	}
	if got := t21.OutputsOwners(); !slices.Equal(got, []int{0, 0}) {
		t.Errorf("OutputsOwners = %v, want [0 0]", got)
	}
	if got := t21.Blocks[1].Indicators[0].Code; got != "P2.1.2" {
		t.Errorf("second block's indicator %s, want P2.1.2 (numbering continues)", got)
	}
	if got := d2.Tasks[1].Blocks[0].Outputs[0].Code; got != "O2.2.1" {
		t.Errorf("T2.2's output %s, want O2.2.1", got)
	}

	// Normalising again changes nothing.
	before := *s
	before.Duties = slices.Clone(s.Duties)
	for i := range before.Duties {
		before.Duties[i].Tasks = slices.Clone(s.Duties[i].Tasks)
		for j := range before.Duties[i].Tasks {
			var bs []Block
			for _, b := range s.Duties[i].Tasks[j].Blocks {
				b.Outputs, b.Indicators = slices.Clone(b.Outputs), slices.Clone(b.Indicators)
				b.Knowledge, b.Skills = slices.Clone(b.Knowledge), slices.Clone(b.Skills)
				bs = append(bs, b)
			}
			before.Duties[i].Tasks[j].Blocks = bs
		}
	}
	Normalize(s)
	if !reflect.DeepEqual(before.Duties, s.Duties) {
		t.Error("Normalize of a normalised shared file changed it")
	}

	// Walk gives each text once, where the file wrote it.
	count := map[string][]string{}
	s.Walk(func(path, text string) { count[text] = append(count[text], path) })
	for text, path := range map[string]string{
		"公文登記簿":         "duty[0].task[0].outputs[0]",
		"依時限追蹤公文辦理進度。":  "duty[0].task[0].indicators[1]",
		"測試計畫書":         "duty[1].task[0].block[0].outputs[0]",
		"依資源與風險排定測試時程。": "duty[1].task[0].block[1].indicators[0]",
	} {
		if got := count[text]; !slices.Equal(got, []string{path}) {
			t.Errorf("Walk gives %q at %v, want once at %s", text, got, path)
		}
	}
}

// Shared-row errors are reported at the line of the key at fault.
func TestSharedRowsErrorLines(t *testing.T) {
	for file, want := range map[string]map[string]int{ // path → line, counted in the files
		"R15-unknown.toml": {"duty[0].task[1].shares": 23, "duty[0].task[2].shares": 27, "duty[0].task[3].shares": 31, "duty[1].task[0].shares": 45},
		"R15-own-row.toml": {"duty[0].task[1].level": 23, "duty[0].task[2].indicators": 28, "duty[0].task[3].block[0]": 34},
		"R15-order.toml":   {"duty[0].task[2].shares": 30, "duty[1].task[2].shares": 48},
		"R15-outputs.toml": {"duty[0].task[0].block[0].shares_outputs": 15, "duty[0].task[0].block[2].outputs": 27},
	} {
		_, ps := Check("testdata/rules/" + file)
		got := map[string]int{}
		for _, p := range ps {
			if p.Rule == "R15" {
				got[p.Path] = p.Line
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: R15 at %v, want %v\n%v", file, got, want, ps)
		}
	}
}

// The messages say what is wrong in the author's terms.
func TestSharedRowsMessages(t *testing.T) {
	_, ps := Check("testdata/rules/R15-unknown.toml")
	var msgs []string
	for _, p := range ps {
		msgs = append(msgs, p.Message)
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		"task T1.2 shares the row of T1.9, which the standard does not have",
		"task T1.3 shares its own row",
		"task T1.4 shares the row of T1.5, which comes after it",
		"task T2.1 shares the row of T1.1, a task of another duty (T1)",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no message %q in\n%s", want, all)
		}
	}
}

// A standard built in code (the importer's way) that gives a sharing task
// blocks of its own keeps them, prints them (RowOwner is the task itself)
// and gets an R15 error naming what it wrote.
func TestSharedRowsBuiltOwnRow(t *testing.T) {
	s := &Standard{
		Occupation: "測試", Description: "描述", Level: 3,
		Duties: []Duty{{Title: "職責", Tasks: []Task{
			{Title: "任務一", Level: 3, Blocks: []Block{{Indicators: []Entry{{Text: "指標一。"}}}}},
			{Title: "任務二", Shares: "T1.1", Blocks: []Block{{Outputs: []Entry{{Text: "自己的產出"}}}}},
			{Title: "任務三", Shares: "T1.1"},
		}}},
		Prerequisites: []string{"大專以上畢業。"},
	}
	Normalize(s)
	d := &s.Duties[0]
	owners := d.RowOwners()
	if owners[1] != 1 || d.Tasks[1].Blocks[0].Outputs[0].Text != "自己的產出" {
		t.Errorf("a sharing task's own row was replaced: %+v", d.Tasks[1].Blocks)
	}
	if owners[2] != 0 || d.Tasks[2].Blocks[0].Indicators[0] != (Entry{"P1.1.1", "指標一。"}) {
		t.Errorf("T1.3 does not carry T1.1's row: %+v", d.Tasks[2].Blocks)
	}
	var got []string
	for _, p := range Validate(s) {
		if p.Rule == "R15" {
			got = append(got, p.Severity.String()+" "+p.Path+" "+p.Message)
		}
	}
	want := []string{
		"error duty[0].task[1] task T1.2 shares the row of T1.1 but also writes outputs",
		"error duty[0].task[2].shares task T1.3 shares the row of T1.1, but task T1.2 between them does not",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// shares_outputs takes true or false; a quoted "true" is refused with a
// hint to remove the quotes.
func TestSharesOutputsType(t *testing.T) {
	src := `occupation = "測試"
description = "描述"
[[duty]]
title = "職責"
  [[duty.task]]
  title = "任務"
    [[duty.task.block]]
    indicators = ["一。"]
    [[duty.task.block]]
    shares_outputs = "true"
    indicators = ["二。"]
`
	_, err := Parse("x.toml", []byte(src))
	ps, ok := err.(Problems)
	if !ok || len(ps) != 1 || ps[0].Line != 10 || !strings.Contains(ps[0].Message, "true or false") || !strings.Contains(ps[0].Hint, "remove the quotes") {
		t.Fatalf("got %v, want one problem at line 10 asking for true or false without quotes", err)
	}
}

// In a standard without levels, a shared row that prints a level is
// reported once, where the level is written, not again for each task
// sharing the row.
func TestSharedRowsNoLevels(t *testing.T) {
	src := `occupation = "測試"
description = "描述"
no_levels = "本項職能基準發展之初並未訂定職能級別"
[[duty]]
title = "職責"
  [[duty.task]]
  title = "任務一"
  level = 3
  outputs = ["產出"]
  indicators = ["指標。"]
  knowledge = ["K01"]
  skills = ["S01"]
  [[duty.task]]
  title = "任務二"
  shares = "T1.1"
  [[duty.task]]
  title = "任務三"
  shares = "T1.1"
[knowledge]
K01 = "知識"
[skills]
S01 = "技能"
[remarks]
prerequisites = ["大專以上畢業。"]
`
	_, ps := CheckData("x.toml", []byte(src))
	var got []string
	for _, p := range ps {
		got = append(got, p.Severity.String()+" "+p.Rule+" "+p.Path)
	}
	if want := []string{"warning R05 duty[0].task[0].level"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q\n%v", got, want, ps)
	}
}
