package importer_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/standard"
)

func refCodes(refs []standard.Ref) []string {
	var out []string
	for _, r := range refs {
		out = append(out, r.Code)
	}
	return out
}

func entryCodes(es []standard.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Code+" "+e.Text)
	}
	return out
}

// A hand-written extraction with the shapes the seed lacks: a 職類 name,
// two 行業別 rows, a task with three blocks at three levels, a cell cut by
// a page break inside the third block, a task with no output, legacy codes
// (O2.1, P2.1, K1, S17.1), notes referenced from K and S texts, no
// attitudes, supplements without numbers and a 基準更新紀錄.
func TestSyntheticText(t *testing.T) {
	data, err := os.ReadFile("testdata/synthetic.txt")
	if err != nil {
		t.Fatal(err)
	}
	res, s := imported(t, "synthetic.txt", data)
	check := func(what string, got, want any) {
		t.Helper()
		if !equalAny(got, want) {
			t.Errorf("%s = %q, want %q", what, got, want)
		}
	}
	check("code", s.Code, "XYZ1234-001v2")
	check("job_category", s.JobCategory, "合成職類")
	check("occupation", s.Occupation, "")
	check("level", s.Level, 4)
	check("category.job", s.Category.Job, []standard.Class{{Name: "測試/合成", Code: "XYZ"}})
	check("category.industry", s.Category.Industry, []standard.Class{{Name: "食品製造業", Code: "C08"}, {Name: "批發業", Code: "G45"}})
	if len(s.Duties) != 2 || len(s.Duties[0].Tasks) != 2 || len(s.Duties[1].Tasks) != 1 {
		t.Fatalf("duties and tasks: %+v", s.Duties)
	}
	t11 := s.Duties[0].Tasks[0]
	check("T1.1 title", t11.Title, "訂定計畫")
	check("T1.1 level", t11.Level, 3)
	if len(t11.Blocks) != 3 {
		t.Fatalf("T1.1 has %d blocks, want 3", len(t11.Blocks))
	}
	check("T1.1 block levels", []int{t11.Blocks[0].Level, t11.Blocks[1].Level, t11.Blocks[2].Level}, []int{0, 4, 5})
	check("T1.1 block 1 indicators", entryCodes(t11.Blocks[0].Indicators), []string{"P1.1.1 蒐集資料。", "P1.1.2 分析需求。"})
	check("T1.1 block 2 indicators", entryCodes(t11.Blocks[1].Indicators), []string{"P1.1.3 擬定方案。", "P1.1.4 評估風險。"})
	check("T1.1 block 3 indicators", entryCodes(t11.Blocks[2].Indicators), []string{"P1.1.5 編列預算。", "P1.1.6 審核預算並提出修正，確保符合組織規範。"})
	check("T1.1 block 1 outputs", entryCodes(t11.Blocks[0].Outputs), []string{"O1.1.1 計畫書"})
	check("T1.1 block 2 outputs", entryCodes(t11.Blocks[1].Outputs), []string(nil))
	check("T1.1 block 3 outputs", entryCodes(t11.Blocks[2].Outputs), []string{"O1.1.2 預算表"})
	check("T1.1 block 3 knowledge", refCodes(t11.Blocks[2].Knowledge), []string{"K01", "K03"})
	check("T1.1 block 2 skills", refCodes(t11.Blocks[1].Skills), []string{"S02"})
	t12 := s.Duties[0].Tasks[1]
	check("T1.2 outputs", len(t12.Blocks[0].Outputs), 0)
	check("T1.2 knowledge", refCodes(t12.Blocks[0].Knowledge), []string{"K01"})
	t21 := s.Duties[1].Tasks[0]
	check("T2.1 outputs", entryCodes(t21.Blocks[0].Outputs), []string{"O2.1 檢討報告"})
	check("T2.1 indicators", entryCodes(t21.Blocks[0].Indicators), []string{"P2.1 比較成果與目標。", "P2.2 提出改善建議。"})
	check("T2.1 knowledge", t21.Blocks[0].Knowledge, []standard.Ref{{Code: "K1", Text: "檢討方法"}})
	check("T2.1 skills", t21.Blocks[0].Skills, []standard.Ref{{Code: "S17.1", Text: "溝通技巧【註2】"}})
	k02, _ := s.FindKnowledge("K02")
	check("K02", k02.Text, "風險評估【註1】")
	check("notes", s.Notes, []standard.Note{{N: 1, Term: "風險", Text: "可能的損失。"}, {N: 2, Term: "溝通技巧", Text: "傾聽與表達。"}})
	check("attitudes", len(s.Attitudes), 0)
	check("prerequisites", s.Prerequisites, []string{"大學以上畢業。"})
	check("supplements", s.Supplements, []string{"名詞說明：沒有編號的補充。"})
	check("history", s.History, []standard.Version{
		{Version: "V2", Code: "XYZ1234-001v2", Name: "合成職類", Status: "最新版本", Date: "2024/01/02"},
		{Version: "V1", Code: "XYZ1234-001", Name: "合成職類", Status: "歷史版本", Note: "已被《XYZ1234-001v2》取代", Date: "2020/01/02"},
	})
	toml := unwrap(string(res.TOML))
	for _, c := range []string{
		"# import: P1.1.6 cut by a page break and rejoined: 「…並提出修正，確保」+「符合組織規範。」",
		"# import: codes kept as printed (position would give): O2.1 (O2.1.1), P2.1 (P2.1.1)",
	} {
		if !strings.Contains(toml, c) {
			t.Errorf("the TOML lacks the comment %q:\n%s", c, toml)
		}
	}
	// Three blocks of different levels cannot use the one-block shorthand.
	if n := strings.Count(toml, "[[duty.task.block]]"); n != 3 {
		t.Errorf("the TOML has %d [[duty.task.block]], want 3", n)
	}
}

func equalAny(a, b any) bool {
	switch x := a.(type) {
	case []string:
		y := b.([]string)
		return slices.Equal(x, y)
	case []standard.Class:
		return slices.Equal(x, b.([]standard.Class))
	case []standard.Note:
		return slices.Equal(x, b.([]standard.Note))
	case []standard.Version:
		return slices.Equal(x, b.([]standard.Version))
	case []standard.Ref:
		return slices.Equal(x, b.([]standard.Ref))
	case []int:
		return slices.Equal(x, b.([]int))
	}
	return a == b
}
