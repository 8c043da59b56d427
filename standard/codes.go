package standard

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	dutyCodeRe   = regexp.MustCompile(`^T(\d+)$`)
	taskCodeRe   = regexp.MustCompile(`^T(\d+(?:\.\d+)+)$`)
	legacyCodeRe = regexp.MustCompile(`^[OP]\d+\.\d+$`) // two-level O/P codes numbered per duty
	trailingNum  = regexp.MustCompile(`\d+$`)
)

// assignCodes fills in every empty code from position: duties T1…, tasks
// T1.1…, outputs O1.1.1… and indicators P1.1.1… numbered across the
// blocks of a task. A code after an explicit one continues from it, so a
// legacy document can write {code = "P1.1", text = …} on the first
// indicator of a duty and let the rest follow (P1.2, P1.3, … also into
// the next tasks of the duty).
func assignCodes(s *Standard) {
	for i := range s.Duties {
		d := &s.Duties[i]
		if d.Code == "" {
			d.Code = "T" + strconv.Itoa(i+1)
		}
		dnum := strconv.Itoa(i + 1)
		if m := dutyCodeRe.FindStringSubmatch(d.Code); m != nil {
			dnum = m[1]
		}
		var lastO, lastP string // last codes in this duty
		for j := range d.Tasks {
			t := &d.Tasks[j]
			if t.Code == "" {
				t.Code = "T" + dnum + "." + strconv.Itoa(j+1)
			}
			tnum := dnum + "." + strconv.Itoa(j+1)
			if m := taskCodeRe.FindStringSubmatch(t.Code); m != nil {
				tnum = m[1]
			}
			prevO, prevP := "", ""
			if legacyCodeRe.MatchString(lastO) {
				prevO = lastO
			}
			if legacyCodeRe.MatchString(lastP) {
				prevP = lastP
			}
			for b := range t.Blocks {
				prevO = number(t.Blocks[b].Outputs, prevO, "O"+tnum+".1")
				prevP = number(t.Blocks[b].Indicators, prevP, "P"+tnum+".1")
			}
			if prevO != "" {
				lastO = prevO
			}
			if prevP != "" {
				lastP = prevP
			}
		}
	}
}

// number fills in empty codes of entries: the first one after prev (or
// first when nothing came before), and so on. It returns the last code.
func number(entries []Entry, prev, first string) string {
	for k := range entries {
		e := &entries[k]
		if e.Code == "" {
			if prev == "" {
				e.Code = first
			} else if next := nextCode(prev); next != "" {
				e.Code = next
			} else {
				e.Code = first
			}
		}
		prev = e.Code
	}
	return prev
}

// nextCode increments the number at the end of a code, keeping its zero
// padding: P1.1.9 → P1.1.10, K09 → K10. It returns "" when the code does
// not end in a number.
func nextCode(code string) string {
	loc := trailingNum.FindStringIndex(code)
	if loc == nil || loc[1]-loc[0] > 9 {
		return ""
	}
	digits := code[loc[0]:]
	n, _ := strconv.Atoi(digits)
	next := strconv.Itoa(n + 1)
	if len(next) < len(digits) {
		next = strings.Repeat("0", len(digits)-len(next)) + next
	}
	return code[:loc[0]] + next
}

// fillRefs sets the text of every K/S reference that does not carry its
// own from the catalogue. A reference to an undefined code keeps an empty
// text; Validate reports it.
func fillRefs(s *Standard) {
	k := catalogueTexts(s.Knowledge)
	sk := catalogueTexts(s.Skills)
	for i := range s.Duties {
		for j := range s.Duties[i].Tasks {
			t := &s.Duties[i].Tasks[j]
			for b := range t.Blocks {
				fill(t.Blocks[b].Knowledge, k)
				fill(t.Blocks[b].Skills, sk)
			}
		}
	}
}

func catalogueTexts(items []Item) map[string]string {
	m := make(map[string]string, len(items))
	for _, it := range items {
		if _, ok := m[it.Code]; !ok {
			m[it.Code] = it.Text
		}
	}
	return m
}

func fill(refs []Ref, texts map[string]string) {
	for i := range refs {
		if refs[i].Text == "" {
			refs[i].Text = texts[refs[i].Code]
		}
	}
}
