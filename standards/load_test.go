package standards_test

import (
	"slices"
	"testing"

	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/standards"
)

// load parses a bundled standard with the real loader.
func load(t *testing.T, name string) *standard.Standard {
	t.Helper()
	s, err := standard.LoadFS(standards.FS, name)
	if err != nil {
		t.Fatalf("loading %s:\n%v", name, err)
	}
	return s
}

// TestValidate loads every bundled standard and requires a clean report:
// no errors and no warnings (info-level notes, such as tasks without
// outputs, are the published standards' own and stay).
func TestValidate(t *testing.T) {
	for _, name := range standards.Names() {
		t.Run(name, func(t *testing.T) {
			s := load(t, name)
			probs := standard.Validate(s)
			for _, p := range probs {
				if p.Severity != standard.Info {
					t.Errorf("%v", p)
				}
			}
			if s.Code+".toml" != name {
				t.Errorf("code %q does not match the file name %s", s.Code, name)
			}
		})
	}
}

// counts summarises the size of a loaded standard.
type counts struct {
	duties, tasks, indicators, outputs int
	k, s, a, notes, history            int
}

func count(s *standard.Standard) (c counts, perTask []int) {
	c.duties = len(s.Duties)
	for _, d := range s.Duties {
		for _, t := range d.Tasks {
			c.tasks++
			p := 0
			for _, b := range t.Blocks {
				p += len(b.Indicators)
				c.outputs += len(b.Outputs)
			}
			c.indicators += p
			perTask = append(perTask, p)
		}
	}
	c.k, c.s, c.a = len(s.Knowledge), len(s.Skills), len(s.Attitudes)
	c.notes, c.history = len(s.Notes), len(s.History)
	return c, perTask
}

func TestLoadTHM2431(t *testing.T) {
	s := load(t, "THM2431-001v1.toml")
	got, perTask := count(s)
	want := counts{duties: 5, tasks: 13, indicators: 53, outputs: 9, k: 29, s: 18, a: 6, notes: 16}
	if got != want {
		t.Errorf("counts = %+v, want %+v", got, want)
	}
	if wantP := []int{9, 5, 4, 4, 2, 6, 2, 4, 3, 3, 3, 4, 4}; !slices.Equal(perTask, wantP) {
		t.Errorf("indicators per task = %v, want %v", perTask, wantP)
	}

	t11 := s.Duties[0].Tasks[0]
	p119 := t11.Blocks[0].Indicators[8]
	if p119.Code != "P1.1.9" || p119.Text != "以個人的能力、技巧和組織定位，在權責範圍內，依解決問題的規範流程進行溝通。" {
		t.Errorf("P1.1.9 = %+v", p119)
	}
	if !slices.Equal(t11.Attitudes, []string{"A01", "A02", "A04"}) {
		t.Errorf("T1.1 attitudes = %q, want A01 A02 A04", t11.Attitudes)
	}
	t42 := s.Duties[3].Tasks[1]
	if t42.Code != "T4.2" || t42.Title != "研擬活動企劃書" || t42.Blocks[0].Outputs[0] != (standard.Entry{Code: "O4.2.1", Text: "活動企劃書"}) {
		t.Errorf("T4.2 = %s %s, outputs %+v", t42.Code, t42.Title, t42.Blocks[0].Outputs)
	}
	// References carry their catalogue text after loading.
	skills := t42.Blocks[0].Skills
	if last := skills[len(skills)-1]; last != (standard.Ref{Code: "S12", Text: "針對活動需求諮詢及聯繫客戶、內部員工和外部合作廠商的溝通技能"}) {
		t.Errorf("T4.2 last skill = %+v", last)
	}

	note16 := s.Notes[15]
	if note16.N != 16 || note16.Term != "溝通技能" ||
		note16.Text != "提問、表達、傾聽，正確提出問題並確實提供清楚資訊，了解職場工作指示或進一步釐清職場工作指示，視不同顧客群可能需要外語能力。" {
		t.Errorf("note 16 = %+v", note16)
	}
	a06 := s.Attitudes[5]
	if a06.Code != "A06" || a06.Name != "冒險挑戰" ||
		a06.Definition != "在成敗後果不能確定的情境下，對成功機會少但成功後報酬高的事情勇於嘗試的傾向。" {
		t.Errorf("A06 = %+v", a06)
	}
	if k := s.Knowledge[25]; k.Code != "K26" || k.Text != "與下列項目相關的公司政策與流程\n■客戶服務\n■客戶資料庫的維護\n■難纏客戶的處理\n■分配職責" {
		t.Errorf("K26 = %+v", k)
	}
	if ind := s.Category.Industry; len(ind) != 1 || ind[0] != (standard.Class{Name: "住宿及餐飲業/住宿業", Code: "I55"}) {
		t.Errorf("industry = %+v", ind)
	}
	// Every 【註N】 reference in the standard resolves to one of its notes,
	// and each note is referenced at least once.
	refs := map[int]int{}
	s.Walk(func(path, text string) {
		for _, p := range standard.SplitNotes(text) {
			if p.Note > 0 {
				refs[p.Note]++
			}
		}
	})
	for n := 1; n <= 16; n++ {
		if refs[n] == 0 {
			t.Errorf("【註%d】 is referenced nowhere", n)
		}
	}
	if len(refs) != 16 {
		t.Errorf("references name %d notes, want 16", len(refs))
	}
}

func TestLoadBAS1219(t *testing.T) {
	s := load(t, "BAS1219-002v4.toml")
	got, perTask := count(s)
	want := counts{duties: 2, tasks: 5, indicators: 12, outputs: 5, k: 7, s: 14, a: 6, history: 4}
	if got != want {
		t.Errorf("counts = %+v, want %+v", got, want)
	}
	if wantP := []int{3, 3, 2, 3, 1}; !slices.Equal(perTask, wantP) {
		t.Errorf("indicators per task = %v, want %v", perTask, wantP)
	}
	t22 := s.Duties[1].Tasks[1]
	if o := t22.Blocks[0].Outputs; len(o) != 2 || o[1] != (standard.Entry{Code: "O2.2.2", Text: "異常處理紀錄"}) {
		t.Errorf("T2.2 outputs = %+v", o)
	}
	var skills []string
	for _, r := range t22.Blocks[0].Skills {
		skills = append(skills, r.Code)
	}
	if !slices.Equal(skills, []string{"S03", "S05", "S10", "S11", "S12", "S14"}) {
		t.Errorf("T2.2 skills = %q", skills)
	}
	if a := s.Attitudes[0]; a != (standard.Attitude{Code: "A01", Name: "謹慎細心"}) {
		t.Errorf("A01 = %+v, want the bare name", a)
	}
	if !slices.Equal(s.Prerequisites, []string{"大專以上畢業。"}) || len(s.Supplements) != 2 {
		t.Errorf("prerequisites %q, %d supplements", s.Prerequisites, len(s.Supplements))
	}
	if h := s.History[0]; h.Version != "V4" || h.Status != "最新版本" || h.Code != s.Code || h.Date != "2024/12/15" {
		t.Errorf("history[0] = %+v", h)
	}
	if h := s.History[3]; h.Code != "BAS1219-002" || h.Note != "已被《BAS1219-002v4》取代" || h.Date != "2015/12/31" {
		t.Errorf("history[3] = %+v", h)
	}
}
