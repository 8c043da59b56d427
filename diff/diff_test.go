package diff

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/internal/golden"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/standards"
)

func load(t testing.TB, name string) *standard.Standard {
	t.Helper()
	s, err := standard.Load(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// fromBase compares base.toml with another fixture.
func fromBase(t testing.TB, name string) *Result {
	t.Helper()
	r, err := Compare(load(t, "base.toml"), load(t, name))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// line prints a change compactly for the tests' expectations.
func line(c Change) string {
	s := string(c.Action) + " " + c.Item
	if c.Field != "" {
		s += "." + c.Field
	}
	s += " " + c.OldCode + "→" + c.NewCode
	return s
}

func TestCompareFixtures(t *testing.T) {
	tests := []struct {
		file string
		want []string // every change, in order
	}{
		{"header.toml", []string{
			"changed header.code →", "changed header.description →", "changed header.level →",
			"changed header.updated →", "changed header.category →",
		}},
		{"renumbered.toml", []string{
			"moved duty T2→T1", "moved task T2.2→T1.1", "moved task T2.1→T1.2",
			"moved duty T1→T2", "moved task T1.1→T2.1", "moved task T1.2→T2.2",
		}},
		{"entries.toml", []string{
			"changed indicator.text P1.1.2→P1.1.2", "added indicator →P1.1.3",
			"removed indicator P2.1.2→",
			"changed output.text O2.2.1→O2.2.1",
		}},
		{"task.toml", []string{
			"changed task.title T1.1→T1.1", "changed task.level T1.1→T1.1",
			"changed task.knowledge T1.1→T1.1", "changed task.attitudes T1.1→T1.1",
			"changed task.skills T2.1→T2.1",
			"changed task.blocks T2.2→T2.2", "changed task.level T2.2→T2.2",
			"added output →O2.2.2", "added indicator →P2.2.2",
		}},
		{"structure.toml", []string{
			"moved task T1.2→T2.2",
			"removed task T2.2→", "removed output O2.2.1→", "removed indicator P2.2.1→",
			"added duty →T3", "added task →T3.1", "added output →O3.1.1", "added indicator →P3.1.1",
		}},
		{"mixed.toml", []string{
			"moved duty T2→T1", "moved task T2.2→T1.1", "moved task T2.1→T1.2",
			"moved duty T1→T2", "moved task T1.1→T2.1",
			"changed indicator.text P1.1.1→P2.1.1", "removed indicator P1.1.2→",
			"moved task T1.2→T2.2",
		}},
		{"catalogue.toml", []string{
			"added knowledge →K02", "moved knowledge K02→K03",
			"moved knowledge K03→K04", "changed knowledge.text K03→K04",
			"changed attitude.definition A01→A01",
			"changed note.text 1→1",
			"added supplement →2",
			"added history →BAS1219-900v2", "changed history.text BAS1219-900v1→BAS1219-900v1",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r := fromBase(t, tt.file)
			var got []string
			for _, c := range r.Changes {
				got = append(got, line(c))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			js, err := r.JSON()
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", strings.TrimSuffix(tt.file, ".toml")+".json"), js)
		})
	}
}

func TestRenumberedIsMovesOnly(t *testing.T) {
	r, err := Compare(load(t, "base.toml"), load(t, "renumbered.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Equal() {
		t.Fatal("renumbered standard reported equal")
	}
	for _, c := range r.Changes {
		if c.Action != Moved {
			t.Errorf("renumbered standard: %s, want moves only", line(c))
		}
	}
}

func TestCompareSelfIsEqual(t *testing.T) {
	for _, code := range standards.Codes() {
		t.Run(code, func(t *testing.T) {
			data, src, err := standards.Open(code)
			if err != nil {
				t.Fatal(err)
			}
			a, err := standard.Parse(src, data)
			if err != nil {
				t.Fatal(err)
			}
			b, err := standard.Parse(src, data)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Compare(a, b)
			if err != nil {
				t.Fatal(err)
			}
			if !r.Equal() {
				t.Errorf("%s diffed with itself: %v", code, r.Changes)
			}
			js, _ := r.JSON()
			if !strings.Contains(string(js), `"equal": true`) || !strings.Contains(string(js), `"changes": []`) {
				t.Errorf("equal JSON:\n%s", js)
			}
		})
	}
}

func TestCompareNil(t *testing.T) {
	if _, err := Compare(nil, nil); err == nil {
		t.Error("Compare(nil, nil) gave no error")
	}
}

// sharedVersion is a standard whose tasks T1.1–T1.3 share one row block,
// with edit applied to its text.
func sharedVersion(t *testing.T, edit func(string) string) *standard.Standard {
	t.Helper()
	src := `occupation = "測試"
description = "描述"
level = 3
[[duty]]
title = "職責"
  [[duty.task]]
  title = "任務一"
  level = 3
  outputs = ["產出"]
  indicators = ["指標一。", "指標二。"]
  knowledge = ["K01"]
  [[duty.task]]
  title = "任務二"
  shares = "T1.1"
  [[duty.task]]
  title = "任務三"
  shares = "T1.1"
[knowledge]
K01 = "知識"
K02 = "知識二"
`
	s, err := standard.Parse("shared.toml", []byte(edit(src)))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// A change of a shared row is reported once, with the task holding it;
// a task that stops sharing is reported as such, its row as added.
func TestCompareSharedRows(t *testing.T) {
	same := func(s string) string { return s }
	tests := []struct {
		name string
		edit func(string) string
		want []string
	}{
		{"unchanged", same, nil},
		{"row edited", func(s string) string {
			s = strings.Replace(s, "指標二。", "指標二，改寫。", 1)
			return strings.Replace(s, `knowledge = ["K01"]`, `knowledge = ["K01", "K02"]`, 1)
		}, []string{"changed task.knowledge T1.1→T1.1", "changed indicator.text P1.1.2→P1.1.2"}},
		{"stops sharing", func(s string) string {
			return strings.Replace(s, "title = \"任務三\"\n  shares = \"T1.1\"", "title = \"任務三\"\n  level = 3\n  indicators = [\"自己的指標。\"]", 1)
		}, []string{"changed task.shares T1.3→T1.3", "changed task.blocks T1.3→T1.3", "changed task.level T1.3→T1.3", "added indicator →P1.3.1"}},
	}
	old := sharedVersion(t, same)
	for _, tt := range tests {
		r, err := Compare(old, sharedVersion(t, tt.edit))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range r.Changes {
			got = append(got, line(c))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: changes\n%s\nwant\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}
