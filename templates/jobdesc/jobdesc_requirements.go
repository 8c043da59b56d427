package jobdesc

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ocs-project/ocs/render"
)

// jobRequirements are the 條件要求 of a job: read from the standard's
// prerequisites where its words allow, then amended by the overlay.
type jobRequirements struct {
	Education  string // 「大專以上」
	Credential string // schema.org credentialCategory, e.g. "associate degree"
	Majors     []string
	Experience string // 「旅宿業相關（含實習）工作經歷 2 年以上」
	Months     int    // experience in months, 0 = not said
	Languages  []string
	Licenses   []string
	Tools      []string
	Skills     []string // skills the overlay adds to the standard's S
	Other      []string // clauses no other field takes
	// Alternatives are prerequisite lines printed as written: a standard
	// with several lines offers alternatives, which are not merged.
	Alternatives []string
}

var (
	// educationLevel finds a school level and whether it is a minimum.
	educationLevel = regexp.MustCompile(`(博士|碩士|研究所|大學|大專|專科|高中職|高職|高中|國中)(以上|或以上)?`)
	// experienceSpan finds a span of years or months.
	experienceSpan = regexp.MustCompile(`(\d+)\s*(年|個月)`)
	majorWords     = []string{"相關科系", "相關系所", "科系", "系所", "學系"}
	languageWords  = []string{"外語", "外文", "語文", "語言", "英語", "英文", "日語", "日文", "韓語", "多益", "TOEIC"}
	licenseWords   = []string{"證照", "執照", "技術士", "證書"}
	// clauseJoiners are words that join a clause to the one before it.
	clauseJoiners = []string{"且", "並", "及", "須", "需", "應", "具備", "具有", "具"}
)

// credentialOf maps a school level to schema.org's credential categories.
func credentialOf(level string) string {
	switch level {
	case "博士", "碩士", "研究所":
		return "postgraduate degree"
	case "大學":
		return "bachelor degree"
	case "大專", "專科":
		return "associate degree"
	case "高中職", "高職", "高中":
		return "high school"
	}
	return ""
}

// parseJobRequirements reads education, majors, experience, languages
// and licences from the standard's prerequisite lines. One line is read
// clause by clause; what no field takes goes to Other, so no word is lost.
// Several lines are alternatives and are kept as written.
func parseJobRequirements(lines []string) jobRequirements {
	var r jobRequirements
	switch len(lines) {
	case 0:
		return r
	case 1:
	default:
		r.Alternatives = lines
		return r
	}
	for _, c := range splitClauses(lines[0]) {
		taken := false
		if m := educationLevel.FindStringSubmatchIndex(c); m != nil && r.Education == "" && !strings.Contains(c, "經歷") {
			level := c[m[2]:m[3]]
			r.Education = c[m[2]:m[1]]
			if strings.HasSuffix(r.Education, "或以上") {
				r.Education = level + "以上"
			}
			r.Credential = credentialOf(level)
			r.Majors = majorsIn(c, m[0])
			taken = true
		}
		if m := experienceSpan.FindStringSubmatch(c); m != nil && r.Experience == "" && (strings.Contains(c, "經歷") || strings.Contains(c, "經驗")) {
			r.Experience = trimJoiners(c)
			r.Months = spanMonths(m)
			taken = true
		}
		switch {
		case taken:
		case containsAnyWord(c, languageWords):
			r.Languages = append(r.Languages, trimJoiners(c))
		case containsAnyWord(c, licenseWords):
			r.Licenses = append(r.Licenses, trimJoiners(c))
		default:
			r.Other = append(r.Other, trimJoiners(c))
		}
	}
	return r
}

// splitClauses cuts a prerequisite line at 「，；。」 and drops a short
// leading label such as 「學歷背景：」.
func splitClauses(line string) []string {
	if i := strings.IndexAny(line, "：:"); i > 0 && utf8.RuneCountInString(line[:i]) <= 6 && !strings.ContainsAny(line[:i], "0123456789") {
		_, size := utf8.DecodeRuneInString(line[i:])
		line = line[i+size:]
	}
	var out []string
	for _, c := range strings.FieldsFunc(line, func(r rune) bool { return strings.ContainsRune("，；。,;", r) }) {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// majorsIn reads the fields of study written before 「系所」 or 「科系」:
// 「觀光休閒餐旅/商管/傳播系所大專以上畢業」 gives 觀光休閒餐旅, 商管, 傳播.
// edu is where the school level starts in the clause.
func majorsIn(c string, edu int) []string {
	end := -1
	for _, w := range majorWords {
		if i := strings.Index(c, w); i >= 0 && (end < 0 || i < end) {
			end = i
		}
	}
	if end <= 0 {
		return nil
	}
	pre := c[:end]
	if m := educationLevel.FindStringIndex(pre); m != nil && m[0] == edu {
		pre = pre[m[1]:]
	}
	pre = trimJoiners(pre)
	var out []string
	for _, f := range strings.FieldsFunc(pre, func(r rune) bool { return strings.ContainsRune("/／、", r) }) {
		f = strings.TrimSuffix(strings.TrimSpace(f), "相關")
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// spanMonths converts a matched span of years or months into months.
func spanMonths(m []string) int {
	n, err := strconv.Atoi(m[1])
	if err != nil {
		return 0
	}
	if m[2] == "年" {
		return n * 12
	}
	return n
}

// trimJoiners drops joining words from the start of a clause:
// 「且須具外語溝通能力尤佳」 becomes 「外語溝通能力尤佳」.
func trimJoiners(c string) string {
	c = strings.TrimSpace(c)
	for again := true; again; {
		again = false
		for _, j := range clauseJoiners {
			if strings.HasPrefix(c, j) && len(c) > len(j) {
				c, again = c[len(j):], true
			}
		}
	}
	return strings.TrimSpace(c)
}

func containsAnyWord(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// with amends the requirements by the overlay's: education, majors,
// experience and languages replace the standard's; the rest add to them.
func (r jobRequirements) with(o Requirements) jobRequirements {
	if o.Education != "" {
		r.Education = o.Education
		r.Credential = ""
		if m := educationLevel.FindStringSubmatch(o.Education); m != nil {
			r.Credential = credentialOf(m[1])
		}
	}
	if o.EducationLevel != "" {
		r.Credential = o.EducationLevel
	}
	if len(o.Majors) > 0 {
		r.Majors = o.Majors
	}
	if o.Experience != "" {
		r.Experience, r.Months = o.Experience, 0
		if m := experienceSpan.FindStringSubmatch(o.Experience); m != nil {
			r.Months = spanMonths(m)
		}
	}
	if o.ExperienceMonths > 0 {
		r.Months = o.ExperienceMonths
	}
	if len(o.Languages) > 0 {
		r.Languages = o.Languages
	}
	r.Licenses = append(append([]string(nil), r.Licenses...), o.Licenses...)
	r.Tools = append(append([]string(nil), r.Tools...), o.Tools...)
	r.Skills = append(append([]string(nil), r.Skills...), o.Skills...)
	r.Other = append(append([]string(nil), r.Other...), o.Other...)
	return r
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
		b.pairList("alternatives", r.Alternatives),
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
