package standard

import (
	"strings"
	"testing"
)

func TestWalk(t *testing.T) {
	s, err := Load("testdata/valid.toml")
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	texts := make(map[string]string)
	s.Walk(func(path, text string) {
		paths = append(paths, path)
		texts[path] = text
	})
	for path, want := range map[string]string{
		"code":                                     "BAS1219-900v2",
		"category.industry[0].code":                "M7010",
		"duty[0].task[0].indicators[0]":            "蒐集測試需求【註1】。",
		"duty[0].task[0].indicators[0].code":       "P1.1.1",
		"duty[0].task[1].block[1].outputs[0].code": "O1.2.2",
		"duty[0].task[1].block[1].knowledge[0]":    "專案時程管理",
		"duty[0].task[1].attitudes[0]":             "A02",
		"attitudes.A01.definition":                 "做事小心謹慎。",
		"notes.1.term":                             "測試需求",
		"remarks.supplements[0]":                   "測試計畫：包含範圍、方法與時程。",
		"history[1].note":                          "已被《BAS1219-900v2》取代",
	} {
		if texts[path] != want {
			t.Errorf("%s = %q, want %q", path, texts[path], want)
		}
	}
	// Document order: header, table, catalogues, remarks, history; every
	// path a loaded file has is known to Lines (or its parent is).
	order := strings.Join(paths, " ")
	for _, pair := range [][2]string{{"description", "duty[0].title"}, {"duty[0].task[1].title", "knowledge.K01"}, {"notes.1.text", "remarks.prerequisites[0]"}} {
		if strings.Index(order, pair[0]) > strings.Index(order, pair[1]) {
			t.Errorf("%s comes after %s", pair[0], pair[1])
		}
	}
	for _, p := range paths {
		if s.lineOf(p) == 0 {
			t.Errorf("no line for %s", p)
		}
	}
	if _, ok := texts["level"]; ok {
		t.Error("Walk emits a number")
	}
}

func TestFind(t *testing.T) {
	s, err := Load("testdata/valid.toml")
	if err != nil {
		t.Fatal(err)
	}
	if it, ok := s.FindKnowledge("K02"); !ok || it.Text != "專案時程管理" {
		t.Errorf("FindKnowledge(K02) = %v, %v", it, ok)
	}
	if it, ok := s.FindSkill("S02"); !ok || it.Text != "時程規劃能力" {
		t.Errorf("FindSkill(S02) = %v, %v", it, ok)
	}
	if a, ok := s.FindAttitude("A02"); !ok || a.Name != "團隊意識" || a.Definition != "" {
		t.Errorf("FindAttitude(A02) = %v, %v", a, ok)
	}
	if n, ok := s.FindNote(1); !ok || n.Term != "測試需求" {
		t.Errorf("FindNote(1) = %v, %v", n, ok)
	}
	if _, ok := s.FindKnowledge("K09"); ok {
		t.Error("found an undefined K09")
	}
	if _, ok := s.FindNote(2); ok {
		t.Error("found an undefined note 2")
	}
}
