package jobdesc

import (
	"strings"
	"testing"

	"github.com/ocs-project/ocs/templates"
)

// TestRequirementsVerbatim checks that the standard's prerequisites are
// printed as the standard writes them, line for line, under a title that
// claims nothing, and that no structured requirement is read out of them.
func TestRequirementsVerbatim(t *testing.T) {
	lines := []string{
		"高中（職）以上畢業或具備1年以上工作經驗者",
		"大專以上或同等學歷，或取得美容乙級技術士證照者",
		"具備證照：或具備國際認證之芳療師證照",
	}
	s := jdStandard()
	s.Prerequisites = lines
	for _, o := range []*Overlay{nil, jdOverlay()} {
		d := jdBuild(t, s, o, templates.Options{})
		text := jdBlocksText(d)
		for _, l := range lines {
			if !strings.Contains(text, l) {
				t.Errorf("overlay %v: the prerequisite %q is not printed whole", o != nil, l)
			}
		}
		for _, invented := range []string{"符合其一", "學歷要求", "工作經歷", "具備證照"} {
			if strings.Count(text, invented) > strings.Count(strings.Join(lines, ""), invented) {
				t.Errorf("overlay %v: the document says %q, which the standard does not", o != nil, invented)
			}
		}
		if !strings.Contains(text, "職能基準建議條件") {
			t.Errorf("overlay %v: the prerequisites lack their title", o != nil)
		}
		m := jdJSON(t, d)
		for _, k := range []string{"educationRequirements", "experienceRequirements"} {
			if m[k] != nil {
				t.Errorf("overlay %v: JSON-LD %s = %v, but no overlay states it", o != nil, k, m[k])
			}
		}
		q, _ := m["qualifications"].([]any)
		if len(q) == 0 || !strings.Contains(q[len(q)-1].(string), lines[0]) {
			t.Errorf("overlay %v: qualifications %v lack the prerequisites", o != nil, q)
		}
	}
}

// TestRequirementsFromOverlay checks that structured requirements come
// from the overlay: printed with their labels and written to JSON-LD.
func TestRequirementsFromOverlay(t *testing.T) {
	o := jdOverlay()
	o.Requirements = Requirements{
		Education: "大學以上", EducationLevel: "bachelor degree", Majors: []string{"觀光", "商管"},
		Experience: "旅宿業工作經歷 2 年以上", ExperienceMonths: 24,
		Languages: []string{"英文：中等"}, Tools: []string{"Excel"}, Licenses: []string{"普通小型車駕照"},
		Skills: []string{"簡報製作"}, Other: []string{"能配合輪班"},
	}
	s := jdStandard()
	d := jdBuild(t, s, o, templates.Options{})
	text := jdBlocksText(d)
	for _, want := range []string{"學歷要求大學以上", "科系要求觀光、商管", "工作經歷旅宿業工作經歷 2 年以上", "語文條件英文：中等",
		"擅長工具Excel", "具備證照普通小型車駕照", "其他條件能配合輪班", "簡報製作", s.Prerequisites[0]} {
		if !strings.Contains(text, want) {
			t.Errorf("the document lacks %q", want)
		}
	}
	m := jdJSON(t, d)
	for path, want := range map[string]any{
		"educationRequirements.@type":               "EducationalOccupationalCredential",
		"educationRequirements.credentialCategory":  "bachelor degree",
		"educationRequirements.description":         "大學以上",
		"experienceRequirements.@type":              "OccupationalExperienceRequirements",
		"experienceRequirements.monthsOfExperience": 24.0,
		"experienceRequirements.description":        "旅宿業工作經歷 2 年以上",
	} {
		if got := jdGet(m, strings.Split(path, ".")...); got != want {
			t.Errorf("%s = %v, want %v", path, got, want)
		}
	}
	// An overlay that states experience in words only claims no months.
	o.Requirements = Requirements{Experience: "2 年以上"}
	m = jdJSON(t, jdBuild(t, s, o, templates.Options{}))
	if got := jdGet(m, "experienceRequirements", "monthsOfExperience"); got != nil {
		t.Errorf("monthsOfExperience = %v, read out of words", got)
	}
}
