package table

import (
	"testing"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

// sampleStandard is a small hand-built standard that uses every part of
// the form: several category rows and a missing kind, a task with two
// blocks and its own level per block, K/S lists merged within a duty and
// not across, an inline K text, an empty output cell, attitudes with and
// without definitions, notes with and without a term, supplements and a
// version history. Codes are left empty: standard.Normalize sets them.
func sampleStandard() *standard.Standard {
	return doctest.Normal(&standard.Standard{
		Code:        "TST1234-001v2",
		Occupation:  "測試專員",
		Description: "規劃並執行測試【註1】，回報結果。",
		Level:       3,
		Category: standard.Categories{
			Job:        []standard.Class{{Name: "測試類/子類", Code: "TST"}},
			Occupation: []standard.Class{{Name: "測試人員", Code: "1234"}, {Name: "品管人員", Code: "1235"}},
		},
		Duties: []standard.Duty{
			{Title: "規劃測試", Tasks: []standard.Task{
				{Title: "分析需求", Level: 3, Attitudes: []string{"A01"}, Blocks: []standard.Block{{
					Outputs:    doctest.Entries("需求清單"),
					Indicators: doctest.Entries("蒐集需求。", "確認範圍【註1】。"),
					Knowledge:  doctest.Refs("K01", "K02"),
					Skills:     doctest.Refs("S01"),
				}}},
				{Title: "撰寫計畫", Level: 3, Attitudes: []string{"A02"}, Blocks: []standard.Block{{
					Indicators: doctest.Entries("撰寫測試計畫。"),
					Knowledge:  doctest.Refs("K01", "K02"),
					Skills:     doctest.Refs("S02"),
				}}},
			}},
			{Title: "執行測試", Tasks: []standard.Task{
				{Title: "執行案例", Level: 4, Attitudes: []string{"A01", "A02"}, Blocks: []standard.Block{
					{
						Outputs:    doctest.Entries("測試紀錄"),
						Indicators: doctest.Entries("依計畫執行。", "記錄結果。"),
						Knowledge:  doctest.Refs("K01", "K02"),
						Skills:     doctest.Refs("S02"),
					},
					{
						Level:      5,
						Outputs:    doctest.Entries("缺陷報告"),
						Indicators: doctest.Entries("分析失敗原因【註2】。"),
						Knowledge:  doctest.Refs("K03"),
						Skills:     doctest.Refs("S02"),
					},
				}},
				{Title: "回報結果", Blocks: []standard.Block{{
					Indicators: doctest.Entries("彙整報告。"),
					Knowledge:  []standard.Ref{{Code: "K03", Text: "本任務特有的說法"}},
				}}},
			}},
		},
		Knowledge: []standard.Item{{Code: "K01", Text: "測試原理"}, {Code: "K02", Text: "需求分析方法"}, {Code: "K03", Text: "缺陷分類"}},
		Skills:    []standard.Item{{Code: "S01", Text: "訪談技巧"}, {Code: "S02", Text: "文件撰寫"}},
		Attitudes: []standard.Attitude{
			{Code: "A01", Name: "主動積極", Definition: "不需他人指示能自動自發做事【註2】。"},
			{Code: "A02", Name: "謹慎細心"},
		},
		Notes: []standard.Note{
			{N: 1, Term: "範圍", Text: "功能、效能、安全。"},
			{N: 2, Text: "含環境與資料因素。"},
		},
		Prerequisites: []string{"學歷背景：大專以上。", "經歷：測試工作二年以上。"},
		Supplements:   []string{"測試計畫：包含範圍與時程。"},
		History: []standard.Version{
			{Version: "V2", Code: "TST1234-001v2", Name: "測試專員", Status: "最新版本", Date: "2024/01/02"},
			{Version: "V1", Code: "TST1234-001", Name: "測試人員", Status: "歷史版本", Note: "已被《TST1234-001v2》取代", Date: "2020/01/02"},
		},
	})
}

// englishStandard is a standard whose own text is all English, for
// checking that English output carries no Chinese label.
func englishStandard() *standard.Standard {
	return doctest.Normal(&standard.Standard{
		Code:        "ENG1234-001",
		JobCategory: "Testing",
		Description: "Plans and runs tests.",
		NoLevels:    "No levels were set.",
		Updated:     "2024/01/02",
		Category: standard.Categories{
			Job:        []standard.Class{{Name: "Quality", Code: "ENG"}},
			Occupation: []standard.Class{{Name: "Tester", Code: "1234"}},
			Industry:   []standard.Class{{Name: "Software", Code: "J62"}},
		},
		Duties: []standard.Duty{{Title: "Test", Tasks: []standard.Task{
			{Title: "Run tests", Attitudes: []string{"A01"}, Blocks: []standard.Block{{
				Outputs:    []standard.Entry{{Text: "Test log"}},
				Indicators: []standard.Entry{{Code: "P1.1", Text: "Runs the planned tests."}},
				Knowledge:  []standard.Ref{{Code: "K01", Text: "Test design"}},
				Skills:     []standard.Ref{{Code: "S01", Text: "Writing"}},
			}}},
		}}},
		Attitudes:     []standard.Attitude{{Code: "A01", Name: "Careful", Definition: "Checks twice."}},
		Prerequisites: []string{"A degree."},
		Supplements:   []string{"Nothing else."},
		History:       []standard.Version{{Version: "V1", Code: "ENG1234-001", Name: "Testing", Status: "current", Date: "2024/01/02"}},
	})
}

// build renders s with opt and fails the test on error.
func build(t *testing.T, s *standard.Standard, opt templates.Options) *render.Document {
	t.Helper()
	d, err := Standard(s, opt)
	if err != nil {
		t.Fatalf("Standard: %v", err)
	}
	return d
}
