package jobdesc

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
)

func TestJobDescriptionPostingText(t *testing.T) {
	o := jdOverlay()
	o.Exclude = []string{"T2"}
	o.Description = "負責會議與宴會的客戶服務。"
	o.Requirements = Requirements{Tools: []string{"Excel"}, Other: []string{"能配合輪班"}}
	d := jdBuild(t, jdStandard(), o, templates.Options{})
	text := jdBlocksText(d)
	for _, want := range []string{
		"行銷業務專員（會議及宴會）", "山嵐度假飯店股份有限公司\u3000業務行銷部",
		"職務名稱", "工作性質全職", "需求人數2 人", "職業類別2431 廣告及行銷專業人員",
		"職務說明", "依照不同客戶型態安排客戶服務活動", "負責會議與宴會的客戶服務。",
		"工作內容", "人際溝通與協調", "和顧客有效溝通", "協助執行有效的溝通策略", "實施銷售活動", "執行銷售拜訪",
		"條件要求", "職能基準建議條件學歷背景：觀光休閒餐旅/商管/傳播系所大專以上畢業，具備旅宿業相關（含實習）工作經歷 2 年以上，且須具外語溝通能力尤佳。",
		"擅長工具Excel", "其他條件能配合輪班",
		"工作技能", "和顧客、同事溝通時，能因應對方需求", "應用各種溝通技巧【註15】", "保有個人的正直性",
		"專業知識", "有效的溝通策略和技巧", "非語言【註8】的溝通策略", "影響銷售人員的法律議題",
		"人格特質", "主動積極：不需他人指示", "親和力：對他人表現理解",
		"待遇與福利", "工作待遇月薪 36,000～45,000 元", "福利制度勞保、健保年終獎金",
		"工作地點與時間", "上班地點970 花蓮縣花蓮市海岸路 88 號", "上班時段週一至週五 09:00–18:00", "可上班日錄取後兩週內",
		"聯絡方式", "聯絡人陳小姐", "電子郵件jobs@example.com", "聯絡電話03-822-0000", "應徵網址https://example.com/jobs/1",
		"刊登日期2025-03-03", "應徵截止日2025-04-30",
		"名詞說明", "【註8】非語言：手勢、姿勢、臉部表情。", "【註15】溝通技巧：反映並積極聆聽。",
		"本職務說明依據職能基準《行銷業務專員》THM2431-001v1（級別 3）編製。",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("posting lacks %q", want)
		}
	}
	for _, gone := range []string{
		"在團隊環境工作", "在團隊內確認所擁有角色和責任", "工作系統、設備和管理", "閱讀、解釋並遵守工作規格", // excluded T2
		"冒險挑戰",           // A06 belongs to T2.1 only
		"辨識使用合宜的溝通策略",    // indicators are off
		"【註1】策略", "【註3】", // notes referenced only by indicators
		"【註16】", // never referenced
		"‹",     // a missing label
	} {
		if strings.Contains(text, gone) {
			t.Errorf("posting should not contain %q", gone)
		}
	}
	// Every duty title is bold and keeps with its task list.
	for _, b := range d.Blocks {
		if p, ok := b.(*render.Paragraph); ok && render.Texts(p.Runs) == "人際溝通與協調" {
			if !p.Runs[0].Bold || !p.KeepWithNext {
				t.Errorf("duty title paragraph %+v", p)
			}
		}
	}
	if d.Meta.Title != "行銷業務專員（會議及宴會）" || d.Meta.Author != o.Company || d.Meta.Lang != "zh-TW" {
		t.Errorf("meta = %+v", d.Meta)
	}
	if d.Footer.Center != "第 {page} 頁／共 {pages} 頁" {
		t.Errorf("footer = %+v", d.Footer)
	}
}

func TestJobDescriptionIndicators(t *testing.T) {
	o := jdOverlay()
	o.ShowIndicators = true
	o.Include = []string{"T1.1", "T3"}
	d := jdBuild(t, jdStandard(), o, templates.Options{})
	text := jdBlocksText(d)
	for _, want := range []string{"辨識使用合宜的溝通策略【註1】。", "根據既有程序進行訪談。", "蒐集資訊與支援素材【註3】。", "進行協商。",
		"【註1】策略：建立密切關係", "【註3】資訊與支援素材："} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q", want)
		}
	}
	for _, gone := range []string{"協助執行有效的溝通策略", "運用策略檢視", "在團隊環境工作"} {
		if strings.Contains(text, gone) {
			t.Errorf("should not contain %q (not included)", gone)
		}
	}
	// Note references are superscript runs; indicators stand indented
	// under their task and keep with it.
	found := false
	for i, b := range d.Blocks {
		p, ok := b.(*render.Paragraph)
		if !ok || !strings.Contains(render.Texts(p.Runs), "辨識使用合宜的溝通策略") {
			continue
		}
		for _, r := range p.Runs {
			found = found || r.Text == "【註1】" && r.Super
		}
		if p.Indent == 0 || !p.KeepWithNext || !strings.HasPrefix(render.Texts(p.Runs), "‧") {
			t.Errorf("indicator paragraph %+v", p)
		}
		if task, _ := d.Blocks[i-1].(*render.Paragraph); task == nil || render.Texts(task.Runs) != "● 和顧客有效溝通" || !task.KeepWithNext {
			t.Errorf("indicator does not follow its task: %+v", d.Blocks[i-1])
		}
	}
	if !found {
		t.Error("【註1】 is not a superscript run")
	}
}

func TestOccupationProfile(t *testing.T) {
	d := jdBuild(t, jdStandard(), nil, templates.Options{})
	text := jdBlocksText(d)
	for _, want := range []string{"行銷業務專員", "職業說明", "職業類別2431 廣告及行銷專業人員", "職類別THM 休閒與觀光旅遊/旅館管理",
		"行業別I55 住宿及餐飲業/住宿業", "基準級別3", "在團隊環境工作", "冒險挑戰", "職能基準建議條件學歷背景：觀光休閒餐旅/商管/傳播系所大專以上畢業",
		"本職業說明依據職能基準《行銷業務專員》THM2431-001v1（級別 3）編製。"} {
		if !strings.Contains(text, want) {
			t.Errorf("profile lacks %q", want)
		}
	}
	for _, gone := range []string{"工作待遇", "待遇與福利", "上班地點", "聯絡方式", "公司名稱", "‹"} {
		if strings.Contains(text, gone) {
			t.Errorf("profile contains %q", gone)
		}
	}
	m := jdJSON(t, d)
	if m["@type"] != "Occupation" || m["name"] != "行銷業務專員" || m["occupationalCategory"] != "2431 廣告及行銷專業人員" {
		t.Errorf("Occupation JSON-LD: %v", m)
	}
	for _, k := range []string{"baseSalary", "hiringOrganization", "jobLocation", "datePosted"} {
		if _, ok := m[k]; ok {
			t.Errorf("Occupation has %s", k)
		}
	}
	if resp, _ := m["responsibilities"].([]any); len(resp) != 5 {
		t.Errorf("responsibilities = %v", resp)
	}
	if m["educationRequirements"] != nil || m["experienceRequirements"] != nil {
		t.Errorf("requirements read out of the standard's words: %v %v", m["educationRequirements"], m["experienceRequirements"])
	}
	if q, _ := m["qualifications"].([]any); len(q) != 1 || q[0] != "職能基準建議條件："+jdStandard().Prerequisites[0] {
		t.Errorf("qualifications = %v", q)
	}
}

func TestJobDescriptionWithoutCodeOrLevel(t *testing.T) {
	s := jdStandard()
	s.Code, s.Level, s.NoLevels = "", 0, "本項職能基準發展之初並未訂定職能級別"
	d := jdBuild(t, s, nil, templates.Options{})
	text := jdBlocksText(d)
	if !strings.Contains(text, "本職業說明依據職能基準《行銷業務專員》編製。") {
		t.Errorf("footnote without code and level wrong:\n%s", text)
	}
	if !strings.Contains(text, "基準級別本項職能基準發展之初並未訂定職能級別") {
		t.Error("the no-levels explanation is not printed")
	}
	if _, ok := jdJSON(t, d)["identifier"]; ok {
		t.Error("identifier without a code")
	}
}

func TestJobDescriptionEnglish(t *testing.T) {
	d := jdBuild(t, jdStandard(), jdOverlay(), templates.Options{Lang: "en"})
	text := jdText(d)
	for _, want := range []string{"Responsibilities\n", "Salary\nNT$36,000–45,000 per month\n", "Employment type\nFull-time\n",
		"Openings\n2\n", "This job description is based on the occupational competency standard “行銷業務專員” THM2431-001v1 (level 3).\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("English posting lacks %q", want)
		}
	}
	if d.Meta.Lang != "en" {
		t.Errorf("lang = %q", d.Meta.Lang)
	}
}

func TestJobDescriptionLabels(t *testing.T) {
	zh, err := templates.LoadLabels("jobdesc", "zh-TW")
	if err != nil {
		t.Fatal(err)
	}
	en, err := templates.LoadLabels("jobdesc", "en")
	if err != nil {
		t.Fatal(err)
	}
	for k := range zh {
		if _, ok := en[k]; !ok {
			t.Errorf("en lacks %s", k)
		}
	}
	for k := range en {
		if _, ok := zh[k]; !ok {
			t.Errorf("zh-TW lacks %s", k)
		}
	}
	// Every label a document can print resolves, in both languages.
	for _, lang := range templates.Languages() {
		for _, o := range []*Overlay{nil, jdOverlay()} {
			if o != nil {
				o.ShowIndicators, o.Remote = true, true
				o.EmploymentType = employmentTypes
			}
			d := jdBuild(t, jdStandard(), o, templates.Options{Lang: lang})
			if all := jdText(d) + string(d.Meta.StructuredData); strings.Contains(all, "‹") {
				t.Errorf("%s: a label is missing:\n%s", lang, all)
			}
		}
	}
	// Users may reword a label.
	d := jdBuild(t, jdStandard(), jdOverlay(), templates.Options{Labels: map[string]string{"section_pay": "薪資福利"}})
	if !strings.Contains(jdBlocksText(d), "薪資福利") {
		t.Error("label override ignored")
	}
}

func TestJobDescriptionRefusesBadOverlay(t *testing.T) {
	o := jdOverlay()
	o.Salary = Salary{Min: 50000, Max: 30000}
	o.Include = []string{"T9"}
	d, err := JobDescription(jdStandard(), o, templates.Options{})
	if d != nil || err == nil {
		t.Fatal("an invalid overlay was rendered")
	}
	var ps standard.Problems
	if !errors.As(err, &ps) || len(ps) != 2 || ps[0].Rule != "J02" || ps[1].Rule != "J04" {
		t.Errorf("error = %v", err)
	}
	if _, err := JobDescription(nil, nil, templates.Options{}); err == nil {
		t.Error("no standard: no error")
	}
	if _, err := JobDescription(jdStandard(), nil, templates.Options{Lang: "fr"}); err == nil {
		t.Error("unknown language: no error")
	}
}

func TestJobDescriptionDeterministic(t *testing.T) {
	a := jdBuild(t, jdStandard(), jdOverlay(), templates.Options{})
	b := jdBuild(t, jdStandard(), jdOverlay(), templates.Options{})
	if !reflect.DeepEqual(a, b) {
		t.Error("two builds differ")
	}
}
