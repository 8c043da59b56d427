package assessment

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

// codePattern matches the codes printed in a code column.
var codePattern = map[byte]*regexp.Regexp{
	'P': regexp.MustCompile(`^P\d+\.\d+\.\d+$`),
	'O': regexp.MustCompile(`^O\d+\.\d+\.\d+$`),
	'K': regexp.MustCompile(`^K\d+$`),
	'S': regexp.MustCompile(`^S\d+$`),
}

// codesOf returns the first-column texts that are codes of a kind.
func codesOf(kind byte, cells []string) []string {
	var out []string
	for _, c := range cells {
		if codePattern[kind].MatchString(c) {
			out = append(out, c)
		}
	}
	return out
}

func TestAssessmentChecklistCoversScope(t *testing.T) {
	s := packStandard()
	for _, tc := range []struct {
		name    string
		scope   []string
		outputs []string
	}{
		{"whole standard", nil, []string{"O1.1.1", "O3.2.1", "O3.3.1"}},
		{"duty T3", []string{"T3"}, []string{"O3.2.1", "O3.3.1"}},
		{"tasks across duties", []string{"T1.2", "t2.1 "}, nil},
		{"task with two blocks", []string{"T3.2"}, []string{"O3.2.1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := pack(t, s, AssessmentOptions{Scope: tc.scope}, nil)
			cells := firstCells(partTable(t, packParts(t, d, "zh-TW")[PartChecklist]))
			want, _, _ := scopeCodes(s, tc.scope)
			if got := codesOf('P', cells); !slices.Equal(got, want) {
				t.Errorf("checklist indicators = %q, want each of %q exactly once, in order", got, want)
			}
			if got := codesOf('O', cells); !slices.Equal(got, tc.outputs) {
				t.Errorf("checklist outputs = %q, want %q", got, tc.outputs)
			}
		})
	}
}

func TestAssessmentChecklistRows(t *testing.T) {
	d := pack(t, packStandard(), AssessmentOptions{Scope: []string{"T3.2"}}, nil)
	tb := partTable(t, packParts(t, d, "zh-TW")[PartChecklist])
	var task, blockLevel, output, indicator []string
	for _, r := range tb.Rows[1:] {
		switch {
		case len(r.Cells) == 1 && r.Cells[0].Shade:
			task = append(task, doctest.CellText(&r.Cells[0]))
		case len(r.Cells) == 1:
			blockLevel = append(blockLevel, doctest.CellText(&r.Cells[0]))
		case strings.HasPrefix(doctest.CellText(&r.Cells[0]), "O"):
			output = append(output, doctest.CellText(&r.Cells[2]), doctest.CellText(&r.Cells[4]))
		default:
			indicator = append(indicator, doctest.CellText(&r.Cells[2]), doctest.CellText(&r.Cells[4]))
		}
	}
	if want := []string{"T3.2 執行銷售拜訪　職能級別 3、4"}; !slices.Equal(task, want) {
		t.Errorf("task rows = %q, want %q", task, want)
	}
	if want := []string{"以下行為指標之職能級別：3", "以下行為指標之職能級別：4"}; !slices.Equal(blockLevel, want) {
		t.Errorf("block level rows = %q, want %q", blockLevel, want)
	}
	if want := []string{"工作產出審查", "達成\n未達成"}; !slices.Equal(output, want) {
		t.Errorf("output row method, rating = %q, want %q", output, want)
	}
	if indicator[0] != "實作觀察\n口試" || indicator[1] != "達成\n未達成" {
		t.Errorf("indicator row method, rating = %q, want observation and oral, 達成/未達成", indicator[:2])
	}
	// The rating is made of check boxes.
	for _, r := range tb.Rows[1:] {
		if len(r.Cells) == 6 {
			for _, p := range r.Cells[4].Paras {
				if len(p.Runs) != 1 || !p.Runs[0].Box {
					t.Fatalf("rating paragraph %+v is not a check box", p.Runs)
				}
			}
		}
	}
}

func TestAssessmentMappingCoversScope(t *testing.T) {
	s := packStandard()
	for _, scope := range [][]string{nil, {"T3"}, {"T1.1", "T2"}} {
		t.Run(strings.Join(scope, "+"), func(t *testing.T) {
			d := pack(t, s, AssessmentOptions{Scope: scope}, nil)
			blocks := packParts(t, d, "zh-TW")[PartMapping]
			tb := partTable(t, blocks)
			ps, ks, ss := scopeCodes(s, scope)
			cells := firstCells(tb)
			if got := codesOf('P', cells); !slices.Equal(got, ps) {
				t.Errorf("mapping P rows = %q, want %q", got, ps)
			}
			if got := slices.Compact(codesOf('K', cells)); !slices.Equal(got, ks) {
				t.Errorf("mapping K rows = %q, want %q", got, ks)
			}
			if got := slices.Compact(codesOf('S', cells)); !slices.Equal(got, ss) {
				t.Errorf("mapping S rows = %q, want %q", got, ss)
			}
			for _, r := range tb.Rows[1:] {
				if len(r.Cells) == 1 {
					continue // group heading
				}
				ticks := 0
				for _, c := range r.Cells[3:] {
					if doctest.CellText(&c) == "√" {
						ticks++
					}
				}
				if ticks == 0 {
					t.Errorf("mapping row %s has no packInstrument", doctest.CellText(&r.Cells[0]))
				}
			}
			if !strings.Contains(blocksText(blocks), "均已由至少一項評量工具涵蓋") {
				t.Errorf("mapping does not state full coverage:\n%s", blocksText(blocks))
			}
		})
	}
}

func TestAssessmentMappingShowsGaps(t *testing.T) {
	d := pack(t, packStandard(), AssessmentOptions{Scope: []string{"T2"}, Parts: []string{"checklist", "mapping"}}, nil)
	blocks := packParts(t, d, "zh-TW")[PartMapping]
	text := blocksText(blocks)
	if !strings.Contains(text, "下列 2 個項目未由任何評量工具涵蓋") || !strings.Contains(text, "K03、S03") {
		t.Errorf("mapping without knowledge and skills forms should name K03 and S03 as gaps:\n%s", text)
	}
	if n := len(partTable(t, blocks).Widths); n != 4 {
		t.Errorf("mapping has %d columns, want code, item, tasks and the one packInstrument", n)
	}
}

func TestAssessmentScopeLimitsItems(t *testing.T) {
	s := packStandard()
	d := pack(t, s, AssessmentOptions{Scope: []string{"T3"}}, nil)
	parts := packParts(t, d, "zh-TW")
	_, ks, ss := scopeCodes(s, []string{"T3"})
	if got := slices.Compact(codesOf('K', firstCells(partTable(t, parts[PartKnowledge])))); !slices.Equal(got, ks) {
		t.Errorf("knowledge items = %q, want %q", got, ks)
	}
	if got := codesOf('S', firstCells(partTable(t, parts[PartSkills]))); !slices.Equal(got, ss) {
		t.Errorf("skills = %q, want %q", got, ss)
	}
	if got := firstCells(partTable(t, parts[PartAttitudes])); !slices.Equal(got, []string{"A03"}) {
		t.Errorf("attitudes = %q, want only A03, the one marked for T3 tasks", got)
	}
	// K02 is used by T3.2 with its own text: that text, not the catalogue's.
	text := blocksText(parts[PartKnowledge])
	if !strings.Contains(text, "辨識客戶的溝通風格") || strings.Contains(text, "辨識每個人不同的溝通風格") {
		t.Errorf("knowledge form should print T3.2's own K02 text only:\n%s", text)
	}
	for _, p := range []string{"P1.1.1", "T1.1", "K01", "S02", "A01"} {
		if strings.Contains(doctest.AllText(d), p) {
			t.Errorf("pack for T3 mentions %s", p)
		}
	}
}

func TestAssessmentNotes(t *testing.T) {
	d := pack(t, packStandard(), AssessmentOptions{}, nil)
	parts := packParts(t, d, "zh-TW")
	for part, want := range map[string][]string{
		PartChecklist:  {"【註1】策略：建立密切關係、交換資訊。", "【註2】資訊與支援素材：文宣手冊、擺設素材。"},
		PartKnowledge:  {"【註3】市場知識：優點產品與服務、客戶與市場趨勢。"},
		PartSkills:     {"【註1】策略：建立密切關係、交換資訊。"},
		PartThirdParty: {"【註1】策略：", "【註2】資訊與支援素材："},
	} {
		var notes []string
		for _, b := range parts[part] {
			if p, ok := b.(*render.Paragraph); ok && strings.HasPrefix(render.Texts(p.Runs), "【註") {
				notes = append(notes, render.Texts(p.Runs))
			}
		}
		if len(notes) != len(want) {
			t.Errorf("%s lists notes %q, want %q", part, notes, want)
			continue
		}
		for i := range want {
			if !strings.HasPrefix(notes[i], want[i]) {
				t.Errorf("%s note %d = %q, want %q", part, i, notes[i], want[i])
			}
		}
	}
	// In the checklist the reference itself is a superscript.
	found := false
	for _, r := range partTable(t, parts[PartChecklist]).Rows {
		for _, c := range r.Cells {
			for _, p := range c.Paras {
				for _, run := range p.Runs {
					if run.Text == "【註1】" && run.Super {
						found = true
					}
				}
			}
		}
	}
	if !found {
		t.Error("the checklist does not print 【註1】 as a superscript")
	}
}

func TestAssessmentCandidate(t *testing.T) {
	s := packStandard()
	a := &Candidate{Name: "王小明", ID: "A001", Organization: "台北旅館", Date: "2025/03/01", Place: "訓練教室",
		Assessor: "陳評審", Extra: []Field{{"電子郵件", "ming@example.com"}, {"班別", "日間班"}}}
	b := &Candidate{Name: "李美華", ID: "A002"}
	da := pack(t, s, AssessmentOptions{}, a)
	db := pack(t, s, AssessmentOptions{}, b)
	if text := doctest.AllText(da); !strings.Contains(text, "王小明") || strings.Contains(text, "李美華") || strings.Contains(text, "A002") {
		t.Error("王小明's pack must name 王小明 and not 李美華")
	}
	if text := doctest.AllText(db); !strings.Contains(text, "李美華") || strings.Contains(text, "王小明") || strings.Contains(text, "台北旅館") {
		t.Error("李美華's pack must name 李美華 and not 王小明")
	}
	if da.Footer.Left != "THM2431-001v1　王小明" || da.Footer.Right != "第 {page} 頁／共 {pages} 頁" {
		t.Errorf("footer = %+v", da.Footer)
	}
	// The cover's fields hold the roster values, extra columns in order.
	got := map[string]string{}
	var order []string
	for _, blk := range packParts(t, da, "zh-TW")[PartCover] {
		if kv, ok := blk.(*render.KeyValue); ok {
			for _, p := range kv.Pairs {
				var vs []string
				for _, v := range p.Value {
					vs = append(vs, render.Texts(v.Runs))
				}
				got[p.Label] = strings.Join(vs, "\n")
				order = append(order, p.Label)
			}
		}
	}
	for label, want := range map[string]string{
		"考生姓名": "王小明", "編號": "A001", "單位": "台北旅館", "評量人員": "陳評審",
		"評量日期": "2025/03/01", "評量地點": "訓練教室", "電子郵件": "ming@example.com", "班別": "日間班",
		"職能基準代碼": "THM2431-001v1", "職業名稱": "行銷業務專員", "基準級別": "3",
	} {
		if got[label] != want {
			t.Errorf("cover %s = %q, want %q", label, got[label], want)
		}
	}
	if i, j := slices.Index(order, "電子郵件"), slices.Index(order, "班別"); i < 0 || j != i+1 {
		t.Errorf("extra fields out of order: %q", order)
	}
	// Every form about the candidate names them at the top.
	for part, blocks := range packParts(t, da, "zh-TW") {
		if part == PartCover || part == PartMapping {
			continue
		}
		if !strings.Contains(blocksText(blocks[:4]), "王小明") {
			t.Errorf("%s does not name the candidate at the top", part)
		}
	}
}

func TestAssessmentBlankForms(t *testing.T) {
	d := pack(t, packStandard(), AssessmentOptions{}, nil)
	if d.Footer.Left != "THM2431-001v1" {
		t.Errorf("blank footer left = %q, want the code alone", d.Footer.Left)
	}
	for _, blk := range packParts(t, d, "zh-TW")[PartCover] {
		kv, ok := blk.(*render.KeyValue)
		if !ok {
			continue
		}
		for _, p := range kv.Pairs {
			if slices.Contains([]string{"考生姓名", "編號", "單位", "評量人員", "評量日期", "評量地點"}, p.Label) && len(p.Value) != 0 {
				t.Errorf("blank cover field %s = %+v, want an empty fill-in field", p.Label, p.Value)
			}
		}
	}
	if parts := packParts(t, d, "zh-TW"); len(parts) != len(AssessmentParts()) {
		t.Errorf("blank pack has parts %v, want all %d", slices.Sorted(maps.Keys(parts)), len(AssessmentParts()))
	}
}

func TestAssessmentParts(t *testing.T) {
	noAttitudes := func() *standard.Standard {
		s := packStandard()
		s.Attitudes = nil
		return s
	}
	for _, tc := range []struct {
		name  string
		s     func() *standard.Standard
		parts []string
		want  []string
	}{
		{"default skips empty attitudes", noAttitudes, nil, []string{"cover", "checklist", "knowledge", "skills", "thirdparty", "mapping", "result"}},
		{"chosen parts print in pack order", packStandard, []string{"Result", "checklist", "cover", "result"}, []string{"cover", "checklist", "result"}},
		{"a chosen empty part says so", noAttitudes, []string{"attitudes"}, []string{"attitudes"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := pack(t, tc.s(), AssessmentOptions{Parts: tc.parts}, nil)
			var got []string
			for _, b := range d.Blocks {
				if h, ok := b.(*render.Heading); ok && h.Level == 1 {
					got = append(got, render.Texts(h.Runs))
				}
			}
			l, _ := templates.LoadLabels("assessment", "zh-TW")
			var want []string
			for _, p := range tc.want {
				if p == PartCover {
					want = append(want, "行銷業務專員職能評量表")
				} else {
					want = append(want, l[partTitle[p]])
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("parts = %q, want %q", got, want)
			}
		})
	}
	d := pack(t, noAttitudes(), AssessmentOptions{Parts: []string{"attitudes"}}, nil)
	if !strings.Contains(doctest.AllText(d), "本職能基準未列出本評量範圍的態度項目。") {
		t.Errorf("an empty attitude form does not say why:\n%s", doctest.AllText(d))
	}
}

func TestAssessmentErrors(t *testing.T) {
	s := packStandard()
	for _, tc := range []struct {
		name string
		opt  AssessmentOptions
		want []string
	}{
		{"unknown scope code", AssessmentOptions{Scope: []string{"T9"}}, []string{`"T9"`, "T1, T2, T3", "T1.1, T1.2, T2.1, T3.1, T3.2, T3.3"}},
		{"unknown methods code", AssessmentOptions{Methods: map[string][]string{"T4.1": {"口試"}}}, []string{`"T4.1"`, "T1.1"}},
		{"unknown method", AssessmentOptions{Methods: map[string][]string{"T1.1": {"觀察"}}}, []string{"T1.1", `"觀察"`, "observation (實作觀察)"}},
		{"method typo", AssessmentOptions{Methods: map[string][]string{"T1": {"obsrvation"}}}, []string{`did you mean "observation"`}},
		{"empty methods", AssessmentOptions{Methods: map[string][]string{"T1": {}}}, []string{"T1", "name at least one"}},
		{"unknown part", AssessmentOptions{Parts: []string{"checklst"}}, []string{`"checklst"`, `did you mean "checklist"`}},
		{"bad scale", AssessmentOptions{Scale: Scale{Points: 11}}, []string{"points = 11", "2 to 10"}},
		{"scale labels", AssessmentOptions{Scale: Scale{Points: 3, Labels: []string{"a"}}}, []string{"1 labels for 3 points"}},
		{"scale pass", AssessmentOptions{Scale: Scale{Points: 5, Pass: 6}}, []string{"pass = 6", "1–5"}},
		{"unknown language", AssessmentOptions{Options: templates.Options{Lang: "fr"}}, []string{`"fr"`, "zh-TW, en"}},
		{"unknown label", AssessmentOptions{Options: templates.Options{Labels: map[string]string{"part_chcklist": "x"}}}, []string{"part_chcklist"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Assessment(s, tc.opt, nil)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if cerr := tc.opt.Check(s); cerr == nil || cerr.Error() != err.Error() {
				t.Errorf("Check = %v, want the error of Assessment", cerr)
			}
		})
	}
	if err := (AssessmentOptions{Scope: []string{"T3"}, Methods: map[string][]string{"T1.2": {"口試"}}}).Check(s); err != nil {
		t.Errorf("Check of good options: %v", err)
	}
	if _, err := Assessment(nil, AssessmentOptions{}, nil); err == nil {
		t.Error("no error for a nil standard")
	}
}
