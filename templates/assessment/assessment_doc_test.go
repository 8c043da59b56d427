package assessment

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

func TestAssessmentEnglish(t *testing.T) {
	opt := AssessmentOptions{Options: templates.Options{Lang: "en"}, Scale: Scale{Points: 4, Labels: []string{"a", "b", "c", "d"}}}
	for _, c := range []*Candidate{nil, {Name: "Ann Lee", ID: "7", Extra: []Field{{"Email", "ann@example.com"}}}} {
		d := pack(t, englishPack(), opt, c)
		text := noteReference().ReplaceAllString(doctest.AllText(d), "")
		for _, r := range text {
			if isCJK(r) {
				t.Fatalf("English pack contains %q:\n%s", r, text)
			}
		}
		if !strings.Contains(text, "Observation checklist") || !strings.Contains(text, "Page {page} of {pages}") {
			t.Errorf("English labels missing:\n%s", text)
		}
	}
}

func TestAssessmentDeterministic(t *testing.T) {
	c := &Candidate{Name: "王小明", Extra: []Field{{"a", "1"}, {"b", "2"}}}
	opt := AssessmentOptions{Methods: map[string][]string{"T1": {"oral"}, "T2.1": {"written"}, "T3": {"portfolio"}}}
	a := pack(t, packStandard(), opt, c)
	for range 5 {
		if b := pack(t, packStandard(), opt, c); !reflect.DeepEqual(a, b) {
			t.Fatal("two builds of the same pack differ")
		}
	}
}

func TestAssessmentLandscapeAndMeta(t *testing.T) {
	d := pack(t, packStandard(), AssessmentOptions{Options: templates.Options{Landscape: true}}, &Candidate{Name: "王小明"})
	if !d.Page.Landscape {
		t.Error("landscape option ignored")
	}
	if d.Meta.Title != "行銷業務專員職能評量表 — 王小明" || d.Meta.Subject != "行銷業務專員（THM2431-001v1）職能評量表" || d.Meta.Lang != "zh-TW" {
		t.Errorf("meta = %+v", d.Meta)
	}
}

func TestCombine(t *testing.T) {
	s := packStandard()
	a := pack(t, s, AssessmentOptions{Parts: []string{"cover"}}, &Candidate{Name: "甲"})
	b := pack(t, s, AssessmentOptions{Parts: []string{"cover"}}, &Candidate{Name: "乙"})
	d, err := Combine("行銷業務專員職能評量表", a, b)
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.Title != "行銷業務專員職能評量表" || !slices.Equal(d.Meta.Keywords, []string{"THM2431-001v1", "行銷業務專員"}) {
		t.Errorf("combined meta = %+v", d.Meta)
	}
	if d.Footer.Left != "THM2431-001v1　甲" {
		t.Errorf("first section footer = %q", d.Footer.Left)
	}
	var breaks []*render.PageBreak
	for _, blk := range d.Blocks {
		if pb, ok := blk.(*render.PageBreak); ok {
			breaks = append(breaks, pb)
		}
	}
	if len(breaks) != 1 || !breaks[0].NewSection || breaks[0].Footer == nil || breaks[0].Footer.Left != "THM2431-001v1　乙" {
		t.Errorf("section breaks = %+v", breaks)
	}
	if len(d.Blocks) != len(a.Blocks)+1+len(b.Blocks) {
		t.Errorf("combined has %d blocks, want %d", len(d.Blocks), len(a.Blocks)+1+len(b.Blocks))
	}
	if _, err := Combine(""); err == nil {
		t.Error("no error combining nothing")
	}
	c := pack(t, s, AssessmentOptions{Parts: []string{"cover"}, Options: templates.Options{Landscape: true}}, nil)
	if _, err := Combine("", a, c); err == nil {
		t.Error("no error combining portrait and landscape")
	}
}

// isCJK reports Han characters and CJK or full-width punctuation.
func isCJK(r rune) bool {
	return r >= 0x2E80 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFE4F || r >= 0xFF00 && r <= 0xFFEF
}

func TestAssessmentUnloadedStandard(t *testing.T) {
	// A hand-built standard, normalised: no codes written, no levels, no
	// catalogues; and an empty one.
	s := &standard.Standard{
		JobCategory: "測試",
		NoLevels:    "本項職能基準發展之初並未訂定職能級別",
		Duties: []standard.Duty{{Title: "甲", Tasks: []standard.Task{
			{Title: "乙", Blocks: []standard.Block{{Outputs: []standard.Entry{{Text: "丙"}}, Indicators: []standard.Entry{{Text: "丁"}, {Code: "P1.9", Text: "戊"}},
				Knowledge: []standard.Ref{{Code: "K01"}}}}},
			{Title: "己", Blocks: []standard.Block{{Indicators: []standard.Entry{{Text: "庚"}}}}},
		}}},
	}
	if _, err := Assessment(s, AssessmentOptions{}, nil); err == nil || !strings.Contains(err.Error(), "standard.Normalize") {
		t.Errorf("a standard without codes: %v, want a refusal naming standard.Normalize", err)
	}
	standard.Normalize(s)
	d := pack(t, s, AssessmentOptions{Scope: []string{"T1.2", "T1.1"}}, nil)
	parts := packParts(t, d, "zh-TW")
	cells := firstCells(partTable(t, parts[PartChecklist]))
	// After the legacy code P1.9 the duty's numbering goes on in the next
	// task, as the loader numbers a file (standard.Normalize).
	if want := []string{"T1.1 乙", "P1.1.1", "P1.9", "O1.1.1", "T1.2 己", "P1.10"}; !slices.Equal(cells, want) {
		t.Errorf("checklist first cells = %q, want %q", cells, want)
	}
	if text := blocksText(parts[PartCover]); !strings.Contains(text, "職類名稱") || !strings.Contains(text, "本項職能基準發展之初並未訂定職能級別") {
		t.Errorf("cover of a legacy job category:\n%s", text)
	}
	if d.Footer.Left != "測試" {
		t.Errorf("footer of a standard without a code = %q, want its name", d.Footer.Left)
	}
	// K01 is not in any catalogue: printed by code alone, still mapped.
	if got := firstCells(partTable(t, parts[PartKnowledge])); !slices.Contains(got, "K01") {
		t.Errorf("knowledge form = %q, want K01", got)
	}
	empty := pack(t, &standard.Standard{Occupation: "空"}, AssessmentOptions{}, &Candidate{Name: "甲"})
	if len(packParts(t, empty, "zh-TW")) == 0 {
		t.Error("an empty standard gives no pack")
	}
}

func TestAssessmentMethods(t *testing.T) {
	d := pack(t, packStandard(), AssessmentOptions{Scope: []string{"T1", "T3.3"}, Methods: map[string][]string{
		"T1":   {"實作觀察", "Oral questions"},
		"T1.2": {"written", "第三方證明"},
		"T3.3": {"product"},
	}}, nil)
	tb := partTable(t, packParts(t, d, "zh-TW")[PartChecklist])
	methods := map[string]string{}
	for _, r := range tb.Rows[1:] {
		if len(r.Cells) == 6 {
			methods[doctest.CellText(&r.Cells[0])] = doctest.CellText(&r.Cells[2])
		}
	}
	for code, want := range map[string]string{
		"P1.1.1": "實作觀察\n口試",  // from the duty
		"P1.2.1": "筆試\n第三方證明", // the task's own entry wins
		"O1.1.1": "工作產出審查",    // outputs are always product review
		"P3.3.1": "工作產出審查",    // nothing else planned: the product review it is
		"O3.3.1": "工作產出審查",    //
	} {
		if methods[code] != want {
			t.Errorf("%s methods = %q, want %q", code, methods[code], want)
		}
	}
	// The cover ticks exactly the methods planned.
	var ticked []string
	for _, blk := range packParts(t, d, "zh-TW")[PartCover] {
		if kv, ok := blk.(*render.KeyValue); ok {
			for _, p := range kv.Pairs {
				if p.Label != "評量方式" {
					continue
				}
				for _, r := range p.Value[0].Runs {
					if r.Box && r.Checked {
						ticked = append(ticked, r.Text)
					}
				}
			}
		}
	}
	if want := []string{"實作觀察", "口試", "筆試", "工作產出審查", "第三方證明"}; !slices.Equal(ticked, want) {
		t.Errorf("cover ticks %q, want %q", ticked, want)
	}
}

func TestAssessmentScale(t *testing.T) {
	opt := AssessmentOptions{Scale: Scale{Points: 5, Labels: []string{"未達成", "待加強", "尚可", "良好", "優異"}}}
	d := pack(t, packStandard(), opt, nil)
	parts := packParts(t, d, "zh-TW")
	tb := partTable(t, parts[PartChecklist])
	row := tb.Rows[2] // first indicator
	var points []string
	for _, r := range row.Cells[4].Paras[0].Runs {
		if r.Box {
			points = append(points, r.Text)
		}
	}
	if !slices.Equal(points, []string{"1", "2", "3", "4", "5"}) {
		t.Errorf("rating boxes = %q, want 1–5", points)
	}
	text := blocksText(parts[PartChecklist])
	if !strings.Contains(text, "評分方式：1（最低）至 5（最高），3 分以上為達成。各分數代表：1＝未達成、2＝待加強、3＝尚可、4＝良好、5＝優異") {
		t.Errorf("checklist legend missing:\n%s", text)
	}
	// Attitudes are rated, never passed: no pass mark in their legend.
	if text := blocksText(parts[PartAttitudes]); strings.Contains(text, "為達成") || strings.Contains(text, "未達成\n") {
		t.Errorf("attitude form speaks of passing:\n%s", text)
	}
}

func TestAssessmentAttitudesNeverPassFail(t *testing.T) {
	d := pack(t, packStandard(), AssessmentOptions{}, nil)
	blocks := packParts(t, d, "zh-TW")[PartAttitudes]
	tb := partTable(t, blocks)
	for _, r := range tb.Rows[1:] {
		if got := doctest.CellText(&r.Cells[3]); got != "經常展現\n偶爾展現\n未觀察到" {
			t.Errorf("attitude %s rated %q, want the observation scale", doctest.CellText(&r.Cells[0]), got)
		}
	}
	if strings.Contains(blocksText(blocks), "未達成") {
		t.Error("attitude form offers 達成/未達成")
	}
}

// TestAssessmentConcurrent builds packs of one standard from several
// goroutines, as a batch does; run with -race.
func TestAssessmentConcurrent(t *testing.T) {
	s := packStandard()
	opt := AssessmentOptions{Methods: map[string][]string{"T1": {"口試"}}}
	want := doctest.AllText(pack(t, s, opt, &Candidate{Name: "甲"}))
	done := make(chan string)
	for range 4 {
		go func() {
			d, err := Assessment(s, opt, &Candidate{Name: "甲"})
			if err != nil {
				done <- err.Error()
				return
			}
			done <- doctest.AllText(d)
		}()
	}
	for range 4 {
		if got := <-done; got != want {
			t.Error("a pack built concurrently differs")
		}
	}
}
