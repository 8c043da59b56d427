package jobdesc

import (
	"reflect"
	"testing"
)

func TestParseJobRequirements(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  jobRequirements
	}{
		{"seed", []string{"學歷背景：觀光休閒餐旅/商管/傳播系所大專以上畢業，具備旅宿業相關（含實習）工作經歷 2 年以上，且須具外語溝通能力尤佳。"}, jobRequirements{
			Education: "大專以上", Credential: "associate degree", Majors: []string{"觀光休閒餐旅", "商管", "傳播"},
			Experience: "旅宿業相關（含實習）工作經歷 2 年以上", Months: 24, Languages: []string{"外語溝通能力尤佳"},
		}},
		{"education only", []string{"大專以上畢業。"}, jobRequirements{Education: "大專以上", Credential: "associate degree"}},
		{"spaced slashes", []string{"觀光休閒餐旅 / 商管 / 傳播系所大專以上畢業"}, jobRequirements{
			Education: "大專以上", Credential: "associate degree", Majors: []string{"觀光休閒餐旅", "商管", "傳播"},
		}},
		{"major after level", []string{"大學或以上資訊相關科系畢業；具 6 個月以上相關工作經驗；具備中餐烹調丙級技術士證照；能配合輪班"}, jobRequirements{
			Education: "大學以上", Credential: "bachelor degree", Majors: []string{"資訊"},
			Experience: "6 個月以上相關工作經驗", Months: 6,
			Licenses: []string{"中餐烹調丙級技術士證照"}, Other: []string{"能配合輪班"},
		}},
		{"graduate", []string{"碩士以上"}, jobRequirements{Education: "碩士以上", Credential: "postgraduate degree"}},
		{"nothing known", []string{"熱愛旅遊"}, jobRequirements{Other: []string{"熱愛旅遊"}}},
		{"alternatives", []string{"大專以上畢業", "高中職畢業並具 3 年以上經驗"}, jobRequirements{
			Alternatives: []string{"大專以上畢業", "高中職畢業並具 3 年以上經驗"},
		}},
		{"none", nil, jobRequirements{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseJobRequirements(tt.lines); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestJobRequirementsWith(t *testing.T) {
	base := parseJobRequirements([]string{"觀光休閒餐旅/商管系所大專以上畢業，具備相關工作經歷 2 年以上，外語能力尤佳。"})
	got := base.with(Requirements{
		Education:  "大學以上",
		Experience: "3 年以上",
		Languages:  []string{"英文：中等"},
		Tools:      []string{"Excel"},
		Licenses:   []string{"普通小型車駕照"},
		Skills:     []string{"簡報製作"},
		Other:      []string{"能配合輪班"},
	})
	want := jobRequirements{
		Education: "大學以上", Credential: "bachelor degree", Majors: []string{"觀光休閒餐旅", "商管"},
		Experience: "3 年以上", Months: 36, Languages: []string{"英文：中等"},
		Licenses: []string{"普通小型車駕照"}, Tools: []string{"Excel"}, Skills: []string{"簡報製作"}, Other: []string{"能配合輪班"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	got = base.with(Requirements{Education: "不拘", EducationLevel: "high school", Experience: "不拘", ExperienceMonths: 0})
	if got.Credential != "high school" || got.Months != 0 || got.Experience != "不拘" {
		t.Errorf("explicit level and no experience: %+v", got)
	}
}
