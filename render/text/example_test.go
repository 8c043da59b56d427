package text_test

import (
	"fmt"
	"log"

	"github.com/ocs-project/ocs/render/text"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/table"
)

// A standard written in TOML, laid out as its official table and printed
// as plain text: each row of the table becomes a group of 「label：value」
// lines, notes keep their 【註N】 marks.
func Example() {
	src := `
code = "BAS1219-900v1"
occupation = "測試專員"
description = "依組織需求，規劃及執行測試案。"
level = 3

[[category.job]]
name = "企業經營管理/行政支援"
code = "BAS"

[[category.occupation]]
name = "測試專員"
code = "1219"

[[category.industry]]
name = "專業、科學及技術服務業"
code = "M7010"

[[duty]]
title = "測試規劃"
  [[duty.task]]
  title = "分析測試需求"
  level = 3
  outputs = ["需求清單"]
  indicators = ["蒐集測試需求【註1】。", "依需求排定優先順序。"]
  knowledge = ["K01"]
  skills = ["S01"]

[knowledge]
K01 = "測試方法"

[skills]
S01 = "需求分析能力"

[notes]
1 = { term = "需求", text = "功能、效能與安全的要求。" }

[remarks]
prerequisites = ["大專以上畢業。"]
`
	s, err := standard.Parse("test.toml", []byte(src))
	if err != nil {
		log.Fatal(err)
	}
	doc, err := table.Standard(s, templates.Options{})
	if err != nil {
		log.Fatal(err)
	}
	out, err := text.Render(doc)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(out))
	// Output:
	// 測試專員職能基準
	// ════════
	// 職能基準代碼 ｜ BAS1219-900v1
	// 職能基準名稱 （擇一填寫） ｜ 職類 ｜
	// 職業 ｜ 測試專員
	// 所屬 類別 ｜ 職類別 ｜ 企業經營管理/行政支援 ｜ 職類別代碼 ｜ BAS
	// 職業別 ｜ 測試專員 ｜ 職業別代碼 ｜ 1219
	// 行業別 ｜ 專業、科學及技術服務業 ｜ 行業別代碼 ｜ M7010
	// 工作描述 ｜ 依組織需求，規劃及執行測試案。
	// 基準級別 ｜ 3
	//
	// 工作職責：T1 測試規劃
	// 工作任務：T1.1 分析測試需求
	// 工作產出：O1.1.1 需求清單
	// 行為指標：P1.1.1 蒐集測試需求【註1】。
	//           P1.1.2 依需求排定優先順序。
	// 職能 級別：3
	// 職能內涵 (K=knowledge 知識)：K01 測試方法
	// 職能內涵 (S=skills 技能)：S01 需求分析能力
	//
	// 說明與補充事項
	// ───────
	// ●建議擔任此職類/職業之學歷/經歷/或能力條件：
	//   大專以上畢業。
	//
	// ●其他補充說明：
	//   【註1】需求：功能、效能與安全的要求。
}
