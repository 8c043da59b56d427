package standard

import (
	"github.com/ocs-project/ocs/diag"
	"github.com/ocs-project/ocs/internal/lazyre"

	"fmt"
	"strconv"
	"strings"
)

const (
	statusLatest = "最新版本"
	statusOld    = "歷史版本"
)

var (
	versionRe    = lazyre.New(`^[Vv](\d+)$`)
	dateRe       = lazyre.New(`^\d{4}([/-])\d{2}([/-])\d{2}$`)
	supersededRe = lazyre.New(`已被\s*《[^》]+》\s*取代`)
)

// remarks checks R12: the prerequisites are given.
func (v *validator) remarks() {
	if len(v.s.Prerequisites) == 0 {
		v.add("R12", Warning, "remarks.prerequisites", `add [remarks] prerequisites = ["學歷背景：…"]`,
			"no 建議擔任此職類/職業之學歷/經歷/或能力條件 (prerequisites)")
	}
}

// history checks R13: the version list has exactly one 最新版本, version
// numbers run one way, superseded rows say by what, and dates are dates.
func (v *validator) history() {
	s := v.s
	if s.Updated != "" && !dateRe().MatchString(s.Updated) {
		v.add("R13", Warning, "updated", `write the date as YYYY/MM/DD: updated = "2024/12/15"`, "發展更新日期 %q is not a date YYYY/MM/DD", s.Updated)
	}
	if len(s.History) == 0 {
		return
	}
	latest := 0
	prev, dir := 0, 0 // previous version number; direction +1 or -1 once known
	ordered := true   // report only the first break of the order
	for i, h := range s.History {
		path := diag.Index("history", i)
		switch h.Status {
		case statusLatest:
			latest++
			if latest == 1 && s.Code != "" && h.Code != "" && h.Code != s.Code {
				v.add("R13", Warning, path+".code", "the 最新版本 row is this standard: give it the standard's code",
					"the 最新版本 row has code %s, the standard %s", h.Code, s.Code)
			}
		case statusOld:
			if !supersededRe().MatchString(h.Note) {
				v.add("R13", Warning, path+".note", `write note = "已被《…》取代" naming the version that replaced it`,
					"superseded version %s does not say what replaced it", h.Version)
			}
		default:
			v.add("R13", Warning, path+".status", `status is 最新版本 or 歷史版本`, "status %q is neither 最新版本 nor 歷史版本", h.Status)
		}
		if h.Date != "" && !dateRe().MatchString(h.Date) {
			v.add("R13", Warning, path+".date", `write the date as YYYY/MM/DD: date = "2024/12/15"`, "date %q is not a date YYYY/MM/DD", h.Date)
		}
		m := versionRe().FindStringSubmatch(h.Version)
		if m == nil {
			v.add("R13", Warning, path+".version", `write the version as V1, V2, …`, "version %q is not of the form V1, V2, …", h.Version)
			continue
		}
		n, _ := strconv.Atoi(m[1])
		if prev != 0 && ordered {
			step := sign(n - prev)
			if step == 0 || (dir != 0 && step != dir) {
				v.add("R13", Warning, path+".version", "list versions newest first or oldest first, each once", "version %s is out of order", h.Version)
				ordered = false
			}
			dir = step
		}
		prev = n
	}
	if latest != 1 {
		v.add("R13", Warning, "history", "exactly one row has status = \"最新版本\"", "the history has %d rows marked 最新版本", latest)
	}
}

func sign(n int) int {
	switch {
	case n > 0:
		return 1
	case n < 0:
		return -1
	}
	return 0
}

var (
	// Wording the guideline discourages in K, S and P: ability phrasing and
	// degree qualifiers.
	abilityRe   = lazyre.New(`具備.{0,30}?(之|的)?能力`)
	qualifierRe = lazyre.New(`熟悉|精通|良好的`)
	// A number with a unit in an indicator: thresholds belong in assessment.
	thresholdRe = lazyre.New(`\d+\s*(%|％|次|分鐘|小時|天|日內|個|件|份|人次|位)`)
)

// style checks R14: discouraged wording in knowledge, skills and
// indicators, numeric thresholds in indicators, and stray spaces at the
// ends of any text.
func (v *validator) style() {
	s := v.s
	wording := func(path, text string) {
		if !strings.Contains(text, "具備") && !strings.Contains(text, "熟悉") && !strings.Contains(text, "精通") && !strings.Contains(text, "良好的") {
			return // the common case, without running the expressions
		}
		if m := abilityRe().FindString(text); m != "" {
			v.add("R14", Info, path, "name the knowledge or skill itself (e.g. 「溝通協調能力」) rather than 「具備…能力」", "ability phrasing 「%s」", m)
		} else if m := qualifierRe().FindString(text); m != "" {
			v.add("R14", Info, path, "degree words are hard to assess; describe the behaviour or the content instead", "degree qualifier 「%s」", m)
		}
	}
	for _, it := range s.Knowledge {
		wording(diag.JoinKey("knowledge", it.Code), it.Text)
	}
	for _, it := range s.Skills {
		wording(diag.JoinKey("skills", it.Code), it.Text)
	}
	v.eachBlock(func(_, _, _ int, b *Block, bp string) {
		for k, e := range b.Indicators {
			path := diag.Index(bp+".indicators", k)
			wording(path, e.Text)
			if !strings.ContainsAny(e.Text, "0123456789") {
				continue
			}
			if m := thresholdRe().FindString(e.Text); m != "" {
				v.add("R14", Info, path, "numeric thresholds belong in the assessment criteria, not in the standard's indicators", "indicator sets a number: 「%s」", m)
			}
		}
	})
	s.Walk(func(path, text string) {
		if hasOuterSpace(text) {
			v.add("R14", Info, path, "remove the spaces or line breaks at the start or end", "text %s starts or ends with white space", quoteShort(text))
		}
	})
}

// quoteShort quotes a text, shortened to 20 characters.
func quoteShort(text string) string {
	r := []rune(strings.TrimSpace(text))
	if len(r) > 20 {
		return fmt.Sprintf("「%s…」", string(r[:20]))
	}
	return fmt.Sprintf("「%s」", string(r))
}
