package jobdesc

import "github.com/ocs-project/ocs/render"

// jobRequirements are the 條件要求 of a job. The standard's prerequisites
// are kept as the standard writes them, line for line: a sentence such as
// 「高中（職）以上畢業或具備1年以上工作經驗者」 offers alternatives that no
// field can hold, so nothing is read out of it. Structured fields (and the
// JSON-LD educationRequirements and experienceRequirements) come only from
// the overlay, where HR states them.
type jobRequirements struct {
	Prerequisites []string // the standard's lines, verbatim
	Education     string   // 「大專以上」, as the overlay writes it
	Credential    string   // schema.org credentialCategory, from requirements.education_level
	Majors        []string
	Experience    string // 「旅宿業相關工作經歷 2 年以上」, as the overlay writes it
	Months        int    // from requirements.experience_months; 0 = not said
	Languages     []string
	Licenses      []string
	Tools         []string
	Skills        []string // skills the overlay adds to the standard's S
	Other         []string
}

// newJobRequirements returns the requirements of a job: the standard's
// prerequisite lines as written, and the overlay's fields.
func newJobRequirements(prerequisites []string, o Requirements) jobRequirements {
	return jobRequirements{
		Prerequisites: prerequisites,
		Education:     o.Education,
		Credential:    o.EducationLevel,
		Majors:        o.Majors,
		Experience:    o.Experience,
		Months:        o.ExperienceMonths,
		Languages:     o.Languages,
		Licenses:      o.Licenses,
		Tools:         o.Tools,
		Skills:        o.Skills,
		Other:         o.Other,
	}
}

// requirements writes 條件要求, then 工作技能 (S) and 專業知識 (K).
func (b *jobDesc) requirements() {
	r := b.req
	b.section("section_requirements")
	b.pairs(1, []render.Pair{
		b.pair("education", r.Education),
		b.pair("majors", b.join(r.Majors)),
		b.pair("experience", r.Experience),
		b.pairList("languages", r.Languages),
		b.pair("licenses", b.join(r.Licenses)),
		b.pair("tools", b.join(r.Tools)),
		b.pairList("other", r.Other),
		b.pairList("prerequisites", r.Prerequisites),
	})
	if skills := append(b.skills(), r.Skills...); len(skills) > 0 {
		b.subsection("skills")
		b.list(skills)
	}
	if k := b.knowledge(); len(k) > 0 {
		b.subsection("knowledge")
		b.list(k)
	}
}

// pairList returns a pair with one paragraph per item.
func (b *jobDesc) pairList(key string, items []string) render.Pair {
	p := render.Pair{Label: b.l.Get(key)}
	for _, it := range items {
		p.Value = append(p.Value, b.para(it))
	}
	return p
}

// subsection starts a part of a section with a level-3 heading.
func (b *jobDesc) subsection(key string) {
	b.add(&render.Heading{Level: 3, Runs: []render.Run{{Text: b.l.Get(key)}}})
}

// list appends a bulleted list of texts.
func (b *jobDesc) list(items []string) {
	l := &render.List{Bullet: b.l.Get("bullet_item")}
	for _, it := range items {
		l.Items = append(l.Items, b.runs(it))
	}
	b.add(l)
}
