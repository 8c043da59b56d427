package standard

import (
	"github.com/ocs-project/ocs/diag"
	"github.com/ocs-project/ocs/internal/lazyre"

	"fmt"
	"strings"
)

var (
	standardCodeRe = lazyre.New(`^[A-Z]{3}\d{4}-\d{3}(v\d+)?$`)
	jobCodeRe      = lazyre.New(`^[A-Z]{3}$`)
	occupationRe   = lazyre.New(`^\d{3,4}$`)
	industryRe     = lazyre.New(`^[A-S]\d{2,4}$`)
	digitsRe       = lazyre.New(`^\d+$`)
)

// header checks R01–R04: the standard's code, name and classification.
func (v *validator) header() {
	s := v.s
	// R01
	if s.Code != "" {
		m := standardCodeRe().FindStringSubmatch(s.Code)
		switch {
		case m == nil:
			v.add("R01", Warning, "code", "iCAP codes look like THM2431-001v1 (職類別 3 letters, 職業別 4 digits, serial, version); copy it exactly from the published standard, or leave it out for a company document",
				"職能基準代碼 %q does not have the form ABC1234-001v1", s.Code)
		case m[1] == "":
			v.add("R01", Info, "code", "first-generation standards had no version suffix; newer ones end in v1, v2, …",
				"職能基準代碼 %q has no version suffix (a legacy code)", s.Code)
		}
	}
	// R02
	if standardCodeRe().MatchString(s.Code) {
		if c := firstCode(s.Category.Job); c != "" && s.Code[:3] != c {
			v.add("R02", Warning, "code", "the code's first three letters are the 職類別代碼: check both against the published standard",
				"職能基準代碼 %s does not start with the 職類別代碼 %s", s.Code, c)
		}
		if c := firstCode(s.Category.Occupation); c != "" && s.Code[3:7] != c {
			v.add("R02", Warning, "code", "the code's four digits are the first 職業別代碼: check both against the published standard",
				"職能基準代碼 %s does not carry the 職業別代碼 %s", s.Code, c)
		}
	}
	// R03
	switch {
	case s.Occupation == "" && s.JobCategory == "":
		v.add("R03", Error, "occupation", `name the standard: occupation = "…" (職業) or job_category = "…" (職類)`,
			"the standard has no name: neither occupation nor job_category is set")
	case s.Occupation != "" && s.JobCategory != "":
		v.add("R03", Error, "job_category", "the form names either the 職類 or the 職業: keep only one",
			"both occupation (%s) and job_category (%s) are set", s.Occupation, s.JobCategory)
	}
	// R04
	for i, c := range s.Category.Job {
		if c.Code != "" && !jobCodeRe().MatchString(c.Code) {
			v.add("R04", Warning, diag.Index("category.job", i)+".code", "a 職類別代碼 is three capital letters, e.g. THM",
				"職類別代碼 %q is not three capital letters", c.Code)
		}
	}
	for i, c := range s.Category.Occupation {
		if c.Code != "" && !occupationRe().MatchString(c.Code) {
			v.add("R04", Warning, diag.Index("category.occupation", i)+".code", "a 職業別代碼 is the 3-digit 小類 or 4-digit 細類 of the 職業標準分類, e.g. 2431",
				"職業別代碼 %q is not 3 or 4 digits", c.Code)
		}
	}
	for i, c := range s.Category.Industry {
		if c.Code == "" || industryRe().MatchString(c.Code) {
			continue
		}
		path := diag.Index("category.industry", i) + ".code"
		hint := "a 行業別代碼 is a section letter A–S and 2–4 digits of the 行業統計分類, e.g. I55"
		if digitsRe().MatchString(c.Code) && len(c.Code) >= 3 && len(c.Code) <= 5 {
			if fix := ocrLetter(c.Code); fix != "" {
				v.add("R04", Warning, path, fmt.Sprintf("write %q: the section letter was probably read as a digit", fix),
					"行業別代碼 %q has no section letter; likely an OCR slip for %s", c.Code, fix)
				continue
			}
		}
		v.add("R04", Warning, path, hint, "行業別代碼 %q is not a section letter A–S and 2–4 digits", c.Code)
	}
}

// ocrLetter guesses the industry code a text extraction misread: a section
// letter taken for a look-alike digit (I→1, O→0, S→5, B→8).
func ocrLetter(code string) string {
	letter := map[byte]string{'1': "I", '0': "O", '5': "S", '8': "B"}[code[0]]
	if letter == "" || len(code) < 3 {
		return ""
	}
	return letter + code[1:]
}

func firstCode(rows []Class) string {
	for _, c := range rows {
		if c.Code != "" {
			return c.Code
		}
	}
	return ""
}

// levels checks R05 (levels are 1–6 or explained) and R06 (the standard's
// level is the most common task level).
func (v *validator) levels() {
	s := v.s
	const hintRange = "職能級別 are 1 to 6 (指引 表3); leave the key out for a standard without levels"
	if s.Level != 0 || s.isSet("level") {
		if s.Level < 1 || s.Level > 6 {
			v.add("R05", Error, "level", hintRange, "基準級別 %d is not between 1 and 6", s.Level)
		}
	}
	switch {
	case s.Level == 0 && s.NoLevels == "":
		v.add("R05", Warning, "level", `set level = 1–6, or explain a legacy standard: no_levels = "本項職能基準發展之初並未訂定職能級別"`,
			"the standard has no 基準級別 and no no_levels explanation")
	case s.Level != 0 && s.NoLevels != "":
		v.add("R05", Warning, "no_levels", "remove no_levels, or remove level if the standard really has no levels",
			"the standard sets both level %d and no_levels", s.Level)
	}
	counts := make(map[int]int)
	v.eachTask(func(d, t int, task *Task, path string) {
		set := s.isSet(path + ".level")
		if task.Level != 0 || set {
			v.checkLevel(path+".level", task.Level)
		}
		lvl := task.Level
		for b, blk := range task.Blocks {
			bp := s.BlockPath(d, t, b) + ".level"
			if !task.Shorthand && (blk.Level != 0 || s.isSet(bp)) {
				v.checkLevel(bp, blk.Level)
			}
			if lvl == 0 {
				lvl = blk.Level
			}
		}
		switch {
		case lvl == 0 && !set && s.NoLevels == "" && s.Level != 0 && task.Shares == "":
			v.add("R05", Warning, path, "give the task its 職能級別: level = 1–6", "task %s has no 職能級別", task.Code)
		case lvl != 0 && s.NoLevels != "" && (task.Shares == "" || set): // a shared row's level is reported where it is written
			v.add("R05", Warning, path+".level", "a standard with no_levels prints no task levels: remove the level or no_levels", "task %s has a level but the standard declares no_levels", task.Code)
		}
		if lvl >= 1 && lvl <= 6 {
			counts[lvl]++
		}
	})
	v.levelMode(counts)
}

func (v *validator) checkLevel(path string, level int) {
	if level < 1 || level > 6 {
		v.add("R05", Error, path, "職能級別 are 1 to 6 (指引 表3)", "職能級別 %d is not between 1 and 6", level)
	}
}

// levelMode checks R06 against the task level counts.
func (v *validator) levelMode(counts map[int]int) {
	s := v.s
	if s.Level < 1 || s.Level > 6 || len(counts) == 0 {
		return
	}
	best, total := 0, 0
	for _, n := range counts {
		best = max(best, n)
		total += n
	}
	if counts[s.Level] == best {
		return
	}
	var modes []string
	for l := 1; l <= 6; l++ {
		if counts[l] == best {
			modes = append(modes, fmt.Sprint(l))
		}
	}
	v.add("R06", Warning, "level", "the guide sets 基準級別 to the level of the main or most tasks; check it unless the standard was leveled top-down",
		"基準級別 %d differs from the most common task level %s (%d of %d tasks)", s.Level, strings.Join(modes, " or "), best, total)
}
