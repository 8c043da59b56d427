package assessment

import (
	"slices"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/templates/internal/doctest"
)

// sharedHeading is the heading of T1.1–T1.7 in the shared-rows fixture,
// which share one row block: assessed once, under all seven names.
const sharedHeading = "T1.1 收發與登記公文、T1.2 管理紙本與電子檔案、T1.3 請購與盤點辦公用品、" +
	"T1.4 安排會議場地與設備、T1.5 分送會議紀錄、T1.6 接待訪客與轉接電話、T1.7 維護辦公環境整潔"

// A pack of a standard whose tasks share a row lists the row once, under
// a heading naming every task sharing it; an output shared by two blocks
// is listed once. Each shared indicator and output appears as often as an
// indicator or output of a task of its own, so nothing is duplicated or
// dropped.
func TestAssessmentSharedRows(t *testing.T) {
	s := doctest.SharedRows(t)
	d := pack(t, s, AssessmentOptions{}, nil)
	text := doctest.AllText(d)
	if !strings.Contains(text, sharedHeading) {
		t.Errorf("no heading naming T1.1–T1.7 together in\n%s", text)
	}
	if !strings.Contains(text, "9 項工作任務") {
		t.Error("the cover does not count the nine tasks")
	}
	count := func(s string) int { return strings.Count(text, s) }
	single := count("P2.2.1")
	if single == 0 {
		t.Fatal("P2.2.1 is not in the pack")
	}
	for _, code := range []string{"P1.1.1", "P1.1.5", "P2.1.3"} {
		if n := count(code); n != single {
			t.Errorf("%s appears %d times, P2.2.1 %d: a shared row is listed a different number of times", code, n, single)
		}
	}
	if a, b := count("O2.1.1"), count("O2.2.1"); a != b || a == 0 {
		t.Errorf("O2.1.1 (shared by two blocks) appears %d times, O2.2.1 %d", a, b)
	}
	for _, code := range []string{"P1.2.1", "O1.2.1", "O2.1.2"} {
		if count(code) > 0 {
			t.Errorf("the pack prints %s, a code no row has", code)
		}
	}
	if !strings.Contains(text, "T1.1-T1.7") {
		t.Error("K01, used by the shared row, is not mapped to T1.1-T1.7")
	}
}

// A scope naming one task that shares a row assesses that task, with the
// row it shares; methods given for it apply.
func TestAssessmentSharedRowScope(t *testing.T) {
	s := doctest.SharedRows(t)
	d := pack(t, s, AssessmentOptions{Scope: []string{"T1.3", "T1.5"}, Methods: map[string][]string{"T1.5": {"oral"}}}, nil)
	text := doctest.AllText(d)
	if !strings.Contains(text, "T1.3 請購與盤點辦公用品、T1.5 分送會議紀錄") {
		t.Errorf("no heading naming T1.3 and T1.5 together in\n%s", text)
	}
	if strings.Contains(text, "T1.1 收發與登記公文") || strings.Contains(text, "T1.4") {
		t.Error("tasks out of scope are named")
	}
	if !strings.Contains(text, "P1.1.1") || !strings.Contains(text, "P1.1.5") {
		t.Error("the shared row's indicators are missing")
	}
	sc, err := packResolveScope(s, []string{"T1.3", "T1.5"}, map[string][]string{"T1.5": {"oral"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.tasks) != 1 || !slices.Equal(sc.tasks[0].codes(), []string{"T1.3", "T1.5"}) || !slices.Equal(sc.tasks[0].methods, []string{MethodOral}) {
		t.Errorf("scope: %d tasks, first %v with methods %v; want T1.3 and T1.5 together, oral", len(sc.tasks), sc.tasks[0].codes(), sc.tasks[0].methods)
	}
}
