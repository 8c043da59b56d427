package standard

import (
	"github.com/ocs-project/ocs/diag"

	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

const thm = "../standards/THM2431-001v1.toml"

func TestLoadTHM2431(t *testing.T) {
	s, err := Load(thm)
	if err != nil {
		t.Fatal(err)
	}
	var tasks, outputs, indicators int
	for _, d := range s.Duties {
		for _, task := range d.Tasks {
			tasks++
			if !task.Shorthand || len(task.Blocks) != 1 {
				t.Errorf("task %s: shorthand %v, %d blocks", task.Code, task.Shorthand, len(task.Blocks))
			}
			for _, b := range task.Blocks {
				outputs += len(b.Outputs)
				indicators += len(b.Indicators)
			}
		}
	}
	counts := []struct {
		what      string
		got, want int
	}{
		{"duties", len(s.Duties), 5}, {"tasks", tasks, 13}, {"outputs", outputs, 9},
		{"indicators", indicators, 53}, {"knowledge", len(s.Knowledge), 29}, {"skills", len(s.Skills), 18},
		{"attitudes", len(s.Attitudes), 6}, {"notes", len(s.Notes), 16}, {"prerequisites", len(s.Prerequisites), 1},
	}
	for _, c := range counts {
		if c.got != c.want {
			t.Errorf("%s: got %d, want %d", c.what, c.got, c.want)
		}
	}

	t11 := s.Duties[0].Tasks[0]
	t42 := s.Duties[3].Tasks[1]
	t54 := s.Duties[4].Tasks[3]
	a01, _ := s.FindAttitude("A01")
	n16, _ := s.FindNote(16)
	k29, _ := s.FindKnowledge("K29")
	s02, _ := s.FindSkill("S02")
	texts := []struct{ what, got, want string }{
		{"code", s.Code, "THM2431-001v1"},
		{"name", s.Name(), "行銷業務專員"},
		{"industry code", s.Category.Industry[0].Code, "I55"},
		{"T1.1 code", t11.Code, "T1.1"},
		{"P1.1.1", t11.Blocks[0].Indicators[0].Code + " " + t11.Blocks[0].Indicators[0].Text, "P1.1.1 辨識使用合宜的溝通策略【註1】。"},
		{"P1.1.9", t11.Blocks[0].Indicators[8].Code + " " + t11.Blocks[0].Indicators[8].Text, "P1.1.9 以個人的能力、技巧和組織定位，在權責範圍內，依解決問題的規範流程進行溝通。"},
		{"O1.1.1", t11.Blocks[0].Outputs[0].Code + " " + t11.Blocks[0].Outputs[0].Text, "O1.1.1 溝通紀錄"},
		{"K01 ref", t11.Blocks[0].Knowledge[0].Text, "有效的溝通策略和技巧，能化解溝通阻礙，並維持關係"},
		{"T4.2", t42.Code + " " + t42.Title, "T4.2 研擬活動企劃書"},
		{"last P", t54.Blocks[0].Indicators[3].Code + " " + t54.Blocks[0].Indicators[3].Text, "P5.4.4 後續相應的人員及時掌握決策。"},
		{"A01", a01.Name + "：" + a01.Definition, "主動積極：不需他人指示或要求能自動自發做事，面臨問題立即採取行動加以解決，且為達目標願意主動承擔額外責任。"},
		{"note 16 term", n16.Term, "溝通技能"},
		{"K29", k29.Text, "客服相關的行業/工作場域作業規範"},
		{"S02", s02.Text, "使用策略以因應特定溝通需求/問題"},
	}
	for _, c := range texts {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.what, c.got, c.want)
		}
	}
	levels := ""
	for _, d := range s.Duties {
		for _, task := range d.Tasks {
			levels += fmt.Sprint(task.Level)
		}
	}
	if levels != "3333433334433" {
		t.Errorf("task levels %s", levels)
	}
	if s.Source != thm {
		t.Errorf("source %q", s.Source)
	}
	for path, text := range map[string]string{
		"code":                          `code = "THM2431-001v1"`,
		"duty[0].task[0].indicators[0]": `"辨識使用合宜的溝通策略【註1】。",`,
		"duty[4].task[3].indicators[3]": `"後續相應的人員及時掌握決策。",`,
		"knowledge.K29":                 `K29 = "客服相關的行業/工作場域作業規範"`,
		"notes.16":                      `16 = { term = "溝通技能"`,
	} {
		if got, want := s.Lines[path], lineWith(t, thm, text); got != want {
			t.Errorf("line of %s: got %d, want %d", path, got, want)
		}
	}
}

// lineWith returns the number of the only line of file that contains text.
func lineWith(t *testing.T, file, text string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, text) {
			if found != 0 {
				t.Fatalf("%q is on several lines of %s", text, file)
			}
			found = i + 1
		}
	}
	if found == 0 {
		t.Fatalf("%q is not in %s", text, file)
	}
	return found
}

// Every way a file can fail to load gives problems naming the place, the
// expected type or the likely key, and a fix.
func TestLoadErrors(t *testing.T) {
	const head = "occupation = \"測試\"\ndescription = \"描述\"\nlevel = 3\n"
	tests := []struct {
		name string
		src  string
		want []string // per problem: "line:col path | message fragment | hint fragment"
	}{
		{"unknown key", head + "[[duty]]\ntitle = \"職責\"\n  [[duty.task]]\n  title = \"任務\"\n  indicator = [\"指標\"]\n",
			[]string{`8:0 duty[0].task[0].indicator | unknown key "indicator" in [[duty.task]] | did you mean "indicators"?`}},
		{"swapped letters", head + "[[duty]]\ntitel = \"職責\"\n",
			[]string{`5:0 duty[0].titel | unknown key "titel" in [[duty]] | did you mean "title"?`}},
		{"key of another table", head + "prerequisites = [\"大專\"]\n",
			[]string{`4:0 prerequisites | unknown key "prerequisites" in the top level | "prerequisites" belongs in [remarks]`}},
		{"task key after a block", head + "[[duty]]\ntitle = \"職責\"\n  [[duty.task]]\n  title = \"任務\"\n  [[duty.task.block]]\n  indicators = [\"指標\"]\n  attitudes = [\"A01\"]\n",
			[]string{`10:0 duty[0].task[0].block[0].attitudes | unknown key "attitudes" | write the task's attitudes before its first block`}},
		{"unknown key, no suggestion", head + "colour = \"red\"\n",
			[]string{`4:0 colour | unknown key "colour" | keys allowed here: code, occupation`}},
		{"quoted integer", "occupation = \"測試\"\nlevel = \"3\"\n",
			[]string{`2:0 level | level must be an integer from 1 to 6, not a string ("3") | remove the quotes: level = 3`}},
		{"date not string", head + "updated = 2024-12-15\n",
			[]string{`4:0 updated | updated must be a string, not a date/time | put the date in quotes: updated = "2024/12/15"`}},
		{"string instead of list", head + "[[duty]]\ntitle = \"職責\"\n  [[duty.task]]\n  title = \"任務\"\n  outputs = \"溝通紀錄\"\n",
			[]string{`8:0 duty[0].task[0].outputs | must be an array of strings or {code, text} tables, not a string ("溝通紀錄") | put it in a list, even a single item`}},
		{"single table for array", head + "[category.job]\nname = \"旅館管理\"\n",
			[]string{`4:0 category.job | must be an array of tables [[category.job]], not a table | double brackets: [[category.job]]`}},
		{"wrong element type", head + "[[duty]]\ntitle = \"職責\"\n  [[duty.task]]\n  title = \"任務\"\n  indicators = [\"a\", 3]\n  knowledge = [[\"K01\"]]\n",
			[]string{`8:0 duty[0].task[0].indicators[1] | must be a string or a table {code, text}, not an integer (3) |`,
				`9:0 duty[0].task[0].knowledge[0] | must be a string or a table {code, text}, not an array |`}},
		{"bad note key", head + "[notes]\none = \"x\"\n0 = \"y\"\n",
			[]string{`5:0 notes.one | note key "one" is not a note number |`, `6:0 notes.0 | note key "0" is not a note number |`}},
		{"shorthand and blocks", head + "[[duty]]\ntitle = \"職責\"\n  [[duty.task]]\n  title = \"任務\"\n  indicators = [\"a\"]\n  [[duty.task.block]]\n  indicators = [\"b\"]\n",
			[]string{`8:0 duty[0].task[0].indicators | writes indicators directly and also has [[duty.task.block]] | move these into a [[duty.task.block]]`}},
		{"several at once", "occupation = 1\nlevel = \"x\"\nfoo = 2\n[knowledge]\nK01 = 5\n",
			[]string{`1:0 occupation | must be a string, not an integer (1) | put the value in quotes`,
				`2:0 level | must be an integer from 1 to 6, not a string ("x") |`,
				`3:0 foo | unknown key "foo" |`,
				`5:0 knowledge.K01 | must be a string, not an integer (5) |`}},
		{"syntax error", head + "title = \"unclosed\n",
			[]string{`4:18 title | TOML syntax: strings cannot contain newlines | close the string on the same line`}},
		{"duplicate key", head + "level = 4\n",
			[]string{`4:11 level | has already been defined | a key may appear only once`}},
		{"empty file", "  \n\n", []string{`0:0 | the file is empty | a standard needs at least`}},
		{"invalid UTF-8", head + "# 註解\ndescription = \"\xb4\xfa\xb8\xd5\"\n", []string{`5:16 | not valid UTF-8 (byte 0xB4) | save the file as UTF-8`}},
		{"deep nesting", head + "x = " + strings.Repeat("{a=", 9) + "1" + strings.Repeat("}", 9) + "\n",
			[]string{`4:29 | nested more than 8 levels deep | unbalanced brackets`}},
		{"long dotted key", head + "[" + strings.Repeat("a.", 8) + "a]\n", []string{`4:17 | more than 8 dotted parts |`}},
		{"UTF-16", "\xff\xfeo\x00c\x00", []string{`1:1 | not valid UTF-8 (byte 0xFF) |`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse("x.toml", []byte(tt.src))
			if s != nil || err == nil {
				t.Fatalf("loaded without error")
			}
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("error is %T, not Problems", err)
			}
			if len(ps) != len(tt.want) {
				t.Fatalf("got %d problems, want %d:\n%v", len(ps), len(tt.want), ps)
			}
			for i, p := range ps {
				parts := strings.SplitN(tt.want[i], "|", 3)
				for i := range parts {
					parts[i] = strings.TrimSpace(parts[i])
				}
				pos := strings.TrimSpace(fmt.Sprintf("%d:%d %s", p.Line, p.Col, p.Path))
				if pos != parts[0] || !strings.Contains(p.Message, parts[1]) || !strings.Contains(p.Advice(), parts[2]) {
					t.Errorf("problem %d:\n got %s | %s | %s\nwant %s", i, pos, p.Message, p.Advice(), tt.want[i])
				}
				if p.Severity != Error || p.File != "x.toml" || p.Rule == "" {
					t.Errorf("problem %d: %#v", i, p)
				}
			}
		})
	}
}

func TestLoadFileErrors(t *testing.T) {
	dir := t.TempDir()
	for _, path := range []string{filepath.Join(dir, "missing.toml"), dir} {
		_, err := Load(path)
		var ps Problems
		if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Rule != diag.RuleFile || ps[0].File != path {
			t.Errorf("Load(%s): %v", path, err)
		}
	}
	s, ps := Check(filepath.Join(dir, "missing.toml"))
	if s != nil || len(ps.Errors()) != 1 || !strings.Contains(ps[0].Message, "cannot read") {
		t.Errorf("Check of a missing file: %v", ps)
	}
}

// A 9 MB standard with thousands of tasks loads and validates in linear
// time: the test would time out long before on quadratic behaviour.
func TestLoadLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	var b strings.Builder
	b.WriteString("occupation = \"測試\"\ndescription = \"描述\"\nlevel = 3\n")
	long := strings.Repeat("依組織需求規劃並執行工作，", 10)
	duties := 0
	for b.Len() < 9<<20 {
		duties++
		fmt.Fprintf(&b, "[[duty]]\ntitle = \"職責%d\"\n", duties)
		for j := 0; j < 5; j++ {
			fmt.Fprintf(&b, "[[duty.task]]\ntitle = \"任務\"\nlevel = 3\noutputs = [\"產出\"]\nindicators = [\"%s【註1】\", \"%s\"]\nknowledge = [\"K01\"]\nskills = [\"S01\"]\n", long, long)
		}
	}
	b.WriteString("[knowledge]\nK01 = \"知識\"\n[skills]\nS01 = \"技能\"\n[notes]\n1 = \"說明\"\n[remarks]\nprerequisites = [\"大專\"]\n")
	path := filepath.Join(t.TempDir(), "large.toml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	s, ps := Check(path)
	if s == nil || len(ps) != 0 {
		t.Fatalf("problems: %d, first: %v", len(ps), ps[:min(len(ps), 3)])
	}
	last := s.Duties[duties-1].Tasks[4].Blocks[0].Indicators[1]
	if want := fmt.Sprintf("P%d.5.2", duties); last.Code != want || len(s.Duties) != duties {
		t.Errorf("last indicator %s, want %s", last.Code, want)
	}
	if line := s.Lines[fmt.Sprintf("duty[%d].task[4].indicators[1]", duties-1)]; line == 0 {
		t.Error("no line for the last indicator")
	}
}

// Inputs that make the TOML library take minutes (deep nesting, long
// dotted keys: its time grows with the square of the depth) are refused
// at once.
func TestLoadPathological(t *testing.T) {
	n := 1 << 18
	for name, src := range map[string]string{
		"nested inline tables": "x = " + strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n),
		"nested arrays":        "x = " + strings.Repeat("[", n) + "1" + strings.Repeat("]", n),
		"dotted key":           strings.Repeat("a.", n) + "a = 1",
		"table header":         "[" + strings.Repeat("a.", n) + "a]",
	} {
		start := time.Now()
		_, err := Parse("x.toml", []byte(src))
		if err == nil {
			t.Errorf("%s: loaded", name)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: took %v", name, d)
		}
	}
}

// The deepest the format goes, written entirely inline, still loads.
func TestLoadFullyInline(t *testing.T) {
	src := `occupation = "測試"
duty = [{ title = "職責", task = [{ title = "任務", block = [{ indicators = [{ code = "P1.1.1", text = "指標" }] }] }] }]
category = { job = [{ name = "旅館管理", code = "THM" }] }
`
	s, err := Parse("inline.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Duties[0].Tasks[0].Blocks[0].Indicators[0]; got.Code != "P1.1.1" || got.Text != "指標" {
		t.Errorf("indicator %+v", got)
	}
	if line := s.Lines["duty[0].task[0].block[0].indicators[0].text"]; line != 2 {
		t.Errorf("line %d", line)
	}
}

// Decoding problems do not hide validation: a misspelt key and a bad level
// are reported with an undefined reference elsewhere, and what failed to
// decode is not reported again as missing.
func TestCheckDataReportsEverything(t *testing.T) {
	src := "occupation = \"x\"\ndescripton = \"y\"\nlevel = \"3\"\n[[duty]]\ntitle = \"d\"\n  [[duty.task]]\n  title = \"t\"\n  level = 3\n  indicators = [\"p\"]\n  knowledge = [\"K09\"]\n"
	s, ps := CheckData("x.toml", []byte(src))
	if s != nil {
		t.Error("a standard with decoding errors was returned")
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.Rule+" "+p.Path)
	}
	want := map[string]bool{"TOML descripton": true, "TOML level": true, "R09 duty[0].task[0].knowledge[0]": true}
	for w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing %q in %v", w, got)
		}
	}
	for _, g := range got {
		if g == "R00 description" || strings.HasPrefix(g, "R05 level") {
			t.Errorf("repeated a decoding problem as %q", g)
		}
	}
}
