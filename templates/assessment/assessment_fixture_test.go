package assessment

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

// packStandard is a hand-built standard shaped like a loaded one (every
// code filled, tasks in Blocks) and modelled on THM2431: K/S shared by
// neighbouring tasks, a task with two blocks of different levels, a K code
// printed with its own text in one task, a task without K/S, outputs on
// some tasks only, 【註N】 references in P, K, S and A texts, and a task ×
// attitude matrix that leaves A03 to T3.
func packStandard() *standard.Standard {
	s := &standard.Standard{
		Code:        "THM2431-001v1",
		Occupation:  "行銷業務專員",
		Description: "依照不同客戶型態安排客戶服務活動及銷售服務。",
		Level:       3,
		Duties: []standard.Duty{
			{Title: "人際溝通與協調", Tasks: []standard.Task{
				{Title: "和顧客有效溝通", Level: 3, Attitudes: []string{"A01", "A02"}, Blocks: []standard.Block{{
					Outputs:    doctest.Entries("溝通紀錄"),
					Indicators: doctest.Entries("辨識使用合宜的溝通策略【註1】。", "根據既有程序進行訪談。", "能夠提出適合於實務的回饋與建議。"),
					Knowledge:  doctest.Refs("K01", "K02"),
					Skills:     doctest.Refs("S01", "S02"),
				}}},
				{Title: "協助執行有效的溝通策略", Level: 3, Attitudes: []string{"A02"}, Blocks: []standard.Block{{
					Indicators: doctest.Entries("運用策略檢視與顧客及同事溝通的成效。", "針對需求進行必要的說明與翻譯服務。"),
					Knowledge:  doctest.Refs("K01", "K02"),
					Skills:     doctest.Refs("S01", "S02"),
				}}},
			}},
			{Title: "在團隊環境工作", Tasks: []standard.Task{
				{Title: "在團隊內確認所擁有角色和責任", Level: 3, Attitudes: []string{"A01"}, Blocks: []standard.Block{{
					Indicators: doctest.Entries("理解自己在團隊環境內之角色和責任。", "清楚知道其他團隊成員的角色和責任。"),
					Knowledge:  doctest.Refs("K03"),
					Skills:     doctest.Refs("S03"),
				}}},
			}},
			{Title: "實施銷售活動", Tasks: []standard.Task{
				{Title: "為銷售活動進行準備", Level: 4, Attitudes: []string{"A03"}, Blocks: []standard.Block{{
					Indicators: doctest.Entries("組織規劃銷售策略與各部門協調。", "蒐集資訊與支援素材【註2】。"),
					Knowledge:  doctest.Refs("K04"),
					Skills:     doctest.Refs("S01"),
				}}},
				{Title: "執行銷售拜訪", Level: 3, Attitudes: []string{"A03"}, Blocks: []standard.Block{
					{
						Outputs:    doctest.Entries("客戶拜訪紀錄"),
						Indicators: doctest.Entries("進行協商。", "藉由有效的人際互動風格，與客戶建立關係。"),
						Knowledge:  []standard.Ref{{Code: "K02", Text: "辨識客戶的溝通風格"}, {Code: "K05"}},
						Skills:     doctest.Refs("S04"),
					},
					{
						Level:      4,
						Indicators: doctest.Entries("鼓勵客戶提供回饋，尋求市場情報。"),
						Knowledge:  doctest.Refs("K06"),
						Skills:     doctest.Refs("S04"),
					},
				}},
				{Title: "呈報銷售活動", Level: 3, Blocks: []standard.Block{{
					Outputs:    doctest.Entries("銷售紀錄"),
					Indicators: doctest.Entries("根據組織政策所需準備銷售報告。"),
				}}},
			}},
		},
		Knowledge: []standard.Item{
			{Code: "K01", Text: "有效的溝通策略和技巧"},
			{Code: "K02", Text: "辨識每個人不同的溝通風格"},
			{Code: "K03", Text: "基本團隊合作"},
			{Code: "K04", Text: "適合產業部門與組織的產業市場知識【註3】"},
			{Code: "K05", Text: "影響銷售人員的法律議題"},
			{Code: "K06", Text: "道德的考量"},
		},
		Skills: []standard.Item{
			{Code: "S01", Text: "和顧客、同事溝通時，能因應對方需求與當下情境"},
			{Code: "S02", Text: "使用策略以因應特定溝通需求/問題"},
			{Code: "S03", Text: "製作精確的紀錄"},
			{Code: "S04", Text: "應用各種溝通技巧【註1】"},
		},
		Attitudes: []standard.Attitude{
			{Code: "A01", Name: "主動積極", Definition: "不需他人指示或要求能自動自發做事。"},
			{Code: "A02", Name: "親和力", Definition: "對他人表現理解、友善、同理心。"},
			{Code: "A03", Name: "自信心"},
		},
		Notes: []standard.Note{
			{N: 1, Term: "策略", Text: "建立密切關係、交換資訊。"},
			{N: 2, Term: "資訊與支援素材", Text: "文宣手冊、擺設素材。"},
			{N: 3, Term: "市場知識", Text: "優點產品與服務、客戶與市場趨勢。"},
		},
	}
	fillCodes(s)
	return doctest.Normal(s)
}

// englishPack is a standard written in English, for the English labels.
func englishPack() *standard.Standard {
	s := &standard.Standard{
		Code:        "TST1234-001v1",
		JobCategory: "Sales",
		Level:       3,
		Duties: []standard.Duty{{Title: "Sell", Tasks: []standard.Task{
			{Title: "Prepare sales calls", Level: 3, Blocks: []standard.Block{{
				Outputs:    []standard.Entry{{Text: "Call plan"}},
				Indicators: []standard.Entry{{Text: "Gather material【註1】."}, {Text: "Plan the call."}},
				Knowledge:  []standard.Ref{{Code: "K01"}},
				Skills:     []standard.Ref{{Code: "S01"}},
			}}},
		}}},
		Knowledge: []standard.Item{{Code: "K01", Text: "Principles of selling"}},
		Skills:    []standard.Item{{Code: "S01", Text: "Questioning"}},
		Attitudes: []standard.Attitude{{Code: "A01", Name: "Initiative", Definition: "Acts without being asked."}},
		Notes:     []standard.Note{{N: 1, Term: "material", Text: "brochures, samples."}},
	}
	fillCodes(s)
	return doctest.Normal(s)
}

// fillCodes numbers duties, tasks, outputs and indicators by position and
// resolves K/S texts from the catalogues, as the loader does.
func fillCodes(s *standard.Standard) {
	find := func(items []standard.Item, code string) string {
		for _, it := range items {
			if it.Code == code {
				return it.Text
			}
		}
		return ""
	}
	for i := range s.Duties {
		d := &s.Duties[i]
		d.Code = fmt.Sprintf("T%d", i+1)
		for j := range d.Tasks {
			t := &d.Tasks[j]
			t.Code = fmt.Sprintf("T%d.%d", i+1, j+1)
			var o, p int
			for k := range t.Blocks {
				b := &t.Blocks[k]
				for n := range b.Outputs {
					o++
					b.Outputs[n].Code = fmt.Sprintf("O%d.%d.%d", i+1, j+1, o)
				}
				for n := range b.Indicators {
					p++
					b.Indicators[n].Code = fmt.Sprintf("P%d.%d.%d", i+1, j+1, p)
				}
				for n, r := range b.Knowledge {
					if r.Text == "" {
						b.Knowledge[n].Text = find(s.Knowledge, r.Code)
					}
				}
				for n, r := range b.Skills {
					if r.Text == "" {
						b.Skills[n].Text = find(s.Skills, r.Code)
					}
				}
			}
		}
	}
}

// pack builds an assessment pack and fails the test on error; it also
// checks that every table is well formed.
func pack(t *testing.T, s *standard.Standard, opt AssessmentOptions, c *Candidate) *render.Document {
	t.Helper()
	d, err := Assessment(s, opt, c)
	if err != nil {
		t.Fatalf("Assessment: %v", err)
	}
	for _, tb := range doctest.Tables(d) {
		doctest.Grid(t, tb)
	}
	return d
}

// packParts splits a pack at its page breaks and names each part by its
// heading.
func packParts(t *testing.T, d *render.Document, lang string) map[string][]render.Block {
	t.Helper()
	l, err := templates.LoadLabels("assessment", lang)
	if err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]string{}
	for _, p := range AssessmentParts() {
		byTitle[l[partTitle[p]]] = p
	}
	out := map[string][]render.Block{}
	var seg []render.Block
	flush := func() {
		if len(seg) == 0 {
			return
		}
		name := PartCover
		if h, ok := seg[0].(*render.Heading); ok {
			if p, ok := byTitle[render.Texts(h.Runs)]; ok {
				name = p
			}
		}
		if _, dup := out[name]; dup {
			t.Fatalf("part %s appears twice", name)
		}
		out[name] = seg
		seg = nil
	}
	for _, b := range d.Blocks {
		if _, ok := b.(*render.PageBreak); ok {
			flush()
			continue
		}
		seg = append(seg, b)
	}
	flush()
	return out
}

// partTable returns the first table of a part.
func partTable(t *testing.T, blocks []render.Block) *render.Table {
	t.Helper()
	for _, b := range blocks {
		if tb, ok := b.(*render.Table); ok {
			return tb
		}
	}
	t.Fatal("part has no table")
	return nil
}

// firstCells returns the text of the first cell of each row after the
// header rows.
func firstCells(tb *render.Table) []string {
	var out []string
	for _, r := range tb.Rows[tb.HeaderRows:] {
		if len(r.Cells) > 0 {
			out = append(out, doctest.CellText(&r.Cells[0]))
		}
	}
	return out
}

// blocksText is the text of some blocks, one text per line.
func blocksText(blocks []render.Block) string {
	return doctest.AllText(&render.Document{Blocks: blocks})
}

// scopeCodes returns the P codes, K items and S items a scope should
// cover, computed straight from the standard.
func scopeCodes(s *standard.Standard, scope []string) (ps, ks, ss []string) {
	in := func(code string) bool {
		if len(scope) == 0 {
			return true
		}
		for _, c := range scope {
			c = strings.ToUpper(strings.TrimSpace(c))
			if code == c || strings.HasPrefix(code, c+".") {
				return true
			}
		}
		return false
	}
	for _, d := range s.Duties {
		for _, t := range d.Tasks {
			if !in(t.Code) {
				continue
			}
			for _, b := range t.Blocks {
				for _, p := range b.Indicators {
					ps = append(ps, p.Code)
				}
				for _, r := range b.Knowledge {
					if !slices.Contains(ks, r.Code) {
						ks = append(ks, r.Code)
					}
				}
				for _, r := range b.Skills {
					if !slices.Contains(ss, r.Code) {
						ss = append(ss, r.Code)
					}
				}
			}
		}
	}
	slices.Sort(ks)
	slices.Sort(ss)
	return ps, ks, ss
}
