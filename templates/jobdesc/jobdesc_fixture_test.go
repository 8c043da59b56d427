package jobdesc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

// jdStandard is a hand-built standard in the shape standard.Load returns:
// every code filled, tasks holding their rows in Blocks. It follows the
// seed 行銷業務專員 in small: three duties, notes referenced from an
// indicator, a K and an S, an attitude matrix and the seed's prerequisite
// line.
func jdStandard() *standard.Standard {
	ref := func(code, text string) standard.Ref { return standard.Ref{Code: code, Text: text} }
	p := func(code, text string) standard.Entry { return standard.Entry{Code: code, Text: text} }
	return doctest.Normal(&standard.Standard{
		Code:        "THM2431-001v1",
		Occupation:  "行銷業務專員",
		Description: "依照不同客戶型態安排客戶服務活動及銷售服務，並維護及建立客戶關係。",
		Level:       3,
		Category: standard.Categories{
			Job:        []standard.Class{{Name: "休閒與觀光旅遊/旅館管理", Code: "THM"}},
			Occupation: []standard.Class{{Name: "廣告及行銷專業人員", Code: "2431"}},
			Industry:   []standard.Class{{Name: "住宿及餐飲業/住宿業", Code: "I55"}},
		},
		Duties: []standard.Duty{
			{Code: "T1", Title: "人際溝通與協調", Tasks: []standard.Task{
				{Code: "T1.1", Title: "和顧客有效溝通", Level: 3, Attitudes: []string{"A01", "A02"}, Blocks: []standard.Block{{
					Outputs:    []standard.Entry{{Code: "O1.1.1", Text: "溝通紀錄"}},
					Indicators: []standard.Entry{p("P1.1.1", "辨識使用合宜的溝通策略【註1】。"), p("P1.1.2", "根據既有程序進行訪談。")},
					Knowledge:  []standard.Ref{ref("K01", "有效的溝通策略和技巧"), ref("K05", "非語言【註8】的溝通策略")},
					Skills:     []standard.Ref{ref("S01", "和顧客、同事溝通時，能因應對方需求"), ref("S05", "應用各種溝通技巧【註15】")},
				}}},
				{Code: "T1.2", Title: "協助執行有效的溝通策略", Level: 3, Attitudes: []string{"A02"}, Blocks: []standard.Block{{
					Indicators: []standard.Entry{p("P1.2.1", "運用策略檢視與顧客及同事溝通的成效。")},
					Knowledge:  []standard.Ref{ref("K01", "有效的溝通策略和技巧"), ref("K05", "非語言【註8】的溝通策略")},
					Skills:     []standard.Ref{ref("S01", "和顧客、同事溝通時，能因應對方需求"), ref("S05", "應用各種溝通技巧【註15】")},
				}}},
			}},
			{Code: "T2", Title: "在團隊環境工作", Tasks: []standard.Task{
				{Code: "T2.1", Title: "在團隊內確認所擁有角色和責任", Level: 3, Attitudes: []string{"A06"}, Blocks: []standard.Block{{
					Indicators: []standard.Entry{p("P2.1.1", "理解自己在團隊環境內之角色和責任。")},
					Knowledge:  []standard.Ref{ref("K08", "工作系統、設備和管理")},
					Skills:     []standard.Ref{ref("S07", "閱讀、解釋並遵守工作規格")},
				}}},
			}},
			{Code: "T3", Title: "實施銷售活動", Tasks: []standard.Task{
				{Code: "T3.1", Title: "為銷售活動進行準備", Level: 4, Attitudes: []string{"A01"}, Blocks: []standard.Block{{
					Indicators: []standard.Entry{p("P3.1.1", "蒐集資訊與支援素材【註3】。")},
					Knowledge:  []standard.Ref{ref("K16", "銷售、銷售溝通與關係建立的原則")},
					Skills:     []standard.Ref{ref("S01", "和顧客、同事溝通時，能因應對方需求")},
				}}},
				{Code: "T3.2", Title: "執行銷售拜訪", Level: 3, Attitudes: []string{"A02"}, Blocks: []standard.Block{{
					Outputs:    []standard.Entry{{Code: "O3.2.1", Text: "客戶拜訪紀錄"}},
					Indicators: []standard.Entry{p("P3.2.1", "進行協商。")},
					Knowledge:  []standard.Ref{ref("K18", "影響銷售人員的法律議題")},
					Skills:     []standard.Ref{ref("S03", "保有個人的正直性")},
				}}},
			}},
		},
		Knowledge: []standard.Item{
			{Code: "K01", Text: "有效的溝通策略和技巧"}, {Code: "K05", Text: "非語言【註8】的溝通策略"},
			{Code: "K08", Text: "工作系統、設備和管理"}, {Code: "K16", Text: "銷售、銷售溝通與關係建立的原則"},
			{Code: "K18", Text: "影響銷售人員的法律議題"},
		},
		Skills: []standard.Item{
			{Code: "S01", Text: "和顧客、同事溝通時，能因應對方需求"}, {Code: "S03", Text: "保有個人的正直性"},
			{Code: "S05", Text: "應用各種溝通技巧【註15】"}, {Code: "S07", Text: "閱讀、解釋並遵守工作規格"},
		},
		Attitudes: []standard.Attitude{
			{Code: "A01", Name: "主動積極", Definition: "不需他人指示或要求能自動自發做事。"},
			{Code: "A02", Name: "親和力", Definition: "對他人表現理解、友善、同理心。"},
			{Code: "A06", Name: "冒險挑戰", Definition: "對成功機會少但報酬高的事情勇於嘗試。"},
		},
		Notes: []standard.Note{
			{N: 1, Term: "策略", Text: "建立密切關係、交換資訊。"},
			{N: 3, Term: "資訊與支援素材", Text: "文宣手冊、擺設素材。"},
			{N: 8, Term: "非語言", Text: "手勢、姿勢、臉部表情。"},
			{N: 15, Term: "溝通技巧", Text: "反映並積極聆聽。"},
			{N: 16, Term: "溝通技能", Text: "提問、表達、傾聽。"},
		},
		Prerequisites: []string{"學歷背景：觀光休閒餐旅/商管/傳播系所大專以上畢業，具備旅宿業相關（含實習）工作經歷 2 年以上，且須具外語溝通能力尤佳。"},
		Source:        "THM2431-001v1.toml",
	})
}

// jdOverlay is a complete overlay for jdStandard.
func jdOverlay() *Overlay {
	yes := true
	return &Overlay{
		Standard:       "THM2431-001v1",
		Company:        "山嵐度假飯店股份有限公司",
		Unit:           "業務行銷部",
		CompanyURL:     "https://example.com/",
		Logo:           "https://example.com/logo.png",
		JobID:          "SALES-2025-07",
		DirectApply:    &yes,
		Title:          "行銷業務專員（會議及宴會）",
		Location:       Location{Address: "花蓮縣花蓮市海岸路 88 號", Region: "花蓮縣", Locality: "花蓮市", PostalCode: "970"},
		EmploymentType: []string{"FULL_TIME"},
		Salary:         Salary{Min: 36000, Max: 45000, Unit: "MONTH"},
		Hours:          "週一至週五 09:00–18:00",
		Headcount:      2,
		Benefits:       []string{"勞保、健保", "年終獎金"},
		StartDate:      "錄取後兩週內",
		Contact:        Contact{Name: "陳小姐", Email: "jobs@example.com", Phone: "03-822-0000", URL: "https://example.com/jobs/1"},
		DatePosted:     "2025-03-03",
		ValidThrough:   "2025-04-30",
		Source:         "company.toml",
	}
}

// jdBuild builds a job description and fails the test on error.
func jdBuild(t *testing.T, s *standard.Standard, o *Overlay, opt templates.Options) *render.Document {
	t.Helper()
	d, err := JobDescription(s, o, opt)
	if err != nil {
		t.Fatalf("JobDescription: %v", err)
	}
	return d
}

// jdText is every text of the document, one per line, in reading order.
func jdText(d *render.Document) string {
	var b strings.Builder
	render.Walk(d, func(_, text string) {
		b.WriteString(text)
		b.WriteByte('\n')
	})
	return b.String()
}

// jdBlocksText is the text of the body's blocks joined without breaks,
// so phrases split into runs can be searched whole.
func jdBlocksText(d *render.Document) string {
	var b strings.Builder
	render.Walk(d, func(where, text string) {
		if strings.HasPrefix(where, "blocks") {
			b.WriteString(text)
		}
	})
	return b.String()
}

// jdWriteFile writes a file in a temporary folder and returns its path.
func jdWriteFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
