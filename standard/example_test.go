package standard_test

import (
	"fmt"

	"github.com/ocs-project/ocs/standard"
)

// Parse a standard from TOML, read the normalised model (codes from
// position, references with their catalogue text, blocks only) and
// validate it.
func ExampleParse() {
	src := `
occupation = "行銷業務專員"
description = "依照不同客戶型態安排客戶服務活動及銷售服務。"
level = 3

[[duty]]
title = "人際溝通與協調"
  [[duty.task]]
  title = "和顧客有效溝通"
  level = 3
  outputs = ["溝通紀錄"]
  indicators = ["辨識使用合宜的溝通策略。", "根據既有程序進行訪談。"]
  knowledge = ["K01"]
  skills = ["S01"]

[knowledge]
K01 = "有效的溝通策略和技巧"
[skills]
S01 = "和顧客、同事溝通"
[remarks]
prerequisites = ["學歷背景：高中職以上。"]
`
	s, err := standard.Parse("sales.toml", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	task := s.Duties[0].Tasks[0]
	b := task.Blocks[0]
	fmt.Println(s.Duties[0].Code, task.Code, b.Outputs[0].Code, b.Indicators[1].Code)
	fmt.Println(b.Knowledge[0].Code, b.Knowledge[0].Text)
	for _, p := range standard.Validate(s) {
		fmt.Println(p)
	}
	// Output:
	// T1 T1.1 O1.1.1 P1.1.2
	// K01 有效的溝通策略和技巧
}

// A file with mistakes: every problem comes back at once, placed at its
// line and field path, with a structured suggestion for a likely typo. The
// misspelt description is not also reported missing.
func ExampleCheckData() {
	src := `occupation = "企劃人員"
descripton = "依組織需求，規劃及執行企劃案。"
level = 7

[[duty]]
title = "企劃案規劃"
  [[duty.task]]
  title = "企劃需求分析"
  indicators = ["蒐集組織產業現況。"]
  knowledge = ["K09"]
`
	_, probs := standard.CheckData("plan.toml", []byte(src))
	for _, p := range probs.Errors() {
		fmt.Println(p)
	}
	for _, p := range probs {
		if p.Suggestion != "" {
			fmt.Printf("%s → %s\n", p.Path, p.Suggestion)
		}
	}
	// Output:
	// plan.toml:2: error TOML: unknown key "descripton" in the top level (descripton) — did you mean "description"?
	// plan.toml:3: error R05: 基準級別 7 is not between 1 and 6 (level) — 職能級別 are 1 to 6 (指引 表3); leave the key out for a standard without levels
	// plan.toml:10: error R09: K09 is not defined in [knowledge] (duty[0].task[0].knowledge[0]) — add K09 = "…" to [knowledge]
	// descripton → description
}
